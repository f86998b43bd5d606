package lejp

import (
	"errors"
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
