package lecp

import (
	"bytes"
	"errors"
	"testing"
)

// TestFromDiagUTF8Everywhere: EDN is Unicode text, so a byte that is not
// UTF-8 is refused wherever it stands: in a text string (as before), in a
// byte string '..' and in a comment (before, both passed: '\xff' gave
// 41ff, and /\xff/ 1 gave 01), at its offset. With AllowInvalidUTF8 all
// pass as before; valid non-ASCII text in each place is always taken.
func TestFromDiagUTF8Everywhere(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string // hex of the output when taken
		at   int64  // offset of the refused byte
	}{
		{"\"a\xff\"", "62 61 ff", 2},
		{"'a\xff'", "42 61 ff", 2},
		{"'\xc3'", "41 c3", 1},
		{"'\xed\xa0\x80'", "43 eda080", 1}, // a surrogate's encoding
		{"/a\xffb/ 1", "01", 2},
		{"1 # \xff\n", "01", 4},
		{"[1, /\xc3/ 2]", "82 01 02", 5},
		{"h'01 # \xff\n'", "41 01", 7},
	} {
		want := unhex(t, tc.want)
		_, err := FromDiag(nil, []byte(tc.src), nil)
		var se *SyntaxError
		if !errors.Is(err, ErrInvalidUTF8) || !errors.As(err, &se) || se.Offset != tc.at {
			t.Errorf("FromDiag(%q) = %v; want ErrInvalidUTF8 at offset %d", tc.src, err, tc.at)
		}
		got, err := FromDiag(nil, []byte(tc.src), &Options{AllowInvalidUTF8: true})
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("FromDiag(%q) with AllowInvalidUTF8 = %x, %v; want %x", tc.src, got, err, want)
		}
	}
	for _, tc := range []struct{ src, want string }{
		{"'é'", "42 c3a9"},
		{"/é €/ 1", "01"},
		{"1 # 日本\n", "01"},
		{"\"€\"", "63 e282ac"},
	} {
		if got, err := FromDiag(nil, []byte(tc.src), nil); err != nil || !bytes.Equal(got, unhex(t, tc.want)) {
			t.Errorf("FromDiag(%q) = %x, %v; want %s", tc.src, got, err, tc.want)
		}
	}
}
