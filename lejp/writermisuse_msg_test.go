package lejp

import (
	"errors"
	"testing"
)

// TestWriterMisuseErrorSaysWhat holds that a Writer's misuse error names
// the misuse, as lecp's Writer does, instead of the bare "lejp: writer
// misuse" that left a caller to guess which call was out of step; it still
// matches ErrWriter.
func TestWriterMisuseErrorSaysWhat(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func(w *Writer)
		want string
	}{
		{"value for name", func(w *Writer) { w.BeginObject(); w.String("x") },
			"lejp: writer misuse: a value where a member name is due"},
		{"second top-level value", func(w *Writer) { w.String("a"); w.Int(1) },
			"lejp: writer misuse: a second top-level value"},
		{"name outside object", func(w *Writer) { w.BeginArray(); w.Name("a") },
			"lejp: writer misuse: a member name outside an object"},
		{"name for value", func(w *Writer) { w.BeginObject(); w.Name("a"); w.Name("b") },
			"lejp: writer misuse: a member name where a value is due"},
		{"EndObject none open", func(w *Writer) { w.EndObject() },
			"lejp: writer misuse: EndObject without an open object"},
		{"EndArray closing object", func(w *Writer) { w.BeginObject(); w.EndArray() },
			"lejp: writer misuse: EndArray with an object open"},
		{"EndObject after name", func(w *Writer) { w.BeginObject(); w.Name("a"); w.EndObject() },
			"lejp: writer misuse: EndObject after a member name with no value"},
		{"NaN", func(w *Writer) { w.Float(nan()) },
			"lejp: writer misuse: a NaN or infinite float"},
		{"unfinished", func(w *Writer) { w.BeginArray() },
			"lejp: writer misuse: document not complete"},
		{"empty", func(w *Writer) {},
			"lejp: writer misuse: document not complete"},
	} {
		var w Writer
		c.f(&w)
		_, err := w.Finish()
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrWriter) {
			t.Errorf("%s: got %v (ErrWriter %v), want %q", c.name, err, errors.Is(err, ErrWriter), c.want)
		}
		if errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrDuplicateName) {
			t.Errorf("%s: misuse matches a content sentinel: %v", c.name, err)
		}
	}
}

func nan() float64 { var z float64; return z / z }

// TestAppendFloatNaNErrorSaysWhy holds that AppendFloat's error for a NaN
// or an infinity says why, where it was the bare "lejp: writer misuse" of
// ErrWriter, which it still matches; dst comes back unchanged.
func TestAppendFloatNaNErrorSaysWhy(t *testing.T) {
	inf := 1 / func() float64 { return 0 }()
	for _, f := range []float64{nan(), inf, -inf} {
		b, err := AppendFloat([]byte("x"), f)
		if string(b) != "x" || !errors.Is(err, ErrWriter) || err == nil ||
			err.Error() != "lejp: writer misuse: a NaN or infinite float" {
			t.Errorf("AppendFloat(%v) = %q, %v", f, b, err)
		}
	}
}
