package lecp

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// headByteSizes are container sizes around the one-byte head's limit
// (23 items) and a few others.
var headByteSizes = []int{0, 1, 22, 23, 24, 25}

// headByteTree returns a random item whose arrays and maps have
// headByteSizes items (pairs), with long and short content, tags, and
// map keys that are texts, integers or arrays (unique by their first
// element), nested up to depth.
func headByteTree(r *rand.Rand, depth int) tv {
	leaf := func() tv {
		switch r.IntN(3) {
		case 0:
			return tv{kind: Uint, u: r.Uint64N(300)}
		case 1:
			return tv{kind: Text, b: bytes.Repeat([]byte("t"), []int{0, 3, 40}[r.IntN(3)])}
		}
		return tv{kind: Bytes, b: bytes.Repeat([]byte{9}, []int{1, 30}[r.IntN(2)])}
	}
	if depth == 0 || r.IntN(3) == 0 {
		return leaf()
	}
	n := headByteSizes[r.IntN(len(headByteSizes))]
	if depth < 3 && n > 1 && r.IntN(2) == 0 {
		n = 1 // keep the tree small
	}
	var v tv
	switch r.IntN(3) {
	case 0:
		v = tv{kind: ArrayStart}
		for range n {
			v.elem = append(v.elem, headByteTree(r, depth-1))
		}
	case 1:
		v = tv{kind: MapStart}
		for i := range n {
			var k tv
			switch r.IntN(3) {
			case 0:
				k = tv{kind: Text, b: fmt.Appendf(nil, "k%02d", i)}
			case 1:
				k = tv{kind: Uint, u: uint64(i)}
			default: // [i, …]: a key holding a container
				k = headByteTree(r, depth-1)
				k = tv{kind: ArrayStart, elem: []tv{{kind: Text, b: fmt.Appendf(nil, "%d", i)}, k}}
			}
			v.elem = append(v.elem, k, headByteTree(r, depth-1))
		}
	default:
		v = tv{kind: TagStart, u: 6, elem: []tv{headByteTree(r, depth)}}
	}
	return v
}

// TestWriterHeadByte: arrays and maps of up to 23 items have their head
// put in the byte kept for it as they began; longer ones insert the rest
// of the head at once or leave it to Bytes. Random items of such
// containers around 23 and 24 items, nested, in map keys, under tags,
// written by calls, by a Decoder's tokens with indefinite lengths and
// after a Reset mid-way, must come out as the Append functions write them
// (and with Deterministic as the sorting oracle does).
func TestWriterHeadByte(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	var reused [2]Writer
	reused[1].Deterministic = true
	for i := range 200 {
		v := headByteTree(r, 4)
		want := lecpAppend(nil, v)
		var w Writer
		lecpWrite(&w, v)
		if got, err := w.Bytes(); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("item %d: %v\n%x\nwant\n%x", i, err, got, want)
		}
		d := NewDecoderBytes(want, nil)
		tok, _ := d.ReadToken()
		det, _ := detOracle(t, d, tok, nil)
		for k, exp := range [][]byte{want, det} {
			rw := &reused[k]
			rw.Reset()
			lecpWrite(rw, tv{kind: ArrayStart, elem: []tv{v, v}}) // Reset mid-way
			rw.Reset()
			lecpWrite(rw, v)
			if got, err := rw.Bytes(); err != nil || !bytes.Equal(got, exp) {
				t.Fatalf("item %d, Deterministic %v, after Reset: %v\n%x\nwant\n%x", i, k == 1, err, got, exp)
			}
			tw := Writer{Deterministic: k == 1}
			td := NewDecoderBytes(indefinite(t, want), nil)
			for {
				tk, err := td.ReadToken()
				if err != nil {
					break
				}
				tw.WriteToken(tk)
			}
			if got, err := tw.Bytes(); err != nil || !bytes.Equal(got, exp) {
				t.Fatalf("item %d, Deterministic %v, from tokens: %v\n%x\nwant\n%x", i, k == 1, err, got, exp)
			}
		}
	}
}

