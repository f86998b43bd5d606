package lejp

import (
	"errors"
	"testing"
)

// TestZeroDecoderReadsEmptyInput: a zero Decoder never given an input
// reads as an empty one: every reading call is a *SyntaxError with
// ErrUnexpectedEOF at offset 0, as ReadToken's godoc says errors are (and
// as NewDecoderBytes(nil, nil) gives). Before, they returned a bare
// io.ErrUnexpectedEOF from a branch commented "not reached".
func TestZeroDecoderReadsEmptyInput(t *testing.T) {
	for name, read := range map[string]func(d *Decoder) error{
		"ReadToken": func(d *Decoder) error { _, err := d.ReadToken(); return err },
		"ReadValue": func(d *Decoder) error { _, err := d.ReadValue(); return err },
		"SkipValue": func(d *Decoder) error { return d.SkipValue() },
		"Finish":    func(d *Decoder) error { return d.Finish() },
	} {
		var zero Decoder
		want := read(NewDecoderBytes(nil, nil))
		for i := range 2 { // and again: errors are sticky
			err := read(&zero)
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrUnexpectedEOF) || se.Offset != 0 || err.Error() != want.Error() {
				t.Errorf("%s #%d on the zero Decoder: %v, want %v", name, i, err, want)
			}
		}
	}
	var zero Decoder
	zero.ReadToken()
	zero.ResetBytes([]byte(`[1]`))
	if tok, err := zero.ReadToken(); err != nil || tok.Kind != ArrayStart {
		t.Errorf("after ResetBytes: %v, %v", tok, err)
	}
}
