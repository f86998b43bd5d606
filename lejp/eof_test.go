package lejp

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestUnexpectedEOFMatchesIO: cut input is ErrUnexpectedEOF, which also
// matches io.ErrUnexpectedEOF (as lecp's does, and as truncated input does
// across the standard library); malformed input matches neither. On the
// base lejp's ErrUnexpectedEOF was a plain errors.New value.
func TestUnexpectedEOFMatchesIO(t *testing.T) {
	for _, in := range []string{`{"a":`, `[1,2`, `"abc`, `tru`, ``} {
		err := Check([]byte(in), nil)
		if !errors.Is(err, ErrUnexpectedEOF) || !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("Check(%q) = %v, want ErrUnexpectedEOF matching io.ErrUnexpectedEOF", in, err)
		}
		d := NewDecoder(strings.NewReader(in), nil)
		for err == nil || errors.Is(err, ErrUnexpectedEOF) {
			if _, err = d.ReadToken(); err != nil {
				break
			}
		}
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("Decoder(%q): %v, want io.ErrUnexpectedEOF", in, err)
		}
	}
	for _, in := range []string{`{"a":}`, `[1,]`, `tx`} {
		if err := Check([]byte(in), nil); errors.Is(err, io.ErrUnexpectedEOF) || err == nil {
			t.Errorf("Check(%q) = %v, want a syntax error that is not io.ErrUnexpectedEOF", in, err)
		}
	}
}
