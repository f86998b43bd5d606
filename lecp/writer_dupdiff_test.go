package lecp

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// dkey is a random map key for TestWriterDupDifferential: a tree of
// Writer calls, with raw, when set, written by RawItem in place of the
// canonical item the rest of dkey describes.
type dkey struct {
	kind int
	i    int64
	s    string
	f    float64
	raw  []byte
	kids []dkey
}

const (
	dkInt = iota
	dkText
	dkBytes
	dkFloat
	dkNull
	dkTag
	dkArray
	dkMap
	dkLong // a text string longer than shortContent: a pending head around it
	dkRaw
	dkKinds
)

var dkFloats = []float64{0, math.Copysign(0, -1), 1.5, math.NaN(), 65504, 1e300, float64(float32(0.1)), math.Inf(-1)}

// dkRaws are RawItems in encodings that are not preferred, each with the
// dkey of the item it encodes.
var dkRaws = []struct {
	raw []byte
	key dkey
}{
	{[]byte{0x18, 0x01}, dkey{kind: dkInt, i: 1}},
	{[]byte{0x38, 0x00}, dkey{kind: dkInt, i: -1}},
	{[]byte{0xfa, 0x3f, 0xc0, 0, 0}, dkey{kind: dkFloat, f: 1.5}},
	{[]byte{0xfb, 0, 0, 0, 0, 0, 0, 0, 0}, dkey{kind: dkFloat, f: 0}},
	{[]byte{0xfa, 0x80, 0, 0, 0}, dkey{kind: dkFloat, f: math.Copysign(0, -1)}},
	{[]byte{0x9f, 0x01, 0xff}, dkey{kind: dkArray, kids: []dkey{{kind: dkInt, i: 1}}}},
	{[]byte{0x7f, 0x61, 'a', 0xff}, dkey{kind: dkText, s: "a"}},
	{[]byte{0x61, 'a'}, dkey{kind: dkText, s: "a"}},
}

// randDkey returns a random key; wide draws integers and strings from
// many values, so that a large map often has no duplicate.
func randDkey(r *rand.Rand, depth int, raws, wide bool) dkey {
	for {
		k := r.IntN(dkKinds)
		if wide && k == dkNull {
			k = dkInt
		}
		if wide && (k == dkInt || k == dkText) {
			return dkey{kind: k, i: r.Int64N(2001) - 1000, s: string(rune('a'+r.IntN(26))) + string(rune('a'+r.IntN(26)))}
		}
		if depth > 1 && k >= dkTag {
			continue
		}
		if k == dkRaw && !raws {
			continue
		}
		switch k {
		case dkInt:
			return dkey{kind: k, i: r.Int64N(7) - 3}
		case dkText:
			return dkey{kind: k, s: []string{"", "a", "b"}[r.IntN(3)]}
		case dkBytes:
			return dkey{kind: k, s: []string{"", "a"}[r.IntN(2)]}
		case dkFloat:
			return dkey{kind: k, f: dkFloats[r.IntN(len(dkFloats))]}
		case dkNull:
			return dkey{kind: k}
		case dkTag:
			return dkey{kind: k, i: int64(1 + r.IntN(3)), kids: []dkey{randDkey(r, depth+1, raws, wide)}}
		case dkArray:
			n := r.IntN(3)
			kids := make([]dkey, n)
			for i := range kids {
				kids[i] = randDkey(r, depth+1, raws, wide)
			}
			return dkey{kind: k, kids: kids}
		case dkMap:
			// distinct small int keys in a random order
			n := r.IntN(3)
			p := r.Perm(3)[:n]
			kids := make([]dkey, 0, 2*n)
			for _, i := range p {
				kids = append(kids, dkey{kind: dkInt, i: int64(i)}, randDkey(r, depth+1, raws, wide))
			}
			return dkey{kind: k, kids: kids}
		case dkLong:
			return dkey{kind: k, s: strings.Repeat("x", 66+r.IntN(2))}
		case dkRaw:
			x := dkRaws[r.IntN(len(dkRaws))]
			k := x.key
			k.raw = x.raw
			return k
		}
	}
}

