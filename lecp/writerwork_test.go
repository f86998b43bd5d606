package lecp

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
)

// keyNestWrite writes, with w, a map whose first key holds containers of
// the given kind nested depth deep around a byte string of leaf bytes,
// each level a map {inner: 0, "a": 1} ("maps": out of key order, so a
// Deterministic Writer sorts every level), an array [inner, 2], or a tag
// around an array 6([inner]); the outer map's second key is "b".
func keyNestWrite(w *Writer, kind string, depth, leaf int) {
	w.BeginMap()
	for range depth {
		switch kind {
		case "maps":
			w.BeginMap()
		case "arrays":
			w.BeginArray()
		case "tags":
			w.Tag(6)
			w.BeginArray()
		}
	}
	w.ByteString(bytes.Repeat([]byte{0x5a}, leaf))
	for range depth {
		switch kind {
		case "maps":
			w.Uint(0)
			w.Text("a")
			w.Uint(1)
			w.EndMap()
		case "arrays":
			w.Uint(2)
			w.EndArray()
		case "tags":
			w.EndArray()
		}
	}
	w.Uint(0)
	w.Text("b")
	w.Uint(1)
	w.EndMap()
}

// nestOpts are limits that let Check and the Decoder read keyNestWrite's
// documents.
var nestOpts = Options{MaxDepth: 1 << 20, MaxKeyLen: 1 << 30, MaxKeyMemory: 1 << 30}

// writerWorkLinear returns w's output, failing the test if it is refused,
// fails Check (with w's Deterministic and nestOpts' limits), or cost more
// than 8 bytes moved, copied or compared per byte written.
func writerWorkLinear(t *testing.T, name string, w *Writer) []byte {
	t.Helper()
	out, err := w.Bytes()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := Check(out, &Options{Deterministic: w.Deterministic, MaxDepth: nestOpts.MaxDepth, MaxKeyLen: nestOpts.MaxKeyLen, MaxKeyMemory: nestOpts.MaxKeyMemory}); err != nil {
		t.Fatalf("%s: output refused: %v", name, err)
	}
	if w.work > 8*len(out) {
		t.Errorf("%s: %d bytes written, %d moved, copied or compared", name, len(out), w.work)
	}
	return out
}

// TestWriterNestedKeyWorkLinear: inside a map key the Writer inserted the
// head of every array and map as it ended, moving the rest of the key, and
// with Deterministic sorted (copied) every map of the key as it ended, so
// containers nested 900 deep in a key around 60 KB moved about 55 MB (167
// MB for maps, Deterministic), also when re-encoding a Decoder's tokens.
// The bytes the Writer moves, copies and compares must stay within a small
// multiple of its output, however deep the key nests: written call by call,
// with and without Deterministic, and from a Decoder's tokens of the same
// document with every array and map of indefinite length.
func TestWriterNestedKeyWorkLinear(t *testing.T) {
	const leaf = 8 << 10
	for _, kind := range []string{"arrays", "maps", "tags"} {
		for _, depth := range []int{10, 300, 1000} {
			for _, det := range []bool{false, true} {
				name := fmt.Sprintf("%s depth %d deterministic %v", kind, depth, det)
				w := &Writer{Deterministic: det}
				keyNestWrite(w, kind, depth, leaf)
				out := writerWorkLinear(t, name, w)
				out = bytes.Clone(out)

				// the same document from a Decoder's tokens, its arrays
				// and maps of indefinite length and its maps' pairs in
				// the order written
				var plain Writer
				keyNestWrite(&plain, kind, depth, leaf)
				src, _ := plain.Bytes()
				indef := indefinite(t, src)
				w2 := &Writer{Deterministic: det}
				d := NewDecoderBytes(indef, &nestOpts)
				for {
					tk, err := d.ReadToken()
					if err != nil {
						break
					}
					w2.WriteToken(tk)
				}
				got, err := w2.Bytes()
				if err != nil || !bytes.Equal(got, out) {
					t.Fatalf("%s: re-encoding tokens: %v, %d bytes, want %d", name, err, len(got), len(out))
				}
				if w2.work > 8*len(out) {
					t.Errorf("%s, from tokens: %d bytes written, %d moved, copied or compared", name, len(out), w2.work)
				}
			}
		}
	}
}

