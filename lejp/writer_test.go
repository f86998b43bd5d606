package lejp

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
)

func TestWriter(t *testing.T) {
	var w Writer
	w.BeginObject()
	w.Name("alg")
	w.String("ES256")
	w.Name("crit")
	w.BeginArray()
	w.String("b64")
	w.StringBytes([]byte("x\"\n\x01"))
	w.EndArray()
	w.Name("b64")
	w.Bool(false)
	w.NameBytes([]byte("n"))
	w.Int(-42)
	w.Name("u")
	w.Uint(math.MaxUint64)
	w.Name("f")
	w.Float(1e21)
	w.Name("g")
	w.Float(0.000001)
	w.Name("h")
	w.Float(1e-7)
	w.Name("z")
	w.Null()
	w.Name("raw")
	w.Raw([]byte(`{"k":[1,2]}`))
	w.Name("e")
	w.BeginObject()
	w.EndObject()
	w.EndObject()
	got, err := w.Finish()
	want := `{"alg":"ES256","crit":["b64","x\"\n\u0001"],"b64":false,"n":-42,"u":18446744073709551615,"f":1e+21,"g":0.000001,"h":1e-7,"z":null,"raw":{"k":[1,2]},"e":{}}`
	if err != nil || string(got) != want {
		t.Fatalf("got %s, %v\nwant %s", got, err, want)
	}
	if !json.Valid(got) || Check(got, nil) != nil {
		t.Fatal("output not valid")
	}
}

func TestWriterMisuse(t *testing.T) {
	for name, f := range map[string]func(w *Writer){
		"value without name": func(w *Writer) { w.BeginObject(); w.Int(1) },
		"name in array":      func(w *Writer) { w.BeginArray(); w.Name("a") },
		"two names":          func(w *Writer) { w.BeginObject(); w.Name("a"); w.Name("b") },
		"end without begin":  func(w *Writer) { w.EndArray() },
		"wrong end":          func(w *Writer) { w.BeginArray(); w.EndObject() },
		"end after name":     func(w *Writer) { w.BeginObject(); w.Name("a"); w.EndObject() },
		"unfinished":         func(w *Writer) { w.BeginArray() },
		"nothing":            func(w *Writer) {},
		"two values":         func(w *Writer) { w.Int(1); w.Int(2) },
		"NaN":                func(w *Writer) { w.Float(math.NaN()) },
		"Inf":                func(w *Writer) { w.Float(math.Inf(-1)) },
		"bad raw":            func(w *Writer) { w.Raw([]byte(`{"a":1,"a":2}`)) },
	} {
		var w Writer
		f(&w)
		if _, err := w.Finish(); !errors.Is(err, ErrWriter) {
			t.Errorf("%s: %v, want ErrWriter", name, err)
		}
	}
}

// TestAppendFloat compares with encoding/json's float format.
func TestAppendFloat(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1.5, 1e20, 1e21, 123456789e-15, 1e-6, 9.99e-7, math.MaxFloat64, math.SmallestNonzeroFloat64, 0.1, 1e-100} {
		got, err := AppendFloat(nil, f)
		want, _ := json.Marshal(f)
		if err != nil || string(got) != string(want) {
			t.Errorf("AppendFloat(%v) = %s, encoding/json %s", f, got, want)
		}
	}
}

// TestAppendStringExact pins AppendString's output byte for byte: which
// bytes are escaped and how (the round-trip fuzz target accepts any
// escaping that decodes back, such as a space written as \u0020).
func TestAppendStringExact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `""`},
		{" ", `" "`},
		{"a b!~\x7f", "\"a b!~\x7f\""},
		{"\x00\x01\x0f\x10\x1f", `"\u0000\u0001\u000f\u0010\u001f"`},
		{"\b\f\n\r\t", `"\b\f\n\r\t"`},
		{`"\/`, `"\"\\/"`},
		{"\x80", `"\ufffd"`},
		{"a\xffb\xc3", `"a\ufffdb\ufffd"`},
		{"\u0080é€😀", "\"\u0080é€😀\""},
		{"\ufffd", "\"\ufffd\""},
		{"\u2028\u2029", "\"\u2028\u2029\""},
		{"\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`},
	} {
		if got := string(AppendString(nil, tc.in)); got != tc.want {
			t.Errorf("AppendString(%q) = %s, want %s", tc.in, got, tc.want)
		}
		if got := string(AppendStringBytes([]byte("x"), []byte(tc.in))); got != "x"+tc.want {
			t.Errorf("AppendStringBytes(x, %q) = %s, want x%s", tc.in, got, tc.want)
		}
	}
}

// TestWriterMisuseAtOnce: a misuse is an error at once (Err), writes
// nothing, and stays, whatever follows; TestWriterMisuse only sees Finish,
// which an unfinished document fails anyway.
func TestWriterMisuseAtOnce(t *testing.T) {
	for name, tc := range map[string]struct {
		setup, misuse func(w *Writer)
	}{
		"value without name": {func(w *Writer) { w.BeginObject() }, func(w *Writer) { w.Int(1) }},
		"name in array":      {func(w *Writer) { w.BeginArray() }, func(w *Writer) { w.Name("a") }},
		"name at top level":  {func(w *Writer) {}, func(w *Writer) { w.Name("a") }},
		"two names":          {func(w *Writer) { w.BeginObject(); w.Name("a") }, func(w *Writer) { w.Name("b") }},
		"end without begin":  {func(w *Writer) {}, func(w *Writer) { w.EndArray() }},
		"wrong end":          {func(w *Writer) { w.BeginArray() }, func(w *Writer) { w.EndObject() }},
		"wrong end object":   {func(w *Writer) { w.BeginObject() }, func(w *Writer) { w.EndArray() }},
		"end after name":     {func(w *Writer) { w.BeginObject(); w.Name("a") }, func(w *Writer) { w.EndObject() }},
		"second value":       {func(w *Writer) { w.Int(1) }, func(w *Writer) { w.Uint(2) }},
		"value after close":  {func(w *Writer) { w.BeginArray(); w.EndArray() }, func(w *Writer) { w.Bool(true) }},
		"NaN":                {func(w *Writer) { w.BeginArray() }, func(w *Writer) { w.Float(math.NaN()) }},
		"bad raw":            {func(w *Writer) { w.BeginArray() }, func(w *Writer) { w.Raw([]byte(`[1,]`)) }},
	} {
		var w Writer
		tc.setup(&w)
		if w.Err() != nil {
			t.Fatalf("%s: setup: %v", name, w.Err())
		}
		before := string(w.Bytes())
		tc.misuse(&w)
		if !errors.Is(w.Err(), ErrWriter) || string(w.Bytes()) != before {
			t.Errorf("%s: Err %v, wrote %q after %q", name, w.Err(), w.Bytes(), before)
		}
		w.Null()
		w.EndArray()
		w.EndObject()
		if _, err := w.Finish(); !errors.Is(err, ErrWriter) {
			t.Errorf("%s: Finish: %v", name, err)
		}
	}
	// Reset clears the error and keeps nothing of the old document.
	var w Writer
	w.EndArray()
	w.Reset([]byte("x"))
	w.BeginArray()
	w.Int(1)
	w.Int(2)
	w.EndArray()
	if b, err := w.Finish(); err != nil || string(b) != "x[1,2]" {
		t.Errorf("after Reset: %q, %v", b, err)
	}
}
