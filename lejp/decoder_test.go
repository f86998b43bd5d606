package lejp

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

// TestReadValueReaders: ReadValue, SkipValue and ReadToken interleaved give
// the same results over bytes, over a one-byte reader and over a reader of
// odd-sized pieces (refills keep the value being read).
func TestReadValueReaders(t *testing.T) {
	in := allocDoc
	run := func(d *Decoder) string {
		var out bytes.Buffer
		for n := 0; ; n++ {
			var v []byte
			var err error
			switch n % 4 {
			case 0, 1:
				var tok Token
				tok, err = d.ReadToken()
				v = append([]byte(tok.Kind.String()+":"), tok.Value...)
			case 2:
				v, err = d.ReadValue()
			default:
				err = d.SkipValue()
			}
			if err == io.EOF {
				return out.String()
			}
			if err != nil && !errors.Is(err, ErrNoValue) {
				return out.String() + err.Error()
			}
			out.Write(v)
			out.WriteString("|")
		}
	}
	want := run(NewDecoderBytes(in, nil))
	for name, r := range map[string]io.Reader{
		"one byte": iotest.OneByteReader(bytes.NewReader(in)),
		"half":     iotest.HalfReader(bytes.NewReader(in)),
		"data+EOF": iotest.DataErrReader(bytes.NewReader(in)),
		"plain":    bytes.NewReader(in),
	} {
		if got := run(NewDecoder(r, nil)); got != want {
			t.Errorf("%s reader: differs from bytes:\n%s", name, diff(want, got))
		}
	}
	// An io.Reader error is returned as is.
	boom := errors.New("boom")
	d := NewDecoder(io.MultiReader(bytes.NewReader(in[:100]), iotest.ErrReader(boom)), nil)
	var err error
	for err == nil {
		_, err = d.ReadToken()
	}
	if err != boom {
		t.Errorf("reader error: %v", err)
	}
	// Offsets and paths follow the input across refills.
	d = NewDecoder(iotest.OneByteReader(bytes.NewReader([]byte(` {"a" : [ 1 , "x" ] } `))), nil)
	for _, want := range []string{"1 ", "2 /a", "8 /a", "10 /a/0", "14 /a/1", "18 /a", "20 "} {
		tok, err := d.ReadToken()
		if err != nil {
			t.Fatal(err)
		}
		if got := string(AppendInt(nil, tok.Offset)) + " " + d.Pointer(); got != want {
			t.Errorf("token %v: %q, want %q", tok.Kind, got, want)
		}
	}
	if err := d.Finish(); err != nil || d.InputOffset() != 22 {
		t.Errorf("Finish: %v at %d", err, d.InputOffset())
	}
}
