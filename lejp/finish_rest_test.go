package lejp

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestFinishMalformedAfterValue: Finish called before the top-level
// value's end says what the input is, as its doc promises: where bytes
// after the value make the input malformed (or cut, with
// AllowMultipleValues), the error is the one reading on token by token
// gives, not ErrUnread, which says the input may be valid. On the base
// Finish stopped at the value's end, so `[""],` was ErrUnread at /0
// instead of ErrInvalidChar at offset 4.
func TestFinishMalformedAfterValue(t *testing.T) {
	multi := &Options{AllowMultipleValues: true}
	for _, tc := range []struct {
		in     string
		opts   *Options
		unread bool // valid: ErrUnread
	}{
		{`[""],`, nil, false},
		{`{"a":1}x`, nil, false},
		{`[1,2] ]`, nil, false},
		{`[1,2] [3]`, nil, false},
		{`[1,2] `, nil, true},
		{`[1] [2,`, multi, false},
		{`[1] [2,]`, multi, false},
		{`[1] {"a":1,"a":2}`, multi, false},
		{`[1] [2]`, multi, true},
	} {
		for _, reader := range []bool{false, true} {
			newDec := func() *Decoder {
				if reader {
					return NewDecoder(iotest.OneByteReader(strings.NewReader(tc.in)), tc.opts)
				}
				return NewDecoderBytes([]byte(tc.in), tc.opts)
			}
			// The error of reading on to the end.
			d := newDec()
			var want error
			for want == nil {
				_, want = d.ReadToken()
			}
			d = newDec()
			d.ReadToken() // the first token only
			got := d.Finish()
			switch {
			case tc.unread:
				if want != io.EOF || !errors.Is(got, ErrUnread) {
					t.Errorf("%q (reader %v): Finish %v (reading on: %v), want ErrUnread", tc.in, reader, got, want)
				}
			case got == nil || want == io.EOF || got.Error() != want.Error():
				t.Errorf("%q (reader %v): Finish %v, want %v as reading on gives", tc.in, reader, got, want)
			}
		}
	}
}
