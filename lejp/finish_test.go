package lejp

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

// TestFinishMidValue: Finish called before the top-level value is read to
// its end tells the three cases apart, as lecp's Finish does. It reads and
// checks the rest of the input: input that ends early is ErrUnexpectedEOF
// at the offset where it ends (matching io.ErrUnexpectedEOF), with the
// path reading on token by token gives; malformed input is its own error
// at its offset; a value whose rest the caller left unread is ErrUnread at
// the first unread token, with its path (nothing read at all: the whole
// value is unread). With several values allowed, whole values after the
// one being read are checked and skipped. The error is sticky.
//
// On the base Finish read one token and, finding one, called it
// ErrInvalidChar at that token: a cut input ("[1,2" after "[") was called
// malformed, a valid one read halfway was too, and with several values
// allowed a valid sequence ("1 2" after "1") was rejected.
func TestFinishMidValue(t *testing.T) {
	multi, comments := &Options{AllowMultipleValues: true}, &Options{AllowComments: true}
	for _, tc := range []struct {
		in     string
		opts   *Options
		tokens int
		want   error // nil: Finish returns nil
		off    int64
		path   string
	}{
		{`[1,2]`, nil, 1, ErrUnread, 1, "/0"},
		{`[1,2]`, nil, 2, ErrUnread, 3, "/1"},
		{`[1,2]`, nil, 3, ErrUnread, 4, ""},
		{`[1,2] `, nil, 4, nil, 0, ""},
		{` [1,2]`, nil, 0, ErrUnread, 1, ""},
		{` "abc"`, nil, 0, ErrUnread, 1, ""},
		{`{"a":1}`, nil, 1, ErrUnread, 1, "/a"},
		{`{"a":1}`, nil, 2, ErrUnread, 5, "/a"},
		{`{"a":{"b":[1]}}`, nil, 4, ErrUnread, 10, "/a/b"},
		{`{"a":{"b":[1]}}`, nil, 7, ErrUnread, 13, "/a"},
		{`{"a":{"b":[1]}}`, nil, 8, ErrUnread, 14, ""},
		{`[1] x`, nil, 1, ErrTrailingData, 4, ""}, // malformed after the value: not ErrUnread (TestFinishMalformedAfterValue)
		{`[1] `, nil, 1, ErrUnread, 1, "/0"},
		{``, nil, 0, ErrUnexpectedEOF, 0, ""},
		{`  `, nil, 0, ErrUnexpectedEOF, 2, ""},
		{`[1,2`, nil, 1, ErrUnexpectedEOF, 4, "/1"},
		{`[1,2`, nil, 2, ErrUnexpectedEOF, 4, "/1"},
		{`{"a":[1`, nil, 2, ErrUnexpectedEOF, 7, "/a/0"},
		{`{"a":[1,"bc`, nil, 1, ErrUnexpectedEOF, 11, "/a/1"},
		{`{"a":[1,tr`, nil, 3, ErrUnexpectedEOF, 10, "/a/1"},
		{`{"a"`, nil, 1, ErrUnexpectedEOF, 4, "/a"},
		{`[1,x]`, nil, 1, ErrInvalidChar, 3, "/1"},
		{`[1,2,]`, nil, 1, ErrInvalidChar, 5, "/2"},
		{`{"a":1,"a":2}`, nil, 1, ErrDuplicateName, 7, "/a"},
		{`["\ud800"]`, nil, 1, ErrInvalidUTF8, 2, "/0"},
		{`[1] [2]`, multi, 1, ErrUnread, 1, "/0"},
		{`[1] [2]`, multi, 3, nil, 0, ""},
		{`1 2 {"a":[3]}`, multi, 1, nil, 0, ""},
		{`1 2 {"a":[3,]}`, multi, 1, ErrInvalidChar, 12, "/a/1"},
		{`1 2 {"a":[3`, multi, 1, ErrUnexpectedEOF, 11, "/a/0"},
		{"[1 # c\n]", comments, 2, ErrUnread, 7, ""},
		{"[1 # c", comments, 2, ErrUnexpectedEOF, 6, "/0"},
	} {
		for _, whole := range []bool{true, false} {
			d := NewDecoderBytes([]byte(tc.in), tc.opts)
			if !whole {
				d = NewDecoder(iotest.OneByteReader(bytes.NewReader([]byte(tc.in))), tc.opts)
			}
			for range tc.tokens {
				if _, err := d.ReadToken(); err != nil {
					t.Fatalf("%q: %v", tc.in, err)
				}
			}
			err := d.Finish()
			if tc.want == nil {
				if err != nil {
					t.Errorf("%q after %d tokens (whole %v): %v, want nil", tc.in, tc.tokens, whole, err)
				}
				continue
			}
			var se *SyntaxError
			if !errors.As(err, &se) || se.Err != tc.want || se.Offset != tc.off || se.Path != tc.path {
				t.Errorf("%q after %d tokens (whole %v): %v, want %v at offset %d (path %q)", tc.in, tc.tokens, whole, err, tc.want, tc.off, tc.path)
				continue
			}
			if got := errors.Is(err, io.ErrUnexpectedEOF); got != (tc.want == ErrUnexpectedEOF) {
				t.Errorf("%q: errors.Is(%v, io.ErrUnexpectedEOF) = %v", tc.in, err, got)
			}
			if err2 := d.Finish(); err2 != err {
				t.Errorf("%q: Finish again: %v, want the same error", tc.in, err2)
			}
			if _, err2 := d.ReadToken(); err2 != err {
				t.Errorf("%q: ReadToken after Finish: %v, want the same error", tc.in, err2)
			}
		}
	}
}

