package lecp

import (
	"bytes"
	"fmt"
	"testing"
)

// busyWant is what the Writer's busy flag stands for.
func busyWant(w *Writer) bool {
	return w.err != nil || w.strKind != Invalid || len(w.indef) > 0 || w.pendTag > 0
}

// TestWriterBusy walks a Writer through every change of err, strKind,
// indef and pendTag (each place that sets or clears one), checking after
// each call that busy, which free tests alone, says what they say. A
// scenario that ends in an error then checks that later calls of every
// kind do nothing (errors are sticky), and every scenario that Reset
// empties w: busy is clear and the next item is written as on a new
// Writer.
func TestWriterBusy(t *testing.T) {
	text := func(s string) Token { return Token{Kind: Text, Value: []byte(s)} }
	tok := func(k Kind) Token { return Token{Kind: k} }
	long := bytes.Repeat([]byte{'x'}, shortContent)
	// a map key whose array head is pending (content past shortContent):
	// not plain, so EndMap reads the keys through sortPairs
	pendingKey := func(w *Writer) {
		w.BeginArray()
		for range 24 {
			w.ByteString(long)
		}
		w.EndArray()
	}
	// n pairs of distinct keys, and then the given ones
	pairs := func(n int, keys ...func(*Writer)) []func(*Writer) {
		s := []func(*Writer){(*Writer).BeginMap}
		for i := range n {
			s = append(s, func(w *Writer) { w.Uint(uint64(100 + i)) }, (*Writer).Null)
		}
		for _, k := range keys {
			s = append(s, k, (*Writer).Null)
		}
		return append(s, (*Writer).EndMap)
	}
	zero := func(w *Writer) { w.Float(0) }
	negZero := func(w *Writer) { w.RawItem([]byte{0xf9, 0x80, 0x00}) }
	one := func(w *Writer) { w.Uint(1) }
	for _, tc := range []struct {
		name  string
		det   bool
		steps []func(*Writer)
		err   bool
	}{
		{name: "Text not UTF-8 (textOK)", steps: []func(*Writer){
			func(w *Writer) { w.Text("\xff") }}, err: true},
		{name: "TextBytes not UTF-8 (textOK)", steps: []func(*Writer){
			(*Writer).BeginArray, func(w *Writer) { w.TextBytes([]byte("a\xff")) }}, err: true},
		{name: "WriteToken Text not UTF-8 (write)", steps: []func(*Writer){
			(*Writer).BeginArray, func(w *Writer) { w.WriteToken(text("\xc3")) }}, err: true},
		{name: "misuse (fail)", steps: []func(*Writer){
			(*Writer).EndArray}, err: true},
		{name: "RawItem refused", steps: []func(*Writer){
			func(w *Writer) { w.RawItem([]byte{0x18}) }}, err: true},
		{name: "tag then misuse", steps: []func(*Writer){
			func(w *Writer) { w.Tag(1) }, (*Writer).EndMap}, err: true},
		{name: "tag then item (itemSlow)", steps: []func(*Writer){
			func(w *Writer) { w.Tag(1) }, func(w *Writer) { w.Tag(2) }, one, one}},
		{name: "tag then container", steps: []func(*Writer){
			(*Writer).BeginArray, func(w *Writer) { w.Tag(1) }, (*Writer).BeginMap, (*Writer).EndMap, one, (*Writer).EndArray}},
		{name: "tag then token", steps: []func(*Writer){
			func(w *Writer) { w.WriteToken(Token{Kind: TagStart, Uint: 5}) }, func(w *Writer) { w.WriteToken(text("a")) },
			func(w *Writer) { w.WriteToken(tok(TagEnd)) }, func(w *Writer) { w.WriteToken(text("b")) }}},
		{name: "string pieces", steps: []func(*Writer){
			(*Writer).BeginArray,
			func(w *Writer) { w.WriteToken(Token{Kind: TextChunk, Value: []byte("ab")}) },
			func(w *Writer) { w.WriteToken(text("c")) },
			func(w *Writer) { w.WriteToken(text("d")) }, (*Writer).EndArray}},
		{name: "string pieces then an item", steps: []func(*Writer){
			func(w *Writer) { w.WriteToken(Token{Kind: BytesChunk, Value: []byte("ab")}) }, one}, err: true},
		{name: "indefinite string", steps: []func(*Writer){
			(*Writer).BeginArray,
			func(w *Writer) { w.WriteToken(tok(BytesStart)) },
			func(w *Writer) { w.WriteToken(Token{Kind: BytesChunk, Value: []byte("ab")}) },
			func(w *Writer) { w.WriteToken(tok(BytesEnd)) },
			func(w *Writer) { w.WriteToken(text("d")) }, (*Writer).EndArray}},
		{name: "indefinite string then an item", steps: []func(*Writer){
			func(w *Writer) { w.WriteToken(tok(TextStart)) }, func(w *Writer) { w.WriteToken(text("d")) }, one}, err: true},
		{name: "indefinite string, wrong end", steps: []func(*Writer){
			func(w *Writer) { w.WriteToken(tok(TextStart)) }, func(w *Writer) { w.WriteToken(tok(BytesEnd)) }}, err: true},
		{name: "duplicate, few keys (sortPlain)", steps: pairs(2, one, one), err: true},
		{name: "duplicate, Deterministic (sortPlain)", det: true, steps: pairs(20, one, one), err: true},
		{name: "0.0 and -0.0 (sortPlain)", steps: pairs(2, zero, negZero), err: true},
		{name: "duplicate, many keys (hashDup)", steps: pairs(hashPairs, one, one), err: true},
		{name: "0.0 and -0.0, many keys (hashDup)", steps: pairs(hashPairs, zero, negZero), err: true},
		{name: "duplicate pending keys (sortPairs)", steps: pairs(2, pendingKey, pendingKey), err: true},
		{name: "0.0 and -0.0, a pending key (sortPairs)", steps: pairs(2, pendingKey, zero, negZero), err: true},
		{name: "keys unique", steps: pairs(hashPairs, pendingKey, zero, one)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := &Writer{Deterministic: tc.det}
			check := func(where string) {
				t.Helper()
				if w.busy != busyWant(w) {
					t.Fatalf("%s: busy %v, want %v (err %v, strKind %v, indef %v, pendTag %d)",
						where, w.busy, busyWant(w), w.err, w.strKind, w.indef, w.pendTag)
				}
			}
			for i, step := range tc.steps {
				step(w)
				check(fmt.Sprintf("step %d", i))
			}
			if (w.err != nil) != tc.err {
				t.Fatalf("error %v, want one: %v", w.err, tc.err)
			}
			if tc.err {
				err, n, depth := w.err, len(w.buf), len(w.stack)
				for i, call := range []func(*Writer){
					one, func(w *Writer) { w.Text("a") }, func(w *Writer) { w.Text("\xff") },
					func(w *Writer) { w.WriteToken(text("a")) }, func(w *Writer) { w.WriteToken(text("\xff")) },
					func(w *Writer) { w.WriteToken(Token{Kind: Uint, Uint: 7}) },
					func(w *Writer) { w.WriteToken(Token{Kind: Bytes, Value: long}) },
					func(w *Writer) { w.WriteToken(tok(Null)) }, func(w *Writer) { w.WriteToken(tok(True)) },
					func(w *Writer) { w.WriteToken(Token{Kind: Float, Float: 1.5}) },
					func(w *Writer) { w.Tag(2) }, (*Writer).BeginArray, (*Writer).BeginMap,
					func(w *Writer) { w.RawItem([]byte{1}) },
				} {
					call(w)
					check(fmt.Sprintf("call %d after the error", i))
					if w.err != err || len(w.buf) != n || len(w.stack) != depth {
						t.Fatalf("call %d after the error %v: error %v, %d bytes (were %d), depth %d (was %d)",
							i, err, w.err, len(w.buf), n, len(w.stack), depth)
					}
				}
			}
			w.Reset()
			check("Reset")
			if w.busy {
				t.Fatal("busy after Reset")
			}
			w.BeginArray()
			w.WriteToken(Token{Kind: Uint, Uint: 1})
			w.Text("a")
			w.EndArray()
			if b, err := w.Bytes(); err != nil || !bytes.Equal(b, []byte{0x82, 0x01, 0x61, 'a'}) {
				t.Fatalf("after Reset: % x, %v", b, err)
			}
		})
	}
}
