package lecp

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// noValueCalls are the Decoder's calls that ask for an item.
var noValueCalls = map[string]func(d *Decoder) error{
	"ReadValue":    func(d *Decoder) error { _, err := d.ReadValue(); return err },
	"SkipValue":    func(d *Decoder) error { return d.SkipValue() },
	"StringReader": func(d *Decoder) error { _, _, err := d.StringReader(); return err },
}

// TestNoValueSentinel: every call that asks the Decoder for an item where
// none starts says so the same way. At the end of a container (definite or
// indefinite, a tag's or an indefinite-length string's end), and for
// StringReader before an item that is not a string, the error matches
// ErrNoValue, nothing is consumed, the decoder can go on (it is not an
// error of the input), and the next token is the one that was there. After
// the last top-level item (or the end of a sequence) every call returns
// io.EOF, as ReadToken does. On the base ErrNoValue was not exported (the
// calls returned an unexported errors.New value, and StringReader a
// plain error per kind that errors.Is could match to nothing), and
// StringReader after the last item returned a sticky SyntaxError with
// ErrUnexpectedEOF, though the input was complete.
func TestNoValueSentinel(t *testing.T) {
	for _, tc := range []struct {
		doc   string
		skip  int  // tokens read first
		next  Kind // the token after the refused call
		calls string
	}{
		{"8101", 2, ArrayEnd, "all"},
		{"80", 1, ArrayEnd, "all"},
		{"a0", 1, MapEnd, "all"},
		{"a10102", 3, MapEnd, "all"},
		{"9f01ff", 2, ArrayEnd, "all"},
		{"bfff", 1, MapEnd, "all"},
		{"c101", 2, TagEnd, "all"},
		{"5f4101ff", 2, BytesEnd, "all"},
		{"7fff", 1, TextEnd, "all"},
		// StringReader before an item that is not a string
		{"8180", 1, ArrayStart, "StringReader"},
		{"a0", 0, MapStart, "StringReader"},
		{"c24101", 0, TagStart, "StringReader"},
		{"820120", 2, Nint, "StringReader"},
		{"f6", 0, Null, "StringReader"},
		{"fb3ff0000000000000", 0, Float, "StringReader"},
	} {
		for name, call := range noValueCalls {
			if tc.calls != "all" && tc.calls != name {
				continue
			}
			for _, whole := range []bool{true, false} {
				b := testenv.Hex(t, tc.doc)
				d := NewDecoderBytes(b, nil)
				if !whole {
					d = NewDecoder(iotest.OneByteReader(bytes.NewReader(b)), nil)
				}
				for range tc.skip {
					if _, err := d.ReadToken(); err != nil {
						t.Fatal(tc.doc, err)
					}
				}
				off, path := d.InputOffset(), d.Path()
				err := call(d)
				if !errors.Is(err, ErrNoValue) {
					t.Errorf("%s after %d tokens, %s (whole %v): %v, want ErrNoValue", tc.doc, tc.skip, name, whole, err)
				}
				var se *SyntaxError
				if errors.As(err, &se) {
					t.Errorf("%s: %s: a SyntaxError (%v), though the input is fine", tc.doc, name, err)
				}
				if d.InputOffset() != off || d.Path() != path {
					t.Errorf("%s: %s moved from %d %q to %d %q", tc.doc, name, off, path, d.InputOffset(), d.Path())
				}
				if tok, err := d.ReadToken(); err != nil || tok.Kind != tc.next {
					t.Errorf("%s: after %s: %v %v, want %v", tc.doc, name, tok.Kind, err, tc.next)
				}
				for {
					if _, err := d.ReadToken(); err != nil {
						if err != io.EOF {
							t.Errorf("%s: after %s: %v, want to read on to io.EOF", tc.doc, name, err)
						}
						break
					}
				}
				if err := d.Finish(); err != nil {
					t.Errorf("%s: after %s: Finish: %v", tc.doc, name, err)
				}
			}
		}
	}
}

// TestNoValueAfterLastItem: after the last top-level item, or at the end of
// a sequence, every call that asks for an item returns io.EOF, as
// ReadToken does, leaving the decoder as it was (Finish still accepts the
// input). StringReader returned a sticky SyntaxError with ErrUnexpectedEOF
// there on the base, though nothing is missing from the input.
func TestNoValueAfterLastItem(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		skip int
		seq  bool
	}{
		{"61 61", 1, false},
		{"82 01 02", 4, false},
		{"01 02", 2, true},
		{"", 0, true},
	} {
		for name, call := range noValueCalls {
			for _, whole := range []bool{true, false} {
				b := testenv.Hex(t, tc.doc)
				opts := &Options{AllowSequence: tc.seq}
				d := NewDecoderBytes(b, opts)
				if !whole {
					d = NewDecoder(bytes.NewReader(b), opts)
				}
				for range tc.skip {
					if _, err := d.ReadToken(); err != nil {
						t.Fatal(tc.doc, err)
					}
				}
				if err := call(d); err != io.EOF {
					t.Errorf("%q after %d tokens, %s (whole %v): %v, want io.EOF", tc.doc, tc.skip, name, whole, err)
				}
				if err := d.Finish(); err != nil {
					t.Errorf("%q: Finish after %s: %v", tc.doc, name, err)
				}
			}
		}
	}
}
