package lejp

import (
	"bytes"
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

// FuzzFinishAgreesWithReading: after any number of tokens read, over the
// bytes or a one-byte reader, under each option set of the pull
// comparison, Finish gives the error reading on token by token gives, or,
// where that reads to the end, nil after the last token and ErrUnread
// before it (or nil, with AllowMultipleValues, between values).
func FuzzFinishAgreesWithReading(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint8(0), uint8(1)) })
	f.Add([]byte(`[""],`), uint8(0), uint8(1))
	f.Fuzz(func(t *testing.T, in []byte, o, k uint8) {
		opts := pullFastOpts[int(o)%len(pullFastOpts)]
		multi := opts != nil && opts.AllowMultipleValues
		toks := 0
		var want error
		for d := NewDecoderBytes(in, opts); want == nil; toks++ {
			_, want = d.ReadToken()
		}
		toks--
		n := int(k) % (toks + 1)
		for _, reader := range []bool{false, true} {
			d := NewDecoderBytes(in, opts)
			if reader {
				d = NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts)
			}
			for range n {
				d.ReadToken()
			}
			got := d.Finish()
			switch {
			case want == io.EOF && n == toks:
				if got != nil {
					t.Fatalf("%q after all %d tokens (reader %v): %v, want nil", in, n, reader, got)
				}
			case want == io.EOF:
				if !errors.Is(got, ErrUnread) && !(multi && got == nil) {
					t.Fatalf("%q after %d of %d tokens (reader %v): %v, want ErrUnread", in, n, toks, reader, got)
				}
			case got == nil || got.Error() != want.Error():
				t.Fatalf("%q after %d of %d tokens (reader %v): %v, want %v", in, n, toks, reader, got, want)
			}
		}
	})
}
