package lejp

import (
	"bytes"
	"errors"
	"testing"
)

// writerMisuses is every misuse path of the Writer, the call sequence
// that takes it and the error text it gives.
var writerMisuses = []struct {
	f    func(w *Writer)
	want string
}{
	{func(w *Writer) { w.BeginObject(); w.Int(1) }, "lejp: writer misuse: a value where a member name is due"},
	{func(w *Writer) { w.Null(); w.BeginArray() }, "lejp: writer misuse: a second top-level value"},
	{func(w *Writer) { w.Name("a") }, "lejp: writer misuse: a member name outside an object"},
	{func(w *Writer) { w.BeginArray(); w.Name("a") }, "lejp: writer misuse: a member name outside an object"},
	{func(w *Writer) { w.BeginObject(); w.Name("a"); w.Name("b") }, "lejp: writer misuse: a member name where a value is due"},
	{func(w *Writer) { w.EndObject() }, "lejp: writer misuse: EndObject without an open object"},
	{func(w *Writer) { w.EndArray() }, "lejp: writer misuse: EndArray without an open array"},
	{func(w *Writer) { w.BeginArray(); w.EndArray(); w.EndArray() }, "lejp: writer misuse: EndArray without an open array"},
	{func(w *Writer) { w.BeginArray(); w.EndObject() }, "lejp: writer misuse: EndObject with an array open"},
	{func(w *Writer) { w.BeginObject(); w.EndArray() }, "lejp: writer misuse: EndArray with an object open"},
	{func(w *Writer) { w.BeginObject(); w.Name("a"); w.EndObject() }, "lejp: writer misuse: EndObject after a member name with no value"},
	{func(w *Writer) { w.BeginArray(); w.Float(-1 / zero()) }, "lejp: writer misuse: a NaN or infinite float"},
	{func(w *Writer) { w.BeginObject(); w.Name("a"); w.BeginArray() }, "lejp: writer misuse: document not complete"},
}

func zero() float64 { return 0 }

// TestWriterEveryMisuseNamedStickyAndFree holds, for every misuse path of
// the Writer (including the two that TestWriterMisuseErrorSaysWhat does not
// take: EndArray with none open, EndObject with an array open), that the
// error names that misuse, matches ErrWriter and no content sentinel,
// stays the first error whatever follows (later calls write nothing), and
// that reaching it allocates nothing.
func TestWriterEveryMisuseNamedStickyAndFree(t *testing.T) {
	buf := make([]byte, 0, 64)
	for _, c := range writerMisuses {
		var w Writer
		w.Reset(buf[:0])
		c.f(&w)
		_, err := w.Finish()
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrWriter) ||
			errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrDuplicateName) {
			t.Errorf("%s: got %v", c.want, err)
			continue
		}
		before := bytes.Clone(w.Bytes())
		w.EndArray()
		w.Name("b")
		w.Float(zero() / zero())
		w.String("x")
		w.EndObject()
		if b, err2 := w.Finish(); err2 != err || !bytes.Equal(b, before) {
			t.Errorf("%s: after more calls got %q, %v; want %q, the first error", c.want, b, err2, before)
		}
		if a := testing.AllocsPerRun(20, func() {
			w.Reset(buf[:0])
			c.f(&w)
			w.Finish()
		}); a != 0 {
			t.Errorf("%s: %v allocations, want 0", c.want, a)
		}
	}
	if a := testing.AllocsPerRun(20, func() { AppendFloat(buf[:0], zero()/zero()) }); a != 0 {
		t.Errorf("AppendFloat(NaN): %v allocations, want 0", a)
	}
}
