package lejp

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestWriterFlushKeepsNames holds that a name written, flushed and
// written again in the same object is refused, at the right output
// offset, in flat and nested objects, in linear (up to 32 names) and hashed
// objects, for names with escapes and for names with a \ufffd
// replacement; that the same name in another object is not a duplicate;
// and that AllowDuplicateNames still accepts it.
func TestWriterFlushKeepsNames(t *testing.T) {
	for _, n := range []int{1, 5, 32, 33, 100} {
		for _, nested := range []bool{false, true} {
			names := make([]string, n)
			for i := range names {
				names[i] = "name-" + strconv.Itoa(i) + "\"\n\u00e9"
			}
			// write writes the document up to a second name, with a
			// Flush after every call, and returns the Writer.
			write := func(again string) *Writer {
				w := &Writer{AllowInvalidUTF8: true}
				var out bytes.Buffer
				w.BeginObject()
				if nested {
					w.Name("outer")
					w.BeginArray()
					w.BeginObject()
					w.Name("inner")
					w.Null()
					w.Flush(&out)
					w.Name("x")
					w.BeginObject()
				}
				for _, nm := range names {
					w.Name(nm)
					w.Flush(&out)
					w.Int(1)
					w.Flush(&out)
				}
				w.Name("\xff")
				w.Null()
				w.Flush(&out)
				w.Name(again)
				if w.Err() == nil {
					w.Null()
					if nested { // the names of x are not its parent's
						w.EndObject()
						w.Flush(&out)
						w.Name(names[0])
						w.Null()
						w.Name("x")
					}
				}
				return w
			}
			for _, again := range []string{names[0], names[n/2], names[n-1], "\ufffd", "\xff"} {
				w := write(again)
				off := w.flushed + int64(len(w.Bytes()))
				if !errors.Is(w.Err(), ErrDuplicateName) {
					t.Fatalf("%d names nested=%v: %q again after Flush: %v", n, nested, again, w.Err())
				}
				want := "lejp: writer: duplicate object member name (a member name at output offset " +
					strconv.FormatInt(off, 10) + ")"
				if w.Err().Error() != want {
					t.Errorf("%d names nested=%v: %v, want %s", n, nested, w.Err(), want)
				}
			}
			w := write("new")
			if !nested {
				continue
			}
			// names[0] is new in x's parent; "x" is its third name.
			if !errors.Is(w.Err(), ErrDuplicateName) || w.Bytes()[len(w.Bytes())-1] != 'l' {
				t.Errorf("%d names: x again after x closed: %v, %q", n, w.Err(), w.Bytes())
			}
		}
	}

	var w Writer
	var out bytes.Buffer
	w.AllowDuplicateNames = true
	w.BeginObject()
	w.AllowDuplicateNames = false
	w.Name("a")
	w.Int(1)
	w.Flush(&out)
	w.Name("a")
	w.Int(2)
	w.EndObject()
	if b, err := w.Finish(); err != nil || out.String()+string(b) != `{"a":1,"a":2}` || w.base != 0 {
		t.Errorf("AllowDuplicateNames: %s%s, %v, names kept %d bytes", out.String(), b, err, w.base)
	}
}

// TestWriterFlushNamesBounded holds that what Flush keeps is the names of
// the open objects, no more: names of closed objects leave, a long array
// of objects keeps none of theirs (of one name or two), and an object
// closed after a Flush gives back the room of its names.
func TestWriterFlushNamesBounded(t *testing.T) {
	var w Writer
	w.BeginArray()
	for i := range 10000 {
		w.BeginObject()
		w.Name("id")
		w.Int(int64(i))
		w.Name("name-" + strconv.Itoa(i))
		w.Flush(io.Discard)
		if w.base != len("id")+len("name-")+len(strconv.Itoa(i)) {
			t.Fatalf("object %d: %d bytes of names kept", i, w.base)
		}
		w.Bool(true)
		w.EndObject()
		w.Flush(io.Discard)
		if w.base != 0 {
			t.Fatalf("after object %d: %d bytes of names kept", i, w.base)
		}
	}
	for i := range 100 { // objects of one name flushed
		w.BeginObject()
		w.Name("k")
		w.Flush(io.Discard)
		if w.base != 1 {
			t.Fatalf("one-name object %d: %d bytes of names kept", i, w.base)
		}
		w.Null()
		w.EndObject()
		w.Flush(io.Discard)
		if w.base != 0 {
			t.Fatalf("after one-name object %d: %d bytes of names kept", i, w.base)
		}
	}
	w.BeginObject()
	w.Name("outer")
	w.BeginObject()
	for i := range 100 { // hashed, then closed
		w.Name(strconv.Itoa(i))
		w.Null()
		w.Flush(io.Discard)
	}
	w.EndObject()
	w.Flush(io.Discard)
	if w.base != len("outer") {
		t.Fatalf("after a hashed object closed: %d bytes kept, want %d", w.base, len("outer"))
	}
	w.Name("next")
	w.Null()
	w.Flush(io.Discard)
	if w.base != len("outernext") || string(w.buf[:w.base]) != "outernext" {
		t.Fatalf("kept %q, want outernext", w.buf[:w.base])
	}
	w.Name("outer")
	if !errors.Is(w.Err(), ErrDuplicateName) {
		t.Fatalf("outer again: %v", w.Err())
	}
}

