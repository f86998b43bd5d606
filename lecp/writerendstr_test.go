package lecp

import (
	"errors"
	"testing"
)

// TestWriterEndInsideStringRefused: EndArray and EndMap (or the ArrayEnd
// and MapEnd events) while a string of WriteEvent pieces or an
// indefinite-length string is unfinished are misuse, as any other item
// there is. On the base they closed the container, and the string, ended
// later, was written after it: BeginArray, BytesStart, EndArray, BytesEnd
// gave 80 40, two top-level items, with no error.
func TestWriterEndInsideStringRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		do   func(w *Writer)
	}{
		{"EndArray in an indefinite string", func(w *Writer) {
			w.BeginArray()
			w.WriteEvent(&Event{Kind: BytesStart, Indefinite: true})
			w.EndArray()
			w.WriteEvent(&Event{Kind: BytesEnd})
		}},
		{"EndArray in string pieces", func(w *Writer) {
			w.BeginArray()
			w.WriteEvent(&Event{Kind: TextChunk, Value: []byte("ab")})
			w.EndArray()
			w.WriteEvent(&Event{Kind: Text, Value: []byte("c")})
		}},
		{"EndMap in an indefinite string", func(w *Writer) {
			w.BeginMap()
			w.WriteEvent(&Event{Kind: TextStart, Indefinite: true})
			w.EndMap()
			w.WriteEvent(&Event{Kind: TextEnd})
		}},
		{"MapEnd event in string pieces", func(w *Writer) {
			w.BeginArray()
			w.BeginMap()
			w.Uint(1)
			w.Uint(2)
			w.WriteEvent(&Event{Kind: BytesChunk, Value: []byte("ab")})
			w.WriteEvent(&Event{Kind: MapEnd})
			w.WriteEvent(&Event{Kind: Bytes, Value: []byte("c")})
			w.EndArray()
		}},
	} {
		var w Writer
		tc.do(&w)
		b, err := w.Bytes()
		if !errors.Is(err, ErrWriter) || !errors.Is(w.Err(), ErrWriter) {
			t.Errorf("%s: Bytes %x, %v; Err %v; want ErrWriter", tc.name, b, err, w.Err())
		}
	}
}