// indefinite returns the item b (definite lengths) with every array and map
// of indefinite length.
func indefinite(t *testing.T, b []byte) []byte {
	t.Helper()
	var out []byte
	d := NewDecoderBytes(b, &nestOpts)
	for {
		tk, err := d.ReadToken()
		if err != nil {
			break
		}
		switch tk.Kind {
		case ArrayStart:
			out = append(out, 0x9f)
		case MapStart:
			out = append(out, 0xbf)
		case ArrayEnd, MapEnd:
			out = append(out, 0xff)
		case TagStart:
			out = AppendTag(out, tk.Uint)
		case Uint:
			out = AppendUint(out, tk.Uint)
		case Bytes:
			out = AppendBytes(out, tk.Value)
		case Text:
			out = AppendTextBytes(out, tk.Value)
		case TagEnd:
		default:
			t.Fatalf("indefinite: unexpected %v", tk.Kind)
		}
	}
	return out
}

// randNestedKeyItem returns a map whose keys are random items nesting
// arrays, maps and tags (maps holding containers as keys too), with byte
// strings long enough that containers in keys pass shortContent, so their
// heads and sorted pairs are pending; dup adds to some map a key equal to
// one it has.
func randNestedKeyItem(r *rand.Rand, depth int, dup *bool) tv {
	if depth > 6 || r.IntN(4) == 0 {
		switch r.IntN(4) {
		case 0:
			return tv{kind: Uint, u: uint64(r.IntN(30))}
		case 1:
			return tv{kind: Text, b: []byte{byte('a' + r.IntN(3))}}
		}
		return tv{kind: Bytes, b: bytes.Repeat([]byte{byte(r.IntN(3))}, r.IntN(3)*(20+r.IntN(60)))}
	}
	switch r.IntN(4) {
	case 0:
		v := tv{kind: ArrayStart}
		for range r.IntN(4) {
			v.elem = append(v.elem, randNestedKeyItem(r, depth+1, dup))
		}
		return v
	case 1:
		return tv{kind: TagStart, u: uint64(r.IntN(30)), elem: []tv{randNestedKeyItem(r, depth+1, dup)}}
	}
	v := tv{kind: MapStart}
	seen := map[string]bool{}
	for range 1 + r.IntN(4) {
		k := randNestedKeyItem(r, depth+1, dup)
		if enc := string(lecpAppend(nil, k)); !seen[enc] {
			seen[enc] = true
			v.elem = append(v.elem, k, randNestedKeyItem(r, depth+1, dup))
		}
	}
	if *dup && r.IntN(8) == 0 {
		*dup = false
		v.elem = append(v.elem, v.elem[2*r.IntN(len(v.elem)/2)], tv{kind: Null})
	}
	return v
}