// failWriter fails after n bytes: with err, or, when err is nil, with a
// short write and no error.
type failWriter struct {
	n, calls int
	err      error
}

func (f *failWriter) Write(p []byte) (int, error) {
	f.calls++
	if len(p) <= f.n {
		f.n -= len(p)
		return len(p), nil
	}
	n := f.n
	f.n = 0
	return n, f.err
}

// TestWriterFlushError holds that the error of Flush's io.Writer, or
// io.ErrShortWrite for a short write (by one byte too), is returned and
// sticks: it matches that error and not ErrWriter, Err and Finish return
// it, later calls do nothing and a later Flush writes nothing; and that
// Flush after a misuse error writes nothing and returns it.
func TestWriterFlushError(t *testing.T) {
	boom := errors.New("boom")
	for _, c := range []struct {
		fw   *failWriter
		want error
	}{
		{&failWriter{n: 9, err: boom}, boom},
		{&failWriter{n: 9}, io.ErrShortWrite},
		{&failWriter{n: 6, err: boom}, boom},
		{&failWriter{n: 12}, io.ErrShortWrite}, // one byte short
	} {
		var w Writer
		w.BeginArray()
		w.String("abc")
		if err := w.Flush(c.fw); err != nil {
			t.Fatalf("first Flush: %v", err)
		}
		w.BeginString()
		w.StringPiece("defgh")
		err := w.Flush(c.fw)
		if !errors.Is(err, c.want) || errors.Is(err, ErrWriter) ||
			err.Error() != "lejp: writer: flush: "+c.want.Error() {
			t.Errorf("Flush: %v, want %v", err, c.want)
		}
		before := string(w.Bytes())
		w.StringPiece("more")
		w.EndString()
		w.Int(1)
		w.EndArray()
		calls := c.fw.calls
		if err2 := w.Flush(c.fw); err2 != err || c.fw.calls != calls {
			t.Errorf("second Flush: %v, %d more writes", err2, c.fw.calls-calls)
		}
		if w.Err() != err || string(w.Bytes()) != before {
			t.Errorf("after the error: Err %v, Bytes %q", w.Err(), w.Bytes())
		}
		if _, err2 := w.Finish(); err2 != err {
			t.Errorf("Finish: %v", err2)
		}
	}

	var w Writer
	fw := &failWriter{n: 100}
	w.BeginObject()
	w.Int(1)
	if err := w.Flush(fw); err != errValueForName || fw.calls != 0 {
		t.Errorf("Flush after misuse: %v, %d writes", err, fw.calls)
	}
	w.Reset(nil)
	if err := w.Flush(fw); err != nil || fw.calls != 0 {
		t.Errorf("Flush of nothing: %v, %d writes", err, fw.calls)
	}
	w.BeginString()
	if err := w.Flush(nil); !errors.Is(err, ErrWriter) || w.Err() != err ||
		err.Error() != "lejp: writer misuse: Flush to a nil io.Writer" {
		t.Errorf("Flush(nil): %v, Err %v", err, w.Err())
	}
}

