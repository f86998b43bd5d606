package lecp

import (
	"bytes"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestWriterHeads: the Writer puts the heads of arrays and maps in place
// when Bytes is called (at once for short and empty ones), which
// TestEncoderDifferential checks on random items; here the edges: 1000
// nested arrays and maps around content, empty containers next to full
// ones, deterministic maps whose values hold pending heads, keys holding
// containers, and a sequence with Bytes called between items.
func TestWriterHeads(t *testing.T) {
	const depth = 1000
	var w Writer
	var want []byte
	for i := range depth { // [[], …] and {"k": [], "n": …} alternately
		if i%2 == 0 {
			w.BeginArray()
			w.BeginArray()
			w.EndArray()
			want = AppendArrayHeader(AppendArrayHeader(want, 2), 0)
		} else {
			w.BeginMap()
			w.Text("k")
			w.BeginArray()
			w.EndArray()
			w.Text("n")
			want = AppendText(AppendArrayHeader(AppendText(AppendMapHeader(want, 2), "k"), 0), "n")
		}
	}
	w.ByteString(bytes.Repeat([]byte{7}, 300))
	want = AppendBytes(want, bytes.Repeat([]byte{7}, 300))
	for i := depth - 1; i >= 0; i-- {
		if i%2 == 0 {
			w.EndArray()
		} else {
			w.EndMap()
		}
	}
	if got, err := w.Bytes(); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("nested: %v\n%x\nwant\n%x", err, got[:min(len(got), 64)], want[:64])
	}
	if got, _ := w.Bytes(); !bytes.Equal(got, want) {
		t.Fatal("second Bytes differs")
	}
	w.Uint(5) // a second item of a sequence
	w.BeginArray()
	w.Uint(6)
	w.EndArray()
	if got, err := w.Bytes(); err != nil || !bytes.Equal(got, append(bytes.Clone(want), 0x05, 0x81, 0x06)) {
		t.Fatalf("sequence: %x… %v", got[len(got)-4:], err)
	}

	// deterministic: {"b": [[1], []], [1, [2]]: {"y": [], "x": [3]}, "a": [[[4]]]}
	w = Writer{Deterministic: true}
	w.BeginMap()
	w.Text("b")
	w.BeginArray()
	w.BeginArray()
	w.Uint(1)
	w.EndArray()
	w.BeginArray()
	w.EndArray()
	w.EndArray()
	w.BeginArray()
	w.Uint(1)
	w.BeginArray()
	w.Uint(2)
	w.EndArray()
	w.EndArray()
	w.BeginMap()
	w.Text("y")
	w.BeginArray()
	w.EndArray()
	w.Text("x")
	w.BeginArray()
	w.Uint(3)
	w.EndArray()
	w.EndMap()
	w.Text("a")
	w.BeginArray()
	w.BeginArray()
	w.BeginArray()
	w.Uint(4)
	w.EndArray()
	w.EndArray()
	w.EndArray()
	w.EndMap()
	want = testenv.Hex(t, "a3 6161 81818104 6162 82 8101 80 82 01 8102 a2 6178 8103 6179 80")
	if got, err := w.Bytes(); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("deterministic: %x, %v\nwant %x", got, err, want)
	}
	if err := Check(want, &Options{Deterministic: true}); err != nil {
		t.Fatal(err)
	}
}

// TestWriterHeadsDeterministic: deterministic maps whose values hold
// containers longer than shortContent (so their heads are pending while
// the pairs are sorted), nested three deep, with empty and short
// containers between, against fxEncode's sorted encoding.
func TestWriterHeadsDeterministic(t *testing.T) {
	long := tv{kind: Bytes, b: bytes.Repeat([]byte{9}, 2*shortContent)}
	arr := func(e ...tv) tv { return tv{kind: ArrayStart, elem: e} }
	txt := func(s string) tv { return tv{kind: Text, b: []byte(s)} }
	inner := tv{kind: MapStart, elem: []tv{txt("z"), arr(long, arr()), txt("y"), arr(arr(long)), txt("x"), arr()}}
	mid := tv{kind: MapStart, elem: []tv{txt("q"), inner, txt("p"), arr(long), txt("o"), arr(inner, inner)}}
	top := tv{kind: MapStart, elem: []tv{txt("c"), mid, txt("b"), arr(arr(arr(long))), txt("a"), arr(mid)}}
	for _, v := range []tv{inner, mid, top, arr(top, top, arr())} {
		var w Writer
		w.Deterministic = true
		lecpWrite(&w, v)
		got, err := w.Bytes()
		if want := fxEncode(t, v, true); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%v\nlecp %x\nwant %x", err, got, want)
		}
	}
}

// TestWriterDeterministicInOrder: with Deterministic, a map whose pairs
// were written in key order is not copied, and long maps written out of
// order are laid out sorted by Bytes in one pass, not moved as each ends:
// nested maps around a large value cost no pass per level either way.
func TestWriterDeterministicInOrder(t *testing.T) {
	big := bytes.Repeat([]byte{'x'}, 1<<20)
	w := &Writer{Deterministic: true}
	for range 100 {
		w.BeginMap()
		w.Text("a")
		w.Uint(1)
		w.Text("b")
	}
	w.ByteString(big)
	for range 100 {
		w.EndMap()
	}
	out, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if cap(w.tmp) != 0 {
		t.Errorf("in-order maps copied through tmp (cap %d)", cap(w.tmp))
	}
	if err := Check(out, &Options{Deterministic: true}); err != nil {
		t.Errorf("output not deterministic: %v", err)
	}
	// the same pairs written b first at every level: sorted, so the
	// output is the same
	w2 := &Writer{Deterministic: true}
	for range 100 {
		w2.BeginMap()
		w2.Text("b")
	}
	w2.ByteString(big)
	for range 100 {
		w2.Text("a")
		w2.Uint(1)
		w2.EndMap()
	}
	if cap(w2.tmp) != 0 {
		t.Errorf("maps written out of order were moved as they ended (tmp cap %d), not once by Bytes", cap(w2.tmp))
	}
	if len(w2.sorts) != 100 {
		t.Errorf("%d maps left for Bytes to sort, want 100", len(w2.sorts))
	}
	out2, err := w2.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out2, out) {
		t.Errorf("maps written out of order: %d bytes, not the in-order encoding (%d bytes)", len(out2), len(out))
	}

}
