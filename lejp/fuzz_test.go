package lejp

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
)

// addSeeds adds the JSONTestSuite files (when the corpus is present) and a
// few documents of our own as seeds.
func addSeeds(f *testing.F, add func(b []byte)) {
	for _, tc := range goldenCases {
		add([]byte(tc.in))
	}
	add(allocDoc[:2000])
	for _, b := range corpus.JSONTestSuite(4095) {
		add(b)
	}
}

// FuzzChunked: the Parser's events and error are the same whole, one byte
// per Write, and split at two fuzzed offsets, with small string pieces; the
// Decoder and Check agree with it. Nothing panics.
func FuzzChunked(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint16(1), uint16(5), uint8(0)) })
	// errors under names holding a bidirectional mark, a C1 control, a
	// line separator and a byte that is not UTF-8, which the message escapes
	for _, s := range []string{"{\"a\u200e\":x}", "{\"\u061c\":[1,}", "{\"\u200f\":{\"\u0085\":tru}}", "{\"\u2028\xff\":-}"} {
		f.Add([]byte(s), uint16(1), uint16(5), uint8(2))
	}
	f.Fuzz(func(t *testing.T, in []byte, a, b uint16, flags uint8) {
		opts := &Options{
			StringChunk:         4,
			MaxDepth:            50,
			AllowDuplicateNames: flags&1 != 0,
			AllowInvalidUTF8:    flags&2 != 0,
			AllowComments:       flags&4 != 0,
			AllowMultipleValues: flags&8 != 0,
		}
		whole := pushTrace(opts, nil, false, in)
		if got := pushTrace(opts, nil, false, bytesSplit(in, 1)...); got != whole {
			t.Fatalf("one byte per Write:\n%s", diff(whole, got))
		}
		i, j := int(a)%(len(in)+1), int(b)%(len(in)+1)
		if i > j {
			i, j = j, i
		}
		if got := pushTrace(opts, nil, false, in[:i], in[i:j], in[j:]); got != whole {
			t.Fatalf("split at %d, %d:\n%s", i, j, diff(whole, got))
		}
		merged := pushTrace(opts, nil, true, in)
		if got := pullTrace(opts, in, false); got != merged {
			t.Fatalf("Decoder:\n%s", diff(merged, got))
		}
		if got := pullTrace(opts, in, true); got != merged {
			t.Fatalf("Decoder one byte:\n%s", diff(merged, got))
		}
		if got, want := checkLine(Check(in, opts)), errTail(whole); got != want {
			t.Fatalf("Check %q, Parser %q", got, want)
		}
		if err := Check(in, opts); err != nil && !plainMessage(err.Error()) {
			t.Fatalf("Check's message %q is not plain text", err)
		}
	})
}

// FuzzDifferential: on valid UTF-8 input, lejp with duplicates allowed and
// lone surrogate escapes allowed (the two rules encoding/json does not
// have) accepts exactly what encoding/json.Valid accepts.
func FuzzDifferential(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b) })
	opts := &Options{AllowDuplicateNames: true, AllowInvalidUTF8: true, MaxDepth: 10000, MaxNumberLen: 1 << 20}
	f.Fuzz(func(t *testing.T, in []byte) {
		if !utf8.Valid(in) {
			return
		}
		err := Check(in, opts)
		if std := json.Valid(in); std != (err == nil) {
			t.Fatalf("encoding/json.Valid %v, lejp %v on %q", std, err, in)
		}
		var se *SyntaxError
		if err != nil && !errors.As(err, &se) {
			t.Fatalf("error is not a *SyntaxError: %v", err)
		}
	})
}

// FuzzDecoderValues: ReadValue and SkipValue over a fuzzed document return
// errors, never panic, and every value ReadValue returns is itself valid.
func FuzzDecoderValues(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, in []byte) {
		d := NewDecoderBytes(in, nil)
		for n := 0; n < 1000; n++ {
			var v []byte
			var err error
			switch n % 3 {
			case 0:
				_, err = d.ReadToken()
			case 1:
				v, err = d.ReadValue()
			default:
				err = d.SkipValue()
			}
			if err != nil {
				return
			}
			if v != nil && v[0] != '"' {
				if err := Check(v, nil); err != nil {
					t.Fatalf("ReadValue returned %q: %v", v, err)
				}
			}
		}
	})
}

// FuzzWriterString: AppendString output parses back to the input (invalid
// UTF-8 replaced by U+FFFD, as documented).
func FuzzWriterString(f *testing.F) {
	for _, s := range []string{"", "a\"b\\c\x00\x1f\u2028é😀", "\xff\xfe", "</script>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		enc := AppendString(nil, s)
		d := NewDecoderBytes(enc, nil)
		tok, err := d.ReadToken()
		if err != nil {
			t.Fatalf("AppendString(%q) = %s: %v", s, enc, err)
		}
		if want := []byte(string([]rune(s))); !utf8.ValidString(s) {
			_ = want
			if !utf8.Valid(tok.Value) {
				t.Fatalf("invalid UTF-8 not replaced: %q", tok.Value)
			}
		} else if string(tok.Value) != s {
			t.Fatalf("round trip %q → %s → %q", s, enc, tok.Value)
		}
		if err := d.Finish(); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzFastCheck: Check's fast pass accepts only what the scanner accepts,
// under fuzzed limits (depth, number, string and name lengths).
func FuzzFastCheck(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint8(0)) })
	for _, doc := range numArrayDocs("-65.613616999999977") {
		f.Add([]byte(doc), uint8(0))
	}
	f.Add([]byte("{\n    \"a\": [\n        1,\n        2\n    ],\n    \"b\": \"名前\"\n}"), uint8(0))
	f.Fuzz(func(t *testing.T, in []byte, flags uint8) {
		o := &Options{AllowDuplicateNames: flags&1 != 0, AllowInvalidUTF8: flags&2 != 0}
		if flags&4 != 0 {
			o.MaxDepth = 2
		}
		if flags&8 != 0 {
			o.MaxNumberLen, o.MaxStringLen, o.MaxNameLen = 6, 6, 6
		}
		if fastOK(in, o) {
			if err := slowCheck(in, o); err != nil {
				t.Fatalf("%q %+v: fast pass accepts, scanner: %v", in, o, err)
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
