package lecp

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// TestReadTokenStickyError: after an error found on ReadToken's fast path
// (a duplicate key), ReadToken returns that error again instead of going
// on (the machine's error is sticky; the fast path must notice it).
func TestReadTokenStickyError(t *testing.T) {
	doc := fromHex("a3 01 01 01 02 03 04") // {1: 1, 1: 2, 3: 4}
	for _, d := range []*Decoder{NewDecoderBytes(doc, nil), NewDecoder(iotestOneByte(doc), nil)} {
		var first error
		for range 4 {
			if _, err := d.ReadToken(); err != nil {
				first = err
				break
			}
		}
		if !errors.Is(first, ErrDuplicateKey) {
			t.Fatalf("first error %v, want a duplicate key", first)
		}
		for range 3 {
			if tok, err := d.ReadToken(); err != first {
				t.Fatalf("after the error: %v %v, want the same error %v", tok.Kind, err, first)
			}
		}
	}
}

// chunkReader reads b in pieces of at most n bytes.
type chunkReader struct {
	b []byte
	n int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.b)
	r.b = r.b[k:]
	return k, nil
}

// TestReadTokenAfterPartialString: ReadToken after a StringReader read only
// the first piece of a long string (against its documentation) delivers
// the rest of the string, then the following items, as the machine does.
// The piece ends on a rune boundary, so the rest of a rune stays in the
// buffer: the fast path must not take it for an item.
func TestReadTokenAfterPartialString(t *testing.T) {
	text := bytes.Repeat([]byte("\u00e9"), 150) // c3 a9: c3 reads as a tag
	doc := AppendArrayHeader(nil, 2)
	doc = AppendText(doc, string(text))
	doc = AppendInt(doc, 1)
	d := NewDecoder(&chunkReader{doc, 71}, nil) // 67 bytes of text: the first piece takes 66
	if tok, err := d.ReadToken(); err != nil || tok.Kind != ArrayStart {
		t.Fatalf("%v %v", tok.Kind, err)
	}
	_, r, err := d.StringReader()
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, len(text))
	n, err := r.Read(buf)
	if err != nil || n == 0 || n >= len(text) {
		t.Fatalf("first piece: %d bytes, %v", n, err)
	}
	tok, err := d.ReadToken()
	if err != nil || tok.Kind != Text || !bytes.Equal(tok.Value, text[n:]) {
		t.Fatalf("after %d bytes: %v %q %v, want the rest of the text", n, tok.Kind, tok.Value, err)
	}
	for _, want := range []Kind{Uint, ArrayEnd} {
		if tok, err := d.ReadToken(); err != nil || tok.Kind != want {
			t.Fatalf("%v %v, want %v", tok.Kind, err, want)
		}
	}
	if _, err := d.ReadToken(); err != io.EOF {
		t.Fatalf("%v, want io.EOF", err)
	}
}

// TestReadTokenMapFilterClear: a map started on ReadToken's fast path gets
// an empty key filter, also where the filter words it takes held an
// earlier map's bits (ht keeps its capacity when a map ends). A stale bit
// changes no token, only sends a new key down the slow path, so this looks
// at the filter itself.
func TestReadTokenMapFilterClear(t *testing.T) {
	// [{"a": 1, "b": 2, "c": 3}, {"a": 1}]
	doc := fromHex("82 a3 6161 01 6162 02 6163 03 a1 6161 01")
	d := NewDecoderBytes(doc, nil)
	for i := range 10 {
		tok, err := d.ReadToken()
		if err != nil {
			t.Fatalf("token %d: %v", i, err)
		}
		if i == 1 || i == 9 {
			if tok.Kind != MapStart {
				t.Fatalf("token %d: %v, want MapStart", i, tok.Kind)
			}
			f := &d.m.stack[len(d.m.stack)-1]
			for j, w := range d.m.keys.ht[f.ht0 : f.ht0+8] {
				if w != 0 {
					t.Fatalf("token %d: filter word %d is %#x at the map's start, want 0", i, j, w)
				}
			}
		}
	}
}
