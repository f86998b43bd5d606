package lejp

import (
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestDecoderInputOffsetAtEnd pins Decoder.InputOffset's godoc: just past
// each token read; the input's length once io.EOF is returned (by
// ReadToken, ReadValue or SkipValue) or Finish returns nil, trailing
// whitespace (and, with AllowComments, a trailing comment) included; after
// an error, at or past the end of the last token returned. Earlier
// sessions noted that after io.EOF it counted the trailing whitespace,
// which the godoc ("just past the last token read") did not say.
func TestDecoderInputOffsetAtEnd(t *testing.T) {
	comments := &Options{AllowComments: true}
	multi := &Options{AllowMultipleValues: true}
	for _, c := range []struct {
		in   string
		opts *Options
	}{{"[1, 2]  \n ", nil}, {"1  ", nil}, {` {"a" : 1 } `, nil}, {"[1] # c\n  ", comments}, {"1 2  ", multi}, {"[1]", nil}} {
		for _, rd := range []bool{false, true} {
			for op := range 4 {
				var d *Decoder
				if rd {
					d = NewDecoder(strings.NewReader(c.in), c.opts)
				} else {
					d = NewDecoderBytes([]byte(c.in), c.opts)
				}
				var err error
				for err == nil {
					switch op {
					case 0:
						var tok Token
						tok, err = d.ReadToken()
						// Just past a number (its text is its token).
						if end := tok.Offset + int64(len(tok.Value)); err == nil && tok.Kind == Int && d.InputOffset() != end {
							t.Errorf("%q: after %v at %d, InputOffset %d, want %d", c.in, tok.Kind, tok.Offset, d.InputOffset(), end)
						}
					case 1:
						_, err = d.ReadValue()
					case 2:
						err = d.SkipValue()
					case 3:
						// Finish after the first value.
						if err = d.SkipValue(); err == nil {
							if err = d.Finish(); err == nil {
								err = io.EOF
							}
						}
					}
				}
				if err != io.EOF {
					t.Fatalf("%q op %d: %v", c.in, op, err)
				}
				if got := d.InputOffset(); got != int64(len(c.in)) {
					t.Errorf("%q (reader %v, op %d): InputOffset %d at the end, want the input's length %d", c.in, rd, op, got, len(c.in))
				}
			}
		}
	}
	for _, in := range []string{`{"a":1,"a":2}`, `[1 , x]`, `[1]  x`, `[tru ]`, `[01]`, `["\q"]`, `[1,2`, `"ab`} {
		d := NewDecoder(strings.NewReader(in), nil)
		var end int64
		var err error
		for {
			if _, err = d.ReadToken(); err != nil {
				break
			}
			end = d.InputOffset()
		}
		if got := d.InputOffset(); got < end {
			t.Errorf("%q: InputOffset %d after %v, before the end %d of the last token", in, got, err, end)
		}
	}
}

// TestUnexpectedEOFOffsetIsInputLength pins ErrUnexpectedEOF's godoc: its
// Offset is the input's length, from Check, the Decoder and the Parser,
// with and without comments.
func TestUnexpectedEOFOffsetIsInputLength(t *testing.T) {
	for _, in := range []string{"", "  ", `{"a":`, "[1,  \n", `"ab\`, "\"\xe2\x82", "tr", "-", "1.", "[1 ,", `{"a" `, "[1 # c"} {
		for _, o := range []*Options{nil, {AllowComments: true}} {
			if strings.Contains(in, "#") && o == nil {
				continue
			}
			d := NewDecoder(strings.NewReader(in), o)
			var derr error
			for derr == nil {
				_, derr = d.ReadToken()
			}
			p, _ := NewParser(HandlerFunc(func(*Parser, Event) error { return nil }), o)
			_, _ = p.Write([]byte(in))
			for _, err := range []error{Check([]byte(in), o), derr, p.Close()} {
				var se *SyntaxError
				if !errors.As(err, &se) || !errors.Is(err, ErrUnexpectedEOF) || se.Offset != int64(len(in)) {
					t.Errorf("%q: %v, want ErrUnexpectedEOF at offset %d", in, err, len(in))
				}
			}
		}
	}
}

// TestAppendFloatNegativeZero pins AppendFloat's godoc: negative zero is
// written -0 and reads back as negative zero (ECMAScript and RFC 8785
// would write 0, which reads back as positive zero).
func TestAppendFloatNegativeZero(t *testing.T) {
	b, err := AppendFloat(nil, math.Copysign(0, -1))
	if err != nil || string(b) != "-0" {
		t.Fatalf("AppendFloat(-0) = %q, %v; want -0", b, err)
	}
	if err := Check(b, nil); err != nil {
		t.Errorf("Check(%q): %v", b, err)
	}
	if f, err := strconv.ParseFloat(string(b), 64); err != nil || !math.Signbit(f) || f != 0 {
		t.Errorf("%q reads back as %v, %v; want negative zero", b, f, err)
	}
}