// TestWriterOffsetsAfterFlush holds that an error's output offset counts
// what Flush wrote: a string refused after a Flush, Raw refused, a string
// in pieces begun after a Flush and refused, and one refused after its
// start was flushed (at its start).
func TestWriterOffsetsAfterFlush(t *testing.T) {
	var w Writer
	w.BeginArray()
	w.String("abc")
	w.Flush(io.Discard) // ["abc"
	w.Int(12)           // ,12
	w.String("\xff")
	if err := w.Err(); err == nil || err.Error() != "lejp: writer: invalid UTF-8 (a string at output offset 9)" {
		t.Errorf("String: %v", err)
	}
	w.Reset(nil)
	w.BeginArray()
	w.Flush(io.Discard)
	w.Raw([]byte("[1,]"))
	if err := w.Err(); !errors.Is(err, ErrWriter) ||
		!strings.HasPrefix(err.Error(), "lejp: writer: Raw value at output offset 1: ") {
		t.Errorf("Raw: %v", err)
	}
	w.Reset(nil)
	w.BeginArray()
	w.Int(1)
	w.Flush(io.Discard) // [1
	w.BeginString()     // at 2, its comma
	w.StringPiece("\xff")
	if err := w.Err(); err == nil || err.Error() != "lejp: writer: invalid UTF-8 (a string at output offset 2)" ||
		len(w.Bytes()) != 0 {
		t.Errorf("pieces begun after a Flush: %v, left %q", err, w.Bytes())
	}
	w.Reset(nil)
	w.BeginArray()
	w.Null()
	w.BeginString() // at 5, its comma
	w.StringPiece("abc")
	w.Flush(io.Discard)
	w.StringPiece("d")
	w.StringPiece("\xc3(")
	if err := w.Err(); err == nil || err.Error() != "lejp: writer: invalid UTF-8 (a string at output offset 5)" ||
		len(w.Bytes()) != 0 {
		t.Errorf("pieces: %v, left %q", err, w.Bytes())
	}
}

// TestWriterMisuseInString holds that inside a string begun with
// BeginString every call but the pieces', EndString, Flush, Err and Bytes
// is misuse, named, sticky, matching ErrWriter and no content sentinel,
// reached without allocating; that the pieces and EndString without
// BeginString are misuse too; and that Err reports nothing while the string
// is open.
func TestWriterMisuseInString(t *testing.T) {
	const in = "lejp: writer misuse: a call other than StringPiece or EndString inside a string"
	one, open := []byte("1"), []byte("[")
	for _, c := range []struct {
		f    func(w *Writer)
		want string
	}{
		{func(w *Writer) { w.Name("a") }, in},
		{func(w *Writer) { w.NameBytes([]byte("a")) }, in},
		{func(w *Writer) { w.BeginObject() }, in},
		{func(w *Writer) { w.EndObject() }, in},
		{func(w *Writer) { w.BeginArray() }, in},
		{func(w *Writer) { w.EndArray() }, in},
		{func(w *Writer) { w.String("x") }, in},
		{func(w *Writer) { w.StringBytes([]byte("x")) }, in},
		{func(w *Writer) { w.Int(1) }, in},
		{func(w *Writer) { w.Uint(1) }, in},
		{func(w *Writer) { w.Float(1) }, in},
		{func(w *Writer) { w.Bool(true) }, in},
		{func(w *Writer) { w.Null() }, in},
		{func(w *Writer) { w.Raw(one) }, in},
		{func(w *Writer) { w.Raw(open) }, in},
		{func(w *Writer) { w.BeginString() }, in},
		{func(w *Writer) {}, "lejp: writer misuse: Finish inside a string begun with BeginString"},
	} {
		for _, where := range []func(w *Writer){
			func(w *Writer) {},
			func(w *Writer) { w.BeginArray() },
			func(w *Writer) { w.BeginObject(); w.Name("a") },
		} {
			var w Writer
			buf := make([]byte, 0, 64)
			run := func() error {
				w.Reset(buf[:0])
				where(&w)
				w.BeginString()
				w.StringPiece("ab\xc3")
				if w.Err() != nil || w.Flush(io.Discard) != nil {
					t.Fatalf("%s: Err %v inside the string", c.want, w.Err())
				}
				c.f(&w)
				_, err := w.Finish()
				return err
			}
			err := run()
			if err == nil || err.Error() != c.want || !errors.Is(err, ErrWriter) ||
				errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrDuplicateName) {
				t.Errorf("%s: got %v", c.want, err)
				continue
			}
			before := string(w.Bytes())
			w.StringPiece("x")
			w.EndString()
			w.Null()
			if w.Err() != err || string(w.Bytes()) != before {
				t.Errorf("%s: not sticky: %v, %q", c.want, w.Err(), w.Bytes())
			}
			if testenv.Race {
				continue // allocation counts differ under -race
			}
			if a := testing.AllocsPerRun(20, func() { run() }); a != 0 {
				t.Errorf("%s: %v allocations, want 0", c.want, a)
			}
		}
	}
	for _, c := range []struct {
		f    func(w *Writer)
		want string
	}{
		{func(w *Writer) { w.StringPiece("a") }, "lejp: writer misuse: StringPiece without BeginString"},
		{func(w *Writer) { w.BeginArray(); w.StringPieceBytes(nil) }, "lejp: writer misuse: StringPiece without BeginString"},
		{func(w *Writer) { w.EndString() }, "lejp: writer misuse: EndString without BeginString"},
		{func(w *Writer) { w.BeginString(); w.EndString(); w.EndString() }, "lejp: writer misuse: EndString without BeginString"},
		{func(w *Writer) { w.BeginObject(); w.BeginString() }, "lejp: writer misuse: a value where a member name is due"},
	} {
		var w Writer
		c.f(&w)
		_, err := w.Finish()
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrWriter) {
			t.Errorf("%s: got %v", c.want, err)
		}
	}
	// An error leaves the string: the pieces do nothing after it.
	var w Writer
	w.BeginString()
	w.StringPiece("\xff")
	w.StringPiece("x")
	w.EndString()
	if _, err := w.Finish(); !errors.Is(err, ErrInvalidUTF8) || len(w.Bytes()) != 0 {
		t.Errorf("after a refused piece: %v, %q", err, w.Bytes())
	}
	// Reset leaves the string too, and its pending bytes.
	w.Reset(nil)
	w.BeginString()
	w.StringPiece("\xe2")
	w.Reset(nil)
	w.BeginArray()
	w.Null()
	w.BeginString()
	w.StringPiece("a")
	w.EndString()
	w.EndArray()
	if b, err := w.Finish(); string(b) != `[null,"a"]` || err != nil {
		t.Errorf("Reset inside a string: %s, %v", b, err)
	}
}

