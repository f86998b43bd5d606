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