// TestWriterHeadByteWork: a container of 23 items moves nothing as it
// ends and leaves no wrec, however long its content; one of 24 moves its
// content when it is short, else leaves the rest of its head to Bytes.
func TestWriterHeadByteWork(t *testing.T) {
	for _, tc := range []struct {
		n, leaf    int
		work, recs int
	}{
		{23, 1, 0, 0},     // short content, one-byte head
		{23, 100, 0, 0},   // long content, one-byte head
		{24, 1, 48, 0},    // 24 items of 2 bytes: moved
		{24, 100, 0, 1},   // long: the head's rest pending
		{255, 0, 0, 1},    // 255 empty strings: long
		{256, 100, 0, 1},  // a three-byte head
		{0, 100, 0, 0},    // empty
		{1, 10000, 0, 0},  // one long item
		{22, 10000, 0, 0}, // many long items
	} {
		for _, m := range []bool{false, true} {
			var w Writer
			var want []byte
			if m {
				w.BeginMap()
				want = AppendMapHeader(want, uint64(tc.n))
			} else {
				w.BeginArray()
				want = AppendArrayHeader(want, uint64(tc.n))
			}
			for i := range tc.n {
				if m {
					w.Uint(uint64(i))
					want = AppendUint(want, uint64(i))
				}
				s := bytes.Repeat([]byte{byte(i)}, tc.leaf)
				w.ByteString(s)
				want = AppendBytes(want, s)
			}
			work0 := w.work
			if m {
				w.EndMap()
			} else {
				w.EndArray()
			}
			work := w.work - work0 // a map's also counts its keys' reads
			name := fmt.Sprintf("%d items of %d bytes, map %v", tc.n, tc.leaf, m)
			if !m && work != tc.work {
				t.Errorf("%s: %d bytes moved as it ended, want %d", name, work, tc.work)
			}
			if !m && len(w.recs) != tc.recs {
				t.Errorf("%s: %d wrecs after it ended, want %d", name, len(w.recs), tc.recs)
			}
			if got, err := w.Bytes(); err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s: %v\n%x\nwant\n%x", name, err, got[:min(len(got), 40)], want[:min(len(want), 40)])
			}
		}
	}
}

// TestWriterHeadByteRawKey: a map key holding a RawItem in another
// encoding than the canonical one keeps the wrecs of the containers
// around it, those of one-byte heads with no head to insert, and the
// enclosing map compares the keys as data items through them.
func TestWriterHeadByteRawKey(t *testing.T) {
	for _, tc := range []struct {
		raw []byte
		dup bool
	}{{[]byte{0x18, 0x05}, true}, {[]byte{0x18, 0x06}, false}} {
		var w Writer
		w.BeginMap()
		w.BeginMap() // {[raw]: 1}
		w.BeginArray()
		w.RawItem(tc.raw)
		w.EndArray()
		w.Uint(1)
		w.EndMap()
		w.Text("a")
		w.BeginMap() // {[5]: 1}
		w.BeginArray()
		w.Uint(5)
		w.EndArray()
		w.Uint(1)
		w.EndMap()
		w.Text("b")
		w.EndMap()
		want := append([]byte{0xa2, 0xa1, 0x81}, tc.raw...)
		want = append(want, 0x01, 0x61, 'a', 0xa1, 0x81, 0x05, 0x01, 0x61, 'b')
		checkRawKeyBytes(t, &w, tc.raw, tc.dup, want)
	}
}

// checkRawKeyBytes checks w's Bytes for a document whose map keys hold the
// RawItem raw: a duplicate key if dup, else exactly want.
func checkRawKeyBytes(t *testing.T, w *Writer, raw []byte, dup bool, want []byte) {
	t.Helper()
	got, err := w.Bytes()
	if dup {
		if err != errWriterDup {
			t.Errorf("raw %x: %v, want a duplicate key", raw, err)
		}
		return
	}
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("raw %x: %v\n%x\nwant\n%x", raw, err, got, want)
	}
}

