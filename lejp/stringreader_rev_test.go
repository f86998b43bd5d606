package lejp

import (
	"errors"
	"io"
	"testing"
)

// onceErrReader serves its parts one per Read, the part at errAt replaced
// by err (with no bytes), and counts its calls.
type onceErrReader struct {
	parts []string
	errAt int
	err   error
	calls int
}

func (r *onceErrReader) Read(p []byte) (int, error) {
	r.calls++
	if r.calls-1 == r.errAt {
		return 0, r.err
	}
	if len(r.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.parts[0])
	if n < len(r.parts[0]) {
		r.parts[0] = r.parts[0][n:]
	} else {
		r.parts = r.parts[1:]
	}
	return n, nil
}

// TestStringReaderReaderErrorStickyInRead: an io.Reader's error (with no
// bytes) met by a Read of the string reader, after the pieces before it,
// is sticky as every error: the next Read, ReadToken and More return it
// (More false) without calling the io.Reader again, though it would now
// give the rest of the string.
func TestStringReaderReaderErrorStickyInRead(t *testing.T) {
	boom := errors.New("boom")
	r := &onceErrReader{parts: []string{`["ab`, `cd"]`}, errAt: 1, err: boom}
	d := NewDecoder(r, nil)
	if tok, err := d.ReadToken(); err != nil || tok.Kind != ArrayStart {
		t.Fatal(tok, err)
	}
	_, sr, err := d.StringReader()
	if err != nil {
		t.Fatal(err)
	}
	p := make([]byte, 8)
	if n, err := sr.Read(p); n != 2 || err != nil || string(p[:n]) != "ab" {
		t.Fatalf("Read: %q, %v; want \"ab\", nil", p[:n], err)
	}
	if n, err := sr.Read(p); n != 0 || err != boom {
		t.Fatalf("Read: %q, %v; want boom", p[:n], err)
	}
	calls := r.calls
	if n, err := sr.Read(p); n != 0 || err != boom {
		t.Fatalf("Read after boom: %q, %v; want boom again", p[:n], err)
	}
	if d.More() {
		t.Fatal("More after boom: true")
	}
	if tok, err := d.ReadToken(); err != boom {
		t.Fatalf("ReadToken after boom: %v, %v; want boom", tok, err)
	}
	if r.calls != calls {
		t.Fatalf("the io.Reader was called %d times more after its error", r.calls-calls)
	}
}
