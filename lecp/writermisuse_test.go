package lecp

import (
	"errors"
	"testing"
)

// TestWriterMisuseSentinel: every kind of Writer misuse is an error that
// errors.Is matches to ErrWriter, from Err and from Bytes, and sticky: a
// later call writes nothing and the error stays the first one. On the base
// the misuse errors were each a new errors.New value (the unexported
// ErrWriter's text with a detail), which errors.Is could match to nothing.
func TestWriterMisuseSentinel(t *testing.T) {
	for _, tc := range []struct {
		name string
		do   func(w *Writer)
	}{
		{"EndArray without BeginArray", func(w *Writer) { w.EndArray() }},
		{"EndMap without BeginMap", func(w *Writer) { w.EndMap() }},
		{"EndArray in a map", func(w *Writer) { w.BeginMap(); w.EndArray() }},
		{"EndMap in an array", func(w *Writer) { w.BeginArray(); w.EndMap() }},
		{"EndArray after an ended array", func(w *Writer) { w.BeginArray(); w.EndArray(); w.EndArray() }},
		{"EndMap with a key and no value", func(w *Writer) { w.BeginMap(); w.Uint(1); w.EndMap() }},
		{"EndMap with three items", func(w *Writer) { w.BeginMap(); w.Uint(1); w.Uint(2); w.Text("k"); w.EndMap() }},
		{"EndArray after a tag", func(w *Writer) { w.BeginArray(); w.Tag(1); w.EndArray() }},
		{"EndMap after a tag as value", func(w *Writer) { w.BeginMap(); w.Uint(1); w.Tag(1); w.EndMap() }},
		{"Bytes with a tag and no item", func(w *Writer) { w.Tag(1) }},
		{"Bytes with two tags and no item", func(w *Writer) { w.Tag(1); w.Tag(2) }},
		{"Bytes with an open array", func(w *Writer) { w.BeginArray(); w.Uint(1) }},
		{"Bytes with an open map", func(w *Writer) { w.BeginMap() }},
		{"Bytes with a nested open map", func(w *Writer) { w.BeginArray(); w.BeginMap(); w.Uint(1); w.Uint(2) }},
		{"simple value 24", func(w *Writer) { w.Simple(24) }},
		{"simple value 31", func(w *Writer) { w.Simple(31) }},
		{"Bytes inside an indefinite string", func(w *Writer) { w.WriteEvent(&Event{Kind: BytesStart}) }},
		{"Bytes inside string pieces", func(w *Writer) { w.WriteEvent(&Event{Kind: TextChunk, Value: []byte("a")}) }},
		{"item inside an indefinite string", func(w *Writer) { w.WriteEvent(&Event{Kind: TextStart}); w.Uint(1) }},
		{"item inside string pieces", func(w *Writer) { w.WriteEvent(&Event{Kind: BytesChunk, Value: []byte("a")}); w.BeginArray() }},
		{"string start inside a string", func(w *Writer) { w.WriteEvent(&Event{Kind: TextStart}); w.WriteEvent(&Event{Kind: BytesStart}) }},
		{"string end without start", func(w *Writer) { w.WriteEvent(&Event{Kind: BytesEnd}) }},
		{"simple event 256", func(w *Writer) { w.WriteEvent(&Event{Kind: Simple, Uint: 256}) }},
		{"simple event 2^64-1", func(w *Writer) { w.WriteEvent(&Event{Kind: Simple, Uint: 1<<64 - 1}) }},
		{"text piece after byte pieces", func(w *Writer) {
			w.WriteEvent(&Event{Kind: BytesChunk, Value: []byte("a")})
			w.WriteEvent(&Event{Kind: Text, Value: []byte("b")})
		}},
		{"byte piece after text pieces", func(w *Writer) {
			w.WriteEvent(&Event{Kind: TextChunk, Value: []byte("a")})
			w.WriteEvent(&Event{Kind: BytesChunk, Value: []byte("b")})
			w.WriteEvent(&Event{Kind: Bytes})
		}},
		{"text chunk in an indefinite byte string", func(w *Writer) {
			w.WriteEvent(&Event{Kind: BytesStart})
			w.WriteEvent(&Event{Kind: Text, Value: []byte("a")})
			w.WriteEvent(&Event{Kind: BytesEnd})
		}},
		{"text end of an indefinite byte string", func(w *Writer) {
			w.WriteEvent(&Event{Kind: BytesStart})
			w.WriteEvent(&Event{Kind: Bytes, Value: []byte("a")})
			w.WriteEvent(&Event{Kind: TextEnd})
		}},
	} {
		var w Writer
		tc.do(&w)
		_, err := w.Bytes()
		if !errors.Is(err, ErrWriter) {
			t.Errorf("%s: Bytes: %v, want ErrWriter", tc.name, err)
			continue
		}
		if werr := w.Err(); werr != nil && werr != err {
			t.Errorf("%s: Err %v, Bytes %v", tc.name, werr, err)
		}
		// sticky: nothing more is written and the error stays
		if w.Err() != nil {
			n := len(w.buf)
			w.Uint(1)
			w.EndArray()
			w.EndMap()
			if len(w.buf) != n {
				t.Errorf("%s: wrote after the error", tc.name)
			}
			if _, err2 := w.Bytes(); err2 != err {
				t.Errorf("%s: error changed from %v to %v", tc.name, err, err2)
			}
		}
	}
}

// TestWriterDuplicateKeySentinels: a duplicate map key (as encoded, and
// 0.0 with -0.0) is ErrDuplicateKey, as the parser says of such a map, and
// also ErrWriter, the sentinel for every error of a Writer.
func TestWriterDuplicateKeySentinels(t *testing.T) {
	for name, do := range map[string]func(w *Writer){
		"1 and 1":      func(w *Writer) { w.Uint(1); w.Null(); w.Uint(1); w.Null() },
		"0.0 and -0.0": func(w *Writer) { w.Float(0); w.Null(); w.Float(-1 / inf()); w.Null() },
	} {
		for _, det := range []bool{false, true} {
			w := Writer{Deterministic: det}
			w.BeginMap()
			do(&w)
			w.EndMap()
			_, err := w.Bytes()
			if !errors.Is(err, ErrDuplicateKey) || !errors.Is(err, ErrWriter) {
				t.Errorf("%s (deterministic %v): %v, want ErrDuplicateKey and ErrWriter", name, det, err)
			}
		}
	}
}

func inf() float64 { var z float64; return 1 / z }

// TestWriterBytesNothingWritten: Bytes with nothing written (the zero
// Writer, after Reset) returns no bytes and no error, an empty sequence,
// as documented: Check refuses it without AllowSequence and accepts it
// with.
func TestWriterBytesNothingWritten(t *testing.T) {
	var w Writer
	for i := range 2 {
		b, err := w.Bytes()
		if err != nil || len(b) != 0 {
			t.Fatalf("#%d: %x, %v; want empty, nil", i, b, err)
		}
		if err := Check(b, nil); !errors.Is(err, ErrUnexpectedEOF) {
			t.Errorf("#%d: Check: %v, want ErrUnexpectedEOF", i, err)
		}
		if err := Check(b, &Options{AllowSequence: true}); err != nil {
			t.Errorf("#%d: Check with AllowSequence: %v", i, err)
		}
		w.Uint(1)
		w.Reset()
	}
}