// TestFinishAgreesWithReading: for every document of a small set cut at
// every offset and every number of tokens read, Finish says what reading
// on token by token says where that fails (the same *SyntaxError), and
// ErrUnread where it does not fail before the value's end.
func TestFinishAgreesWithReading(t *testing.T) {
	docs := []string{`{"a":[1,"b",{"c":null}],"d":-1.5e3}`, `["\u00e9\ud83d\ude00",true,false]`, `{"k":{"a":1,"a":2}}`}
	for _, doc := range docs {
		for cut := 0; cut <= len(doc); cut++ {
			in := []byte(doc[:cut])
			// The tokens and the error of reading to the end.
			var toks int
			var want error
			d := NewDecoderBytes(in, nil)
			for {
				_, err := d.ReadToken()
				if err != nil {
					want = err
					break
				}
				toks++
			}
			for n := 0; n <= toks; n++ {
				d := NewDecoderBytes(in, nil)
				for range n {
					d.ReadToken()
				}
				got := d.Finish()
				switch {
				case want == io.EOF && n == toks:
					if got != nil {
						t.Errorf("%q after %d of %d tokens: %v, want nil", in, n, toks, got)
					}
				case want == io.EOF:
					if !errors.Is(got, ErrUnread) {
						t.Errorf("%q after %d of %d tokens: %v, want ErrUnread", in, n, toks, got)
					}
				default:
					if got == nil || got.Error() != want.Error() {
						t.Errorf("%q after %d of %d tokens: %v, want %v", in, n, toks, got, want)
					}
				}
			}
		}
	}
}

// TestCloseTruncated: the Parser's Close says a cut input is truncated:
// ErrUnexpectedEOF (matching io.ErrUnexpectedEOF) at the offset where the
// input ends, for every cut of a few documents (inside names, strings,
// escapes, surrogate pairs, UTF-8 sequences, numbers, literals, comments),
// however it was written; the Decoder's ReadToken and Finish say the same.
// (It passes on the base: it pins, next to TestFinishMidValue, that the
// push side has no such gap.)
func TestCloseTruncated(t *testing.T) {
	opts := &Options{AllowComments: true}
	for _, doc := range []string{
		`{"a":[1,"b\u00e9\ud83d\ude00é😀",true,null,false,-1.5e+3,0.25E-2],"c":{}}`,
		"[ # note\n\"x\\\\\\\"\\/\\b\\f\\n\\r\\t\", 123456789, {\"k\" : [[]]} ]",
	} {
		b := []byte(doc)
		for cut := range len(b) {
			for _, step := range []int{1, 3, cut + 1} {
				p, err := NewParser(HandlerFunc(func(*Parser, Event) error { return nil }), opts)
				if err != nil {
					t.Fatal(err)
				}
				for i := 0; i < cut; i += step {
					if _, err := p.Write(b[i:min(i+step, cut)]); err != nil {
						t.Fatal(doc, cut, err)
					}
				}
				err = p.Close()
				var se *SyntaxError
				if !errors.As(err, &se) || se.Err != ErrUnexpectedEOF || se.Offset != int64(cut) || !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Errorf("%q cut at %d, writes of %d: %v, want ErrUnexpectedEOF at offset %d", doc, cut, step, err, cut)
					continue
				}
				d := NewDecoder(iotest.OneByteReader(bytes.NewReader(b[:cut])), opts)
				var derr error
				for derr == nil {
					_, derr = d.ReadToken()
				}
				if derr.Error() != err.Error() {
					t.Errorf("%q cut at %d: Parser %v, Decoder %v", doc, cut, err, derr)
				}
				d = NewDecoderBytes(b[:cut], opts)
				d.ReadToken()
				if ferr := d.Finish(); ferr == nil || ferr.Error() != err.Error() {
					t.Errorf("%q cut at %d: Parser %v, Finish after one token %v", doc, cut, err, ferr)
				}
			}
		}
	}
}
