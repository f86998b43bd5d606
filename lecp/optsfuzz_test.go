package lecp

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzOptions turns the bits of o into Options: each rule loosened or
// added and each limit lowered to a size a fuzz input reaches.
func fuzzOptions(o uint16) *Options {
	opts := &Options{MaxDepth: 8, StringChunk: 64,
		Deterministic: o&1 != 0, AllowInvalidUTF8: o&2 != 0, AllowSequence: o&4 != 0, AllowDuplicateKeys: o&8 != 0}
	if o&16 != 0 {
		opts.MaxStringLen = 70
	}
	if o&32 != 0 {
		opts.MaxItems = 3
	}
	if o&64 != 0 {
		opts.MaxKeyLen = 5
	}
	if o&128 != 0 {
		opts.MaxKeyMemory = 60
	}
	if o&256 != 0 {
		opts.MaxDepth = 2
	}
	return opts
}

// FuzzReadersAgreeOptions: under any combination of options and limits,
// every reader refuses an input with Check's error (cause, offset and
// path): the Parser whole and one byte at a time, ReadToken and
// StringReader over the bytes and over a one-byte reader, AppendDiag and
// AppendJSON (whose ErrKeyCollision is only for input Check accepts). Its
// seeds in testdata/fuzz hold the inputs on which 422df4a failed: a key
// collision before a cut (AppendJSON), a key past MaxKeyLen (the Parser
// and StringReader).
func FuzzReadersAgreeOptions(f *testing.F) {
	for _, s := range []string{"\xa1\x61a\x9f\x01\x02\xff", "\x7f\x61a\x61b\xff", "\xbf\x61\x61\x01\xff", "\xa2\x01\x00\x01\x00",
		"\xc2\x49\x01\x00\x00\x00\x00\x00\x00\x00\x00", "\xa1\x82\x01\x02\xd8\x18\x63abc", "\xa2\x81\xf9\x00\x00\x01\x81\xf9\x80\x00\x02",
		// past MaxItems (3) in an indefinite array or map: the element
		// (key) past the limit refused at its head, whatever it is
		"\x9f\x01\x02\x03\x04\xff", "\x9f\x01\x02\x03\x82\x05\x06\xff", "\x9f\x01\x02\x03\x7f\x61a\xff\xff",
		"\x9f\x01\x02\x03\xc1\x01\xff", "\x9f\x01\x02\x03\xff", "\xbf\x01\x02\x03\x04\x05\x06\x61a\xa1\x01\x02\xff",
		"\xbf\x01\x02\x03\x04\x05\x06\x9f\xff\x01\xff", "\xa1\x61k\x9f\x01\x9f\x01\x02\x03\x04\xff\xff",
		// errors under keys holding a bidirectional mark or a C1 control
		"\xa1\x63\xe2\x80\x8f\x9f\x01\x02\x03\x04\xff", "\xa1\x62\xd8\x9c\x7f\x61a\x61\xff", "\xa1\x62\xc2\x85\xa1\x63\xe2\x80\x8e\x18"} {
		for o := range 512 {
			if o%7 == 0 {
				f.Add([]byte(s), uint16(o))
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte, o uint16) {
		opts := fuzzOptions(o)
		cerr := Check(b, opts)
		want := errText(cerr)
		if !plainMessage(want) {
			t.Fatalf("%x %+v: Check's message %q is not plain text", b, *opts, want)
		}
		agree := func(api string, err error) {
			if err == io.EOF {
				err = nil
			}
			if got := errText(err); got != want {
				t.Fatalf("%x %+v: %s: %s; Check: %s", b, *opts, api, got, want)
			}
		}
		_, err := AppendDiag(nil, b, opts)
		agree("AppendDiag", err)
		_, err = AppendJSON(nil, b, opts)
		if errors.Is(err, ErrKeyCollision) {
			if cerr != nil {
				t.Fatalf("%x %+v: AppendJSON: %v; Check: %v", b, *opts, err, cerr)
			}
			err = nil
		}
		agree("AppendJSON", err)
		for _, step := range []int{0, 1} {
			p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), opts)
			agree("Parser", writeSplit(p, b, func(int) int {
				if step == 0 {
					return len(b)
				}
				return step
			}))
		}
		for _, strs := range []bool{false, true} {
			for _, d := range []*Decoder{NewDecoderBytes(b, opts), NewDecoder(iotestOneByte(b), opts)} {
				var err error
				for n := 0; err == nil && n < 1<<16; n++ {
					if !strs {
						_, err = d.ReadToken()
						continue
					}
					var sr io.Reader
					if _, sr, err = d.StringReader(); err == nil {
						_, err = io.Copy(io.Discard, sr)
					} else if errors.Is(err, ErrNoValue) {
						_, err = d.ReadToken()
					}
				}
				agree("Decoder", err)
			}
		}
	})
}

// plainMessage reports whether an error message is one line of text a
// terminal shows as it is: valid UTF-8 without control characters (C0,
// DEL, C1), line or paragraph separators or bidirectional controls
// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which the
// message's path, taken from the input, must hold as escapes.
func plainMessage(msg string) bool {
	return utf8.ValidString(msg) && !strings.ContainsFunc(msg, func(r rune) bool {
		return r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x2028 && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
			r == 0x061c || r == 0x200e || r == 0x200f
	})
}

func errText(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}