// TestWriterResetAfterFlush holds that Reset forgets what Flush kept: a
// reused Writer, reset with objects open after a Flush, detects
// duplicates after its own Flushes and counts offsets from 0.
func TestWriterResetAfterFlush(t *testing.T) {
	var w Writer
	for round := range 3 {
		w.BeginObject()
		w.Name("a")
		w.BeginObject()
		w.Name("b")
		w.Null()
		w.Flush(io.Discard)
		if round == 2 {
			w.Name("c") // over where "b" was before the Flush
			w.String("xxxxxxxxxxxx")
			w.Name("b")
			if err := w.Err(); err == nil || err.Error() !=
				"lejp: writer: duplicate object member name (a member name at output offset 33)" {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		w.Reset(nil)
	}
}

// TestWriterFlushLeavesResetPrefix holds that Flush, which writes the
// bytes of the slice given to Reset with the rest, does not write over
// them when it keeps names: a Writer appends to dst, so a prefix reused
// for each document (with room after it) stays what the caller put there.
func TestWriterFlushLeavesResetPrefix(t *testing.T) {
	prefix := append(make([]byte, 0, 256), "event: "...)
	var w Writer
	for round := range 2 {
		var out bytes.Buffer
		w.Reset(prefix)
		w.BeginObject()
		w.Name("alg")
		w.String("ES256")
		w.Name("kid")
		if err := w.Flush(&out); err != nil {
			t.Fatal(err)
		}
		if string(prefix) != "event: " {
			t.Fatalf("round %d: Flush wrote over the prefix: %q", round, prefix)
		}
		w.String("k1")
		w.Name("alg")
		if !errors.Is(w.Err(), ErrDuplicateName) {
			t.Fatalf("round %d: alg again: %v", round, w.Err())
		}
		w.Reset(prefix)
		w.BeginObject()
		w.Name("alg")
		w.Flush(&out)
		w.Null()
		w.EndObject()
		if err := w.Flush(&out); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Finish(); err != nil {
			t.Fatal(err)
		}
		if want := `event: {"alg":"ES256","kid":event: {"alg":null}`; out.String() != want {
			t.Fatalf("round %d: %q, want %q", round, out.String(), want)
		}
	}
}