// TestWriterHeadByteIndefString: indefinite-length strings gathered from
// pieces as the 23rd and 24th items of arrays, short and long.
func TestWriterHeadByteIndefString(t *testing.T) {
	for _, n := range []int{23, 24} {
		for _, piece := range []int{1, 50} {
			var w Writer
			want := AppendArrayHeader(nil, uint64(n))
			w.BeginArray()
			for range n - 1 {
				w.Uint(7)
				want = AppendUint(want, 7)
			}
			p := bytes.Repeat([]byte("x"), piece)
			w.WriteToken(Token{Kind: TextStart})
			w.WriteToken(Token{Kind: TextChunk, Value: p})
			w.WriteToken(Token{Kind: TextChunk, Value: p})
			w.WriteToken(Token{Kind: TextEnd})
			want = AppendTextBytes(want, append(bytes.Clone(p), p...))
			w.EndArray()
			if got, err := w.Bytes(); err != nil || !bytes.Equal(got, want) {
				t.Errorf("%d items, pieces of %d: %v\n%x\nwant\n%x", n, piece, err, got, want)
			}
		}
	}
}

// TestWriterHeadByteRawKeyLong: a map of 24 pairs, short content, one key
// [raw] holding a RawItem in a non-canonical encoding: its head cannot be
// inserted at once (that would move the raw item's record), and as keys
// of an enclosing map it equals the map with the canonical item.
func TestWriterHeadByteRawKeyLong(t *testing.T) {
	for _, tc := range []struct {
		raw []byte
		dup bool
	}{{[]byte{0x18, 0x05}, true}, {[]byte{0x18, 0x06}, false}} {
		var w Writer
		var want []byte
		key := func(raw bool) {
			w.BeginMap()
			want = AppendMapHeader(want, 24)
			for i := range 23 {
				w.Uint(uint64(i))
				w.Uint(0)
				want = AppendUint(AppendUint(want, uint64(i)), 0)
			}
			w.BeginArray()
			want = AppendArrayHeader(want, 1)
			if raw {
				w.RawItem(tc.raw)
				want = append(want, tc.raw...)
			} else {
				w.Uint(5)
				want = AppendUint(want, 5)
			}
			w.EndArray()
			w.Uint(0)
			want = AppendUint(want, 0)
			w.EndMap()
		}
		w.BeginMap()
		want = AppendMapHeader(want, 2)
		key(true)
		w.Uint(1)
		want = AppendUint(want, 1)
		key(false)
		w.Uint(2)
		want = AppendUint(want, 2)
		w.EndMap()
		checkRawKeyBytes(t, &w, tc.raw, tc.dup, want)
	}
}

// TestWriterHeadByteDeep: 1000 arrays and maps of up to 23 items nested
// around 8 KB move nothing as they end (the work counted is the maps'
// one-byte keys read), leave no wrec, and Bytes moves nothing either.
func TestWriterHeadByteDeep(t *testing.T) {
	var w Writer
	var want []byte
	for i := range 1000 {
		if i%2 == 0 {
			w.BeginArray()
			w.Uint(1)
			want = AppendUint(AppendArrayHeader(want, 2), 1)
		} else {
			w.BeginMap()
			w.Uint(1)
			want = AppendUint(AppendMapHeader(want, 1), 1)
		}
	}
	leaf := bytes.Repeat([]byte{0x5a}, 8<<10)
	w.ByteString(leaf)
	want = AppendBytes(want, leaf)
	for i := 999; i >= 0; i-- {
		if i%2 == 0 {
			w.EndArray()
		} else {
			w.EndMap()
		}
	}
	if len(w.recs) != 0 || w.work != 500 {
		t.Errorf("%d wrecs, %d bytes of work, want none and 500", len(w.recs), w.work)
	}
	if got, err := w.Bytes(); err != nil || !bytes.Equal(got, want) || w.work != 500 {
		t.Errorf("%v, %d bytes of work, output equal %v", err, w.work, bytes.Equal(got, want))
	}
}
