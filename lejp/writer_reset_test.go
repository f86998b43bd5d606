package lejp

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// TestWriterResetMidObject: a Writer reset in the middle of an object,
// small or large enough to be indexed, writes the next document as a new
// Writer does: the names of the abandoned object are neither duplicates
// of the new one's nor missed as duplicates within it. (A mutation run
// found that the index was never checked after a Reset.)
func TestWriterResetMidObject(t *testing.T) {
	for _, n := range []int{3, 40, 200} {
		var w Writer
		w.BeginObject()
		for i := range n {
			w.Name("n" + strconv.Itoa(i))
			w.Int(int64(i))
		}
		w.Reset(nil) // the object is left open
		w.BeginObject()
		for i := range n {
			w.Name("n" + strconv.Itoa(i))
			w.Int(int64(i))
		}
		if err := w.Err(); err != nil {
			t.Fatalf("%d names after Reset: %v", n, err)
		}
		w.Name("n" + strconv.Itoa(n/2))
		if err := w.Err(); !errors.Is(err, ErrDuplicateName) {
			t.Errorf("%d names after Reset, one repeated: %v, want ErrDuplicateName", n, err)
		}
	}
}

// TestWriterReplacedNamesCollide: with AllowInvalidUTF8, a name that is
// not UTF-8 is written with \ufffd, so "a\xffb" and "a\ufffdb" are the same
// name, in either order, in a linear object and in an indexed one (more
// than 32 names); names that are UTF-8 are not affected. (A mutation run
// found the indexed path's replacement handling untested.)
func TestWriterReplacedNamesCollide(t *testing.T) {
	for _, before := range []int{0, 2, 40} {
		for _, pair := range [][2]string{{"a\xffb", "a\ufffdb"}, {"a\ufffdb", "a\xffb"}, {"\xfe", "\xff"}} {
			w := Writer{AllowInvalidUTF8: true}
			w.BeginObject()
			for i := range before {
				w.Name("n" + strconv.Itoa(i))
				w.Null()
			}
			w.Name(pair[0])
			w.Null()
			if err := w.Err(); err != nil {
				t.Fatalf("%d names, then %q: %v", before, pair[0], err)
			}
			w.Name(pair[1])
			if err := w.Err(); !errors.Is(err, ErrDuplicateName) {
				t.Errorf("%d names, %q then %q: %v, want ErrDuplicateName", before, pair[0], pair[1], err)
			}
		}
		w := Writer{AllowInvalidUTF8: true}
		w.BeginObject()
		for i := range before {
			w.Name("n" + strconv.Itoa(i))
			w.Null()
		}
		for _, name := range []string{"a\xffb", "ab", "a\ufffd", "b\xff"} {
			w.Name(name)
			w.Null()
		}
		w.EndObject()
		if _, err := w.Finish(); err != nil {
			t.Errorf("%d names, then distinct names: %v", before, err)
		}
	}
}

// TestWriterNestedAtInlineEdge: an object whose mark falls at or around
// the end of the inline entries (the 24th) checks its names as any other,
// and its names leave the outer object's when it ends. (A mutation run
// found no test where a mark sat at that edge.)
func TestWriterNestedAtInlineEdge(t *testing.T) {
	for outer := 18; outer <= 30; outer++ {
		var w Writer
		w.BeginObject()
		for i := range outer {
			w.Name("o" + strconv.Itoa(i))
			w.Int(1)
		}
		w.Name("inner")
		w.BeginObject()
		for i := range 3 {
			w.Name("o" + strconv.Itoa(i)) // the outer names, in another object
			w.Int(2)
		}
		w.Name("o1")
		if err := w.Err(); !errors.Is(err, ErrDuplicateName) {
			t.Fatalf("%d outer names, a repeated inner name: %v, want ErrDuplicateName", outer, err)
		}
		var v Writer
		v.BeginObject()
		for i := range outer {
			v.Name("o" + strconv.Itoa(i))
			v.Int(1)
		}
		v.Name("inner")
		v.BeginObject()
		v.Name("x")
		v.Int(2)
		v.EndObject()
		v.Name("x") // the inner object's name, now in the outer one
		v.Int(3)
		v.Name("o0")
		if err := v.Err(); !errors.Is(err, ErrDuplicateName) {
			t.Fatalf("%d outer names, then o0 again: %v, want ErrDuplicateName", outer, err)
		}
	}
}

// TestWriterResetInString: Reset is allowed inside a string begun with
// BeginString (as its doc says) and abandons it whole, after a Flush
// too: no error is left, the UTF-8 sequence held from the last piece is
// dropped (the next string in pieces is not refused for it), and no string
// is open any more (StringPiece is misuse).
func TestWriterResetInString(t *testing.T) {
	for _, flush := range []bool{false, true} {
		var w Writer
		var out strings.Builder
		w.BeginArray()
		w.BeginString()
		w.StringPiece("abc\xe2\x82") // € cut after two of its three bytes
		if flush {
			w.Flush(&out)
		}
		w.Reset(nil)
		if err := w.Err(); err != nil {
			t.Fatalf("flush %v: Err after Reset in a string: %v", flush, err)
		}
		w.BeginObject()
		w.Name("a")
		w.BeginString()
		w.StringPiece("é")
		w.EndString()
		w.EndObject()
		if b, err := w.Finish(); err != nil || string(b) != `{"a":"é"}` {
			t.Fatalf("flush %v: after Reset in a string: %s, %v", flush, b, err)
		}
		w.Reset(nil)
		w.StringPiece("x")
		if !errors.Is(w.Err(), ErrWriter) {
			t.Fatalf("flush %v: StringPiece after Reset in a string: %v, want misuse", flush, w.Err())
		}
	}
}
