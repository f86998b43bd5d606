package lecp

import (
	"errors"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// piecesReader returns its pieces one Read each (as much of a piece as
// fits), the last one with io.EOF, as io.Reader's contract allows.
type piecesReader struct{ p [][]byte }

func (r *piecesReader) Read(b []byte) (int, error) {
	if len(r.p) == 0 {
		return 0, io.EOF
	}
	n := copy(b, r.p[0])
	r.p[0] = r.p[0][n:]
	if len(r.p[0]) == 0 {
		r.p = r.p[1:]
	}
	if len(r.p) == 0 {
		return n, io.EOF
	}
	return n, nil
}

// TestReadValueLimitCutInputEOFWithData: ReadValue judges a value by its
// first MaxValueLen+1 bytes whatever the reader's pieces (MaxValueLen's
// godoc), also where the input is cut short inside the value and the
// reader returns the bytes past that view together with io.EOF: a string
// those bytes do not end is ErrValueTooLarge at its start, as when the
// reader returns the same bytes one at a time, or returns io.EOF on a
// Read of its own. It fails on the base (422df4a): the Decoder judged the
// whole buffer at the end of the input, so that the same cut string was
// ErrUnexpectedEOF at its end, or, holding an invalid byte past the view,
// ErrInvalidUTF8 there.
func TestReadValueLimitCutInputEOFWithData(t *testing.T) {
	opts := &Options{MaxValueLen: 10}
	for _, body := range []string{"aaaaaaaaaaaa\xffaaaaaaa", strings.Repeat("a", 19)} {
		head := []byte{0x78, 0x20} // a text string of 32 bytes, cut after 19
		in := append(append([]byte{}, head...), body...)
		want := "lecp: value too large to read whole at offset 0"
		readers := map[string]io.Reader{
			"head, then the rest with io.EOF": &piecesReader{[][]byte{head, []byte(body)}},
			"head, the rest, then io.EOF":     &piecesReader{[][]byte{head, []byte(body), {}}},
			"one byte":                        iotest.OneByteReader(&piecesReader{[][]byte{in}}),
		}
		for name, r := range readers {
			_, err := NewDecoder(r, opts).ReadValue()
			if err == nil || err.Error() != want {
				t.Errorf("%q, %s: %v, want %s", body, name, err, want)
			}
		}
	}
}

// TestAppendJSONCollisionInMalformedInput: AppendJSON checks its input as
// Check does (its godoc), so input that Check refuses is refused with
// Check's error, cause, offset and path, also where a key collision comes
// before the bytes at fault; ErrKeyCollision is for input Check accepts.
// It fails on the base (422df4a): the collision, found first, was
// reported, so a cut or malformed input read as a well-formed map whose
// keys collide.
func TestAppendJSONCollisionInMalformedInput(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		opts *Options
	}{
		{"bf 30 30 30 30", &Options{AllowDuplicateKeys: true}}, // {_ -17: -17, -17: -17, cut short
		{"a3 01 00 61 31 00", nil},                             // {1: 0, "1": 0, cut short
		{"a2 01 00 61 31 00 01", nil},                          // {1: 0, "1": 0} 1: trailing data
		{"a3 01 00 61 31 00 1c 00", nil},                       // {1: 0, "1": 0, reserved
		{"a3 01 00 61 31 00 01 00", nil},                       // {1: 0, "1": 0, 1: duplicate
		{"82 a2 01 00 61 31 00 62 ff", nil},                    // [{1: 0, "1": 0}, invalid UTF-8
		{"a2 01 00 61 31 00 a1 01", &Options{AllowSequence: true}},
	} {
		b := testenv.Hex(t, tc.hex)
		want := Check(b, tc.opts)
		if want == nil {
			t.Fatalf("%s: Check accepts it", tc.hex)
		}
		if _, err := AppendJSON(nil, b, tc.opts); err == nil || err.Error() != want.Error() {
			t.Errorf("%s: %v, want %v", tc.hex, err, want)
		}
	}
	// input Check accepts: the collision
	b := testenv.Hex(t, "82 a2 01 00 61 31 00 00")
	if _, err := AppendJSON(nil, b, nil); !errors.Is(err, ErrKeyCollision) || err.Error() != "lecp: map keys collide when converted to JSON member names at offset 4 (path [0])" {
		t.Errorf("collision: %v", err)
	}
}