// write writes k; with canonical, raws as their canonical items.
func (k dkey) write(w *Writer, canonical bool) {
	if k.raw != nil && !canonical {
		w.RawItem(k.raw)
		return
	}
	switch k.kind {
	case dkInt:
		w.Int(k.i)
	case dkText:
		w.Text(k.s)
	case dkBytes:
		w.ByteString([]byte(k.s))
	case dkFloat:
		w.Float(k.f)
	case dkNull:
		w.Null()
	case dkTag:
		w.Tag(uint64(k.i))
		k.kids[0].write(w, canonical)
	case dkArray:
		w.BeginArray()
		for _, c := range k.kids {
			c.write(w, canonical)
		}
		w.EndArray()
	case dkMap:
		w.BeginMap()
		for _, c := range k.kids {
			c.write(w, canonical)
		}
		w.EndMap()
	case dkLong:
		w.BeginArray()
		w.Text(k.s)
		w.EndArray()
	}
}

// TestWriterDupDifferential: EndMap's verdict on random maps of random
// small keys (nested arrays, maps and tags, long ones with a pending head,
// floats, negative integers, byte and text strings, RawItems in other
// encodings), of 1 to 20 pairs (both sides of hashPairs), Deterministic
// and not, against a brute force: each key written alone (a RawItem as
// its canonical item) and the encodings compared pairwise, 0.0 and -0.0
// the same key; one Writer, Reset for each map. A map the Writer accepts passes Check, and its keys as
// ReadValue reads them from the output are those encodings.
func TestWriterDupDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 21))
	var w, kw Writer
	dups, bigUnique := 0, 0
	for iter := range 20000 {
		det := iter%2 == 1
		raws := !det && iter%4 == 0
		n := 1 + r.IntN(20)
		wide := iter%3 != 0
		plant := 4
		if wide {
			plant = 4 * n
		}
		keys := make([]dkey, n)
		for i := range keys {
			if i > 0 && r.IntN(plant) == 0 {
				keys[i] = keys[r.IntN(i)] // a likely duplicate
				if raws && r.IntN(2) == 0 {
					x := dkRaws[r.IntN(len(dkRaws))]
					keys[i] = x.key
					keys[i].raw = x.raw
				}
				continue
			}
			keys[i] = randDkey(r, 0, raws, wide)
		}
		enc := make([][]byte, n)
		for i, k := range keys {
			kw = Writer{Deterministic: det}
			k.write(&kw, true)
			b, err := kw.Bytes()
			if err != nil {
				t.Fatalf("key %+v alone: %v", k, err)
			}
			enc[i] = b
		}
		zero := func(b []byte) bool { return len(b) == 3 && b[0] == 0xf9 && b[1]&0x7f == 0 && b[2] == 0 }
		want := false
		for i := range enc {
			for j := range i {
				if bytes.Equal(enc[i], enc[j]) || zero(enc[i]) && zero(enc[j]) {
					want = true
				}
			}
		}
		w.Reset() // reused: hashDup's table too
		w.Deterministic = det
		w.BeginMap()
		for i, k := range keys {
			k.write(&w, false)
			w.Uint(uint64(i))
		}
		w.EndMap()
		out, err := w.Bytes()
		if got := errors.Is(err, ErrDuplicateKey); got != want || !got && err != nil {
			t.Fatalf("iter %d det=%v: %d keys %+v: Writer error %v; duplicate want %v", iter, det, n, keys, err, want)
		}
		if want {
			dups++
			continue
		}
		if n > hashPairs {
			bigUnique++
		}
		opts := rawLimits
		opts.Deterministic = det
		if err := NewChecker(&opts).Check(out); err != nil {
			t.Fatalf("iter %d: output %x fails Check: %v", iter, out, err)
		}
		if raws {
			continue // the output holds the raw encodings
		}
		d := NewDecoderBytes(out, &opts)
		if _, err := d.ReadToken(); err != nil {
			t.Fatal(err)
		}
		for range n {
			kb, err := d.ReadValue()
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, e := range enc {
				found = found || bytes.Equal(e, kb)
			}
			if !found {
				t.Fatalf("iter %d: key %x in the output is none of the keys written alone", iter, kb)
			}
			if _, err := d.ReadValue(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if dups < 2000 || bigUnique < 1000 {
		t.Fatalf("only %d maps with duplicates, %d of more than hashPairs keys without", dups, bigUnique)
	}
}
