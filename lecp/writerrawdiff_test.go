package lecp

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

type rawDiffLeaf struct {
	enc  []byte
	call func(w *Writer) // nil: raw only
}

var rawDiffLeaves = []rawDiffLeaf{
	{[]byte{0x01}, func(w *Writer) { w.Uint(1) }},
	{[]byte{0x18, 0x01}, nil},
	{[]byte{0x19, 0x00, 0x01}, nil},
	{[]byte{0x02}, func(w *Writer) { w.Uint(2) }},
	{[]byte{0xf9, 0x00, 0x00}, func(w *Writer) { w.Float(0) }},
	{[]byte{0xf9, 0x80, 0x00}, func(w *Writer) { w.Float(math.Copysign(0, -1)) }},
	{[]byte{0xfa, 0x80, 0, 0, 0}, nil},
	{[]byte{0xfb, 0, 0, 0, 0, 0, 0, 0, 0}, nil},
	{[]byte{0x61, 0x61}, func(w *Writer) { w.Text("a") }},
	{[]byte{0x7f, 0x61, 0x61, 0xff}, nil},
	{[]byte{0x7f, 0x60, 0x61, 0x61, 0xff}, nil},
	{[]byte{0x78, 0x01, 0x61}, nil},
	{[]byte{0x41, 0x61}, func(w *Writer) { w.ByteString([]byte("a")) }},
	{[]byte{0x5f, 0x41, 0x61, 0xff}, nil},
	{[]byte{0xf9, 0x7e, 0x00}, func(w *Writer) { w.Float(math.NaN()) }},
	{[]byte{0xfa, 0x7f, 0xc0, 0, 0}, nil},
	{[]byte{0xf9, 0x7e, 0x01}, nil},
	{[]byte{0xfb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0}, nil},
	{[]byte{0xfb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 1}, nil},
	{[]byte{0x80}, nil},
	{[]byte{0x9f, 0xff}, nil},
	{[]byte{0x81, 0x01}, nil},
	{[]byte{0x9f, 0x01, 0xff}, nil},
	{[]byte{0x98, 0x01, 0x01}, nil},
	{[]byte{0xa0}, nil},
	{[]byte{0xbf, 0xff}, nil},
	{[]byte{0xa1, 0x01, 0x01}, nil},
	{[]byte{0xbf, 0x01, 0x01, 0xff}, nil},
	{[]byte{0xb8, 0x01, 0x18, 0x01, 0x01}, nil},
	{[]byte{0xc1, 0x01}, func(w *Writer) { w.Tag(1); w.Uint(1) }},
	{[]byte{0xd8, 0x01, 0x01}, nil},
	{[]byte{0xc1, 0x18, 0x01}, nil},
	{[]byte{0xa2, 0x01, 0x01, 0x02, 0x02}, nil},
	{[]byte{0xa2, 0x02, 0x02, 0x01, 0x01}, nil},
	{[]byte{0xa2, 0x02, 0x02, 0x18, 0x01, 0x01}, nil},
	{[]byte{0x81, 0xf9, 0x80, 0x00}, nil},
	{[]byte{0x81, 0xf9, 0x00, 0x00}, nil},
	{[]byte{0x81, 0xfa, 0x80, 0, 0, 0}, nil},
}

// rawDiffLeaves are items in several encodings of one data item (longer
// heads, wider floats, indefinite lengths, NaN payloads, tags), written with
// RawItem or, for the preferred encodings, with the Writer's own calls.

// rawDiffGen writes a random item with w, depth levels at most, and returns
// the encoding the Writer must produce: the RawItems' bytes as given and,
// with det, each map's pairs in the order of their keys' bytes as written.
// With det only leaves in core deterministic encoding are used.
func rawDiffGen(r *rand.Rand, w *Writer, depth int, det bool) []byte {
	if depth == 0 || r.IntN(3) == 0 {
		if r.IntN(8) == 0 {
			long := bytes.Repeat([]byte{9}, 60+r.IntN(20))
			w.ByteString(long)
			return AppendBytes(nil, long)
		}
		l := rawDiffLeaves[r.IntN(len(rawDiffLeaves))]
		for det && Check(l.enc, &Options{Deterministic: true}) != nil {
			l = rawDiffLeaves[r.IntN(len(rawDiffLeaves))]
		}
		if l.call != nil && r.IntN(2) == 0 {
			l.call(w)
		} else {
			w.RawItem(l.enc)
		}
		return l.enc
	}
	var out []byte
	if r.IntN(6) == 0 {
		w.Tag(5)
		out = append(out, 0xc5)
	}
	n := r.IntN(4)
	if r.IntN(2) == 0 {
		w.BeginArray()
		var c []byte
		for range n {
			c = append(c, rawDiffGen(r, w, depth-1, det)...)
		}
		w.EndArray()
		return append(appendHead(out, majArray, uint64(n)), c...)
	}
	w.BeginMap()
	var pairs [][]byte
	var keys [][]byte
	for range n {
		k := rawDiffGen(r, w, depth-1, det)
		v := rawDiffGen(r, w, depth-1, det)
		keys = append(keys, k)
		pairs = append(pairs, append(slices.Clone(k), v...))
	}
	w.EndMap()
	if det {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return bytes.Compare(keys[a], keys[b]) })
		var ps [][]byte
		for _, i := range idx {
			ps = append(ps, pairs[i])
		}
		pairs = ps
	}
	out = appendHead(out, majMap, uint64(n))
	for _, p := range pairs {
		out = append(out, p...)
	}
	return out
}

// TestWriterRawKeyVerdictsMatchCheck: for random documents with RawItems
// of other encodings in map keys at every depth, under pending heads and
// sorted maps, with and without Deterministic, the Writer refuses a
// duplicate key exactly when Check refuses its would-be output as one,
// produces the RawItems' bytes as given otherwise, and a Writer reused
// after Reset (following a document that may have failed) writes the same
// bytes and error as a fresh one.
func TestWriterRawKeyVerdictsMatchCheck(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	reuse := &Writer{}
	bad := 0
	for it := 0; it < 4000 && bad < 10; it++ {
		det := r.IntN(3) == 0
		seed1, seed2 := r.Uint64(), r.Uint64()
		w := &Writer{Deterministic: det}
		depth := 1 + r.IntN(4)
		want := rawDiffGen(rand.New(rand.NewPCG(seed1, seed2)), w, depth, det)
		got, err := w.Bytes()
		cerr := Check(want, &Options{Deterministic: det, MaxDepth: 1000})
		// reuse: a writer with history, Reset, same document
		reuse.Deterministic = det
		reuse.Reset()
		rawDiffGen(rand.New(rand.NewPCG(seed2, seed1)), reuse, 1+r.IntN(4), det) // noise doc
		if r.IntN(2) == 0 {
			reuse.Bytes()
		}
		reuse.Reset()
		rawDiffGen(rand.New(rand.NewPCG(seed1, seed2)), reuse, depth, det)
		got2, err2 := reuse.Bytes()
		if !bytes.Equal(got2, got) || (err2 == nil) != (err == nil) || err2 != nil && err2.Error() != err.Error() {
			t.Errorf("reuse: % x %v, fresh % x %v", got2, err2, got, err)
			bad++
		}
		if (err == nil) != (cerr == nil) || errors.Is(err, ErrDuplicateKey) != errors.Is(cerr, ErrDuplicateKey) {
			t.Errorf("det %v: want % x: Writer err %v, Check %v", det, want, err, cerr)
			bad++
			continue
		}
		if err == nil && !bytes.Equal(got, want) {
			t.Errorf("det %v: want % x got % x", det, want, got)
			bad++
		}
	}
}
