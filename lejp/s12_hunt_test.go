package lejp

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestEOFAfterCommaNamesTheDueElement: input that ends where an array
// element is due, after a comma (and maybe whitespace or a comment), is
// ErrUnexpectedEOF with the path of that element, /1 in [1, — the path
// every other error at the same place has ([1,] [1,x [1,- [1,"a all say
// /1), as a member name due after a comma has the object's path. The base
// named the element before the comma, /0, which is complete and valid.
func TestEOFAfterCommaNamesTheDueElement(t *testing.T) {
	for _, tc := range []struct {
		in, path string
		opts     *Options
	}{
		{`[1,`, "/1", nil},
		{`[1, `, "/1", nil},
		{"[1,\n\t", "/1", nil},
		{`[[1],`, "/1", nil},
		{`{"a":[true,null,`, "/a/2", nil},
		{`[{"a":1},`, "/1", nil},
		{"[1,#c\n", "/1", &Options{AllowComments: true}},
		{"[1,#c", "/1", &Options{AllowComments: true}},
		// Unchanged: where no element is due yet, or a member is due.
		{`[`, "", nil},
		{`[1`, "/0", nil},
		{`[1 `, "/0", nil},
		{`{"a":1,`, "", nil},
		{`{"a":`, "/a", nil},
		{`{"a":[`, "/a", nil},
	} {
		for way, err := range allWays([]byte(tc.in), tc.opts) {
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrUnexpectedEOF) || se.Path != tc.path || se.Offset != int64(len(tc.in)) {
				t.Errorf("%q: %s: %v (path %q), want ErrUnexpectedEOF at %d, path %q", tc.in, way, err, pathOf(err), len(tc.in), tc.path)
			}
		}
	}
}

func pathOf(err error) string {
	var se *SyntaxError
	if errors.As(err, &se) {
		return se.Path
	}
	return ""
}

// TestDecoderLongNumberSmallReads: a Decoder reading a long number (under
// a raised MaxNumberLen) from an io.Reader that returns it in small pieces
// scans each of its bytes a bounded number of times. It scanned the number
// again from its first byte after every Read, so that a number of n bytes
// arriving k at a time cost n²/2k byte checks: 1 MiB of digits in 64-byte
// Reads took seconds, in one-byte Reads minutes (the quadratic cost the
// resumed string scan removed for strings). The number's verdict,
// offsets and errors are those of the whole input.
func TestDecoderLongNumberSmallReads(t *testing.T) {
	const n = 64 << 10
	digits := strings.Repeat("7", n)
	for _, tc := range []struct{ name, in, want string }{
		{"int", "[" + digits + "]", "int"},
		{"negative", "[-" + digits + "]", "int"},
		{"fraction", "[1." + digits + "]", "float"},
		{"exponent", "[1.5e-" + digits + "]", "float"},
		{"bad at the end", "[" + digits + ".]", "lejp: invalid number at offset 65538 (path /0)"},
		{"leading zero", "[0" + digits + "]", "lejp: invalid number at offset 2 (path /0)"},
		{"top level", digits, "int"},
		{"too long", "[" + digits + "1234567]", "lejp: number too long at offset 1 (path /0)"},
	} {
		opts := &Options{MaxNumberLen: n + 6}
		for _, k := range []int{1, 7, 100} {
			d := NewDecoder(&pieceReader{b: []byte(tc.in), n: k}, opts)
			var got string
			for {
				tok, err := d.ReadToken()
				if err == io.EOF {
					break
				}
				if err != nil {
					got = err.Error()
					break
				}
				if tok.Kind.IsNumber() {
					if len(tok.Value) < n {
						t.Fatalf("%s: %d-byte number", tc.name, len(tok.Value))
					}
					got = tok.Kind.String()
				}
			}
			if got != tc.want {
				t.Errorf("%s, %d-byte Reads: %q, want %q", tc.name, k, got, tc.want)
			}
			if w := d.s.numWork; w > 4*len(tc.in) {
				t.Errorf("%s, %d-byte Reads: %d number bytes scanned for %d of input", tc.name, k, w, len(tc.in))
			}
		}
	}
}