// TestWriterNestedKeysRandom: random maps with containers nested in their
// keys (and in the keys of maps in those keys), written call by call and
// re-encoded from a Decoder's tokens, with and without Deterministic: the
// output is fxamacker's (fxEncode, sorted or not; with Deterministic, of
// the item with its bignums in preferred serialization) and Check accepts it;
// with a key repeated somewhere inside, the Writer refuses it as Check
// refuses its encoding, with ErrDuplicateKey.
func TestWriterNestedKeysRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 7))
	n := 400
	if testing.Short() {
		n = 100
	}
	opts := nestOpts
	for i := range n {
		dup := i%4 == 0
		v := tv{kind: MapStart}
		for len(v.elem) == 0 || (i%4 == 0 && dup) {
			v = randNestedKeyItem(r, 0, &dup)
			if v.kind != MapStart {
				v = tv{kind: MapStart, elem: []tv{v, {kind: Null}}}
			}
		}
		plain := lecpAppend(nil, v)
		for _, det := range []bool{false, true} {
			var w Writer
			w.Deterministic = det
			lecpWrite(&w, v)
			got, err := w.Bytes()
			var w2 Writer
			w2.Deterministic = det
			d := NewDecoderBytes(plain, &Options{MaxDepth: opts.MaxDepth, MaxKeyLen: opts.MaxKeyLen, MaxKeyMemory: opts.MaxKeyMemory, AllowDuplicateKeys: true})
			for {
				tk, err := d.ReadToken()
				if err != nil {
					break
				}
				w2.WriteToken(tk)
			}
			got2, err2 := w2.Bytes()
			if i%4 == 0 {
				if cerr := Check(plain, &opts); !errors.Is(cerr, ErrDuplicateKey) {
					t.Fatalf("%s: Check: %v, want a duplicate key", describe(v), cerr)
				}
				if !errors.Is(err, ErrDuplicateKey) || !errors.Is(err2, ErrDuplicateKey) {
					t.Fatalf("%s, deterministic %v: Writer %v, from tokens %v; want ErrDuplicateKey", describe(v), det, err, err2)
				}
				continue
			}
			want := fxEncode(t, v, det)
			if det {
				// the bignums (tags 2 and 3 here) in preferred
				// serialization, which may make two keys equal
				pv := bignumPreferred(v)
				if cerr := Check(lecpAppend(nil, pv), &opts); errors.Is(cerr, ErrDuplicateKey) {
					if !errors.Is(err, ErrDuplicateKey) || !errors.Is(err2, ErrDuplicateKey) {
						t.Fatalf("%s, deterministic: Writer %v, from tokens %v; want ErrDuplicateKey", describe(v), err, err2)
					}
					continue
				}
				want = fxEncode(t, pv, true)
			}
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%s, deterministic %v: %v; %s", describe(v), det, err, firstDiff(got, want))
			}
			if err2 != nil || !bytes.Equal(got2, want) {
				t.Fatalf("%s, deterministic %v, from tokens: %v; %s", describe(v), det, err2, firstDiff(got2, want))
			}
			o := opts
			o.Deterministic = det
			if err := Check(got, &o); err != nil {
				t.Fatalf("%s, deterministic %v: output refused: %v", describe(v), det, err)
			}
		}
	}
}

// TestWriterRawKeyPendingHeads: the keys of a map holding a RawItem are
// compared as data items from their encodings with the heads and sorted
// pairs left pending inside them put in: [h'…', 1] written with 1 as the
// raw 18 01 is the same key as [h'…', 1], and not as [h'…', 2].
func TestWriterRawKeyPendingHeads(t *testing.T) {
	long := bytes.Repeat([]byte{7}, 2*shortContent)
	for _, c := range []struct {
		second uint64
		dup    bool
	}{{1, true}, {2, false}} {
		for _, det := range []bool{false, true} {
			w := Writer{Deterministic: det}
			w.BeginMap()
			w.BeginArray()
			w.ByteString(long)
			if det {
				w.Uint(1) // the raw 18 01 is not deterministic
			} else {
				w.RawItem([]byte{0x18, 0x01})
			}
			w.EndArray()
			w.Null()
			w.BeginArray()
			w.ByteString(long)
			if det {
				w.RawItem([]byte{0x01 + byte(c.second) - 1})
			} else {
				w.Uint(c.second)
			}
			w.EndArray()
			w.Null()
			w.EndMap()
			_, err := w.Bytes()
			if c.dup != errors.Is(err, ErrDuplicateKey) || !c.dup && err != nil {
				t.Errorf("second key ends %d, deterministic %v: %v", c.second, det, err)
			}
		}
	}
}

// firstDiff describes where got first differs from want.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	return fmt.Sprintf("%d bytes, want %d; first difference at %d: %x, want %x", len(got), len(want), i, got[i:min(i+16, len(got))], want[i:min(i+16, len(want))])
}
