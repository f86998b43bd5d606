package lejp

import (
	"errors"
	"fmt"
	"io"
	"strings"
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

// partsPanicReader serves its parts one per Read but panics at call at
// (counting from 1).
type partsPanicReader struct {
	parts []string
	at    int
	calls int
}

func (r *partsPanicReader) Read(p []byte) (int, error) {
	r.calls++
	if r.calls == r.at {
		panic("boom")
	}
	if len(r.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.parts[0])
	r.parts = r.parts[1:]
	return n, nil
}

// TestStringReaderReaderPanicLeavesStringOpen: an io.Reader that panics
// while StringReader starts a string (the panic recovered by the caller,
// the Decoder not Reset) leaves the string as one whose reader was not
// read: ReadToken, ReadValue, SkipValue, More and StringReader read its
// rest and go on after it, and Finish returns ErrUnread at it. ReadToken
// never returns its pieces (StringChunk is the Parser's alone), short
// string or long, and ReadValue does not slice outside its buffer (it
// panicked so).
func TestStringReaderReaderPanicLeavesStringOpen(t *testing.T) {
	for _, str := range []string{"123456789", strings.Repeat("y", DefaultStringChunk+5)} {
		newDecoder := func() *Decoder {
			r := &partsPanicReader{parts: []string{`["`, str + `", true, "x"]`}, at: 2}
			d := NewDecoder(r, nil)
			if tok, err := d.ReadToken(); err != nil || tok.Kind != ArrayStart {
				t.Fatal(tok, err)
			}
			func() {
				defer func() {
					if recover() == nil {
						t.Fatal("the reader did not panic")
					}
				}()
				_, _, _ = d.StringReader()
			}()
			return d
		}
		name := fmt.Sprintf("string of %d bytes", len(str))
		d := newDecoder()
		var kinds []Kind
		for {
			tok, err := d.ReadToken()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: ReadToken: %v", name, err)
			}
			kinds = append(kinds, tok.Kind)
		}
		if fmt.Sprint(kinds) != fmt.Sprint([]Kind{True, String, ArrayEnd}) {
			t.Errorf("%s: ReadToken after the panic: %v, want [true string array-end]", name, kinds)
		}
		d = newDecoder()
		if v, err := d.ReadValue(); err != nil || string(v) != "true" {
			t.Errorf("%s: ReadValue after the panic: %q, %v; want true", name, v, err)
		}
		d = newDecoder()
		if err := d.SkipValue(); err != nil {
			t.Errorf("%s: SkipValue after the panic: %v", name, err)
		} else if tok, err := d.ReadToken(); err != nil || tok.Kind != String || string(tok.Value) != "x" {
			t.Errorf("%s: SkipValue after the panic skipped to %v, %v; want \"x\"", name, tok, err)
		}
		d = newDecoder()
		if !d.More() {
			t.Errorf("%s: More after the panic: false", name)
		} else if tok, err := d.ReadToken(); err != nil || tok.Kind != True {
			t.Errorf("%s: ReadToken after More: %v, %v; want true", name, tok, err)
		}
		d = newDecoder()
		if _, _, err := d.StringReader(); !errors.Is(err, ErrNoValue) {
			t.Errorf("%s: StringReader after the panic: %v, want ErrNoValue before true", name, err)
		}
		d = newDecoder()
		var se *SyntaxError
		if err := d.Finish(); !errors.As(err, &se) || se.Err != ErrUnread || se.Offset != 1 || se.Path != "/0" {
			t.Errorf("%s: Finish after the panic: %v, want ErrUnread at 1 (/0)", name, err)
		}
	}
}
