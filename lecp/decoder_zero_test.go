package lecp

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

// TestZeroDecoderReadsEmptyInput: every read of a zero Decoder (ReadToken,
// ReadValue, SkipValue, StringReader, More, Finish), and of one from
// NewDecoder(nil, nil), panicked with a nil pointer dereference (fill
// calling Read on the nil io.Reader); the doc said only that a zero Decoder
// set up by Reset or ResetBytes has the default options. Now a Decoder with
// no reader reads an empty input, as lejp's zero Decoder does:
// ErrUnexpectedEOF at offset 0, and More false.
func TestZeroDecoderReadsEmptyInput(t *testing.T) {
	call := func(f func() error) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return f()
	}
	reads := map[string]func(d *Decoder) error{
		"ReadToken":    func(d *Decoder) error { _, err := d.ReadToken(); return err },
		"ReadValue":    func(d *Decoder) error { _, err := d.ReadValue(); return err },
		"SkipValue":    func(d *Decoder) error { return d.SkipValue() },
		"StringReader": func(d *Decoder) error { _, _, err := d.StringReader(); return err },
		"Finish":       func(d *Decoder) error { return d.Finish() },
	}
	decoders := map[string]func() *Decoder{
		"zero":            func() *Decoder { return new(Decoder) },
		"NewDecoder(nil)": func() *Decoder { return NewDecoder(nil, nil) },
		"Reset(nil)":      func() *Decoder { d := new(Decoder); d.Reset(nil); return d },
	}
	for dn, mk := range decoders {
		for rn, read := range reads {
			d := mk()
			err := call(func() error { return read(d) })
			var se *SyntaxError
			if !errors.Is(err, ErrUnexpectedEOF) || !errors.As(err, &se) || se.Offset != 0 {
				t.Errorf("%s decoder, %s: %v; want ErrUnexpectedEOF at offset 0", dn, rn, err)
			}
			if rn == "ReadToken" {
				// sticky, and never io.EOF: no item was read
				if _, err := d.ReadToken(); errors.Is(err, io.EOF) || !errors.Is(err, ErrUnexpectedEOF) {
					t.Errorf("%s decoder, second ReadToken: %v", dn, err)
				}
			}
		}
		d := mk()
		if err := call(func() error {
			if d.More() {
				return errors.New("More reported an item")
			}
			return nil
		}); err != nil {
			t.Errorf("%s decoder, More: %v", dn, err)
		}
	}
}
