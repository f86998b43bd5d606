package lecp

import (
	"errors"
	"fmt"
	"runtime"

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

// TestKeyTooLargeSameEveryReader: a map key longer than MaxKeyLen is
// reported with the same error (cause, offset, path) by Check, the Parser
// (whatever its StringChunk and however the input is split), every
// Decoder read and StringReader: ErrKeyTooLarge at the end of the string
// that makes the key too long (of the chunk, inside an indefinite-length
// string), as Check has always said; and input cut short inside that
// string is ErrUnexpectedEOF for all of them. Meanwhile the key held
// stays bounded by MaxKeyLen. It fails on the base (422df4a): the Parser
// with a StringChunk below the string's length, and StringReader, said
// ErrKeyTooLarge at the end of the piece that passed the limit (131 for a
// 200-byte key under a limit of 100, where Check says 203), also for input
// cut short that Check and ReadToken call ErrUnexpectedEOF (as the Parser
// did for invalid UTF-8 before aae0a32).
func TestKeyTooLargeSameEveryReader(t *testing.T) {
	opts := &Options{MaxKeyLen: 100}
	long := AppendText(nil, strings.Repeat("k", 200))
	type tc struct {
		name string
		in   []byte
		want string
	}
	cases := []tc{
		{"text key", append(append([]byte{0xa1}, long...), 0x00), "lecp: map key too large at offset 203"},
		{"text key cut", append([]byte{0xa1}, long[:150]...), "lecp: unexpected end of input at offset 151"},
		{"array key", append(append([]byte{0xa1, 0x81}, long...), 0x00), "lecp: map key too large at offset 204"},
		{"array key cut", append([]byte{0xa1, 0x81}, long[:150]...), "lecp: unexpected end of input at offset 152"},
		{"chunk key", append(append([]byte{0xa1, 0x7f}, long...), 0xff, 0x00), "lecp: map key too large at offset 204"},
		{"chunk key cut", append([]byte{0xa1, 0x7f}, long[:150]...), "lecp: unexpected end of input at offset 152"},
		{"nested", append(append([]byte{0x81, 0xa1}, long...), 0x00), "lecp: map key too large at offset 204 (path [0])"},
	}
	for _, c := range cases {
		var got []string
		check := func(mode string, err error) {
			if err == nil || err.Error() != c.want {
				got = append(got, fmt.Sprintf("%s: %v", mode, err))
			}
		}
		check("Check", Check(c.in, opts))
		for _, chunk := range []int{0, 64, 100} {
			for _, step := range []int{0, 1, 7} {
				o := *opts
				o.StringChunk = chunk
				p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), &o)
				err := writeSplit(p, c.in, func(int) int {
					if step == 0 {
						return len(c.in)
					}
					return step
				})
				check(fmt.Sprintf("Parser chunk %d step %d", chunk, step), err)
			}
		}
		for name, r := range map[string]func() *Decoder{
			"bytes":    func() *Decoder { return NewDecoderBytes(c.in, opts) },
			"one byte": func() *Decoder { return NewDecoder(iotestOneByte(c.in), opts) },
		} {
			d := r()
			var err error
			for err == nil {
				_, err = d.ReadToken()
			}
			check(name+" ReadToken", err)
			_, err = r().ReadValue()
			check(name+" ReadValue", err)
			check(name+" SkipValue", r().SkipValue())
			// StringReader over the key (and its array or indefinite
			// string): the same error as ReadToken
			d = r()
			err = nil
			for err == nil {
				var k Kind
				var sr io.Reader
				if k, sr, err = d.StringReader(); err == nil {
					_, err = io.Copy(io.Discard, sr)
					if k == Invalid {
						t.Fatal("no kind")
					}
				} else if errors.Is(err, ErrNoValue) {
					_, err = d.ReadToken()
				}
			}
			check(name+" StringReader", err)
		}
		if len(got) > 0 {
			t.Errorf("%s: want %q\n  %s", c.name, c.want, strings.Join(got, "\n  "))
		}
	}
}

// TestKeyTooLargeMemoryBounded: a key string far beyond MaxKeyLen, fed to
// the Parser in pieces, is refused at its end without the key held
// growing past MaxKeyLen: the Parser allocates far less than the string.
func TestKeyTooLargeMemoryBounded(t *testing.T) {
	const n = 4 << 20
	in := append([]byte{0xa1}, AppendText(nil, strings.Repeat("k", n))...)
	in = append(in, 0x00)
	opts := &Options{MaxKeyLen: 100, StringChunk: 64}
	p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), opts)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	err := writeSplit(p, in, func(int) int { return 4096 })
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrKeyTooLarge) {
		t.Fatalf("%v, want ErrKeyTooLarge", err)
	}
	if used := after.TotalAlloc - before.TotalAlloc; used > 256<<10 {
		t.Errorf("%d bytes allocated for a %d-byte key refused under MaxKeyLen 100", used, n)
	}
}

// TestSyntaxErrorZeroValue: a SyntaxError built without a cause (the zero
// value, or one a caller fills in) has a message, as lejp's does, instead
// of panicking in Error. It fails on the base (422df4a): Error called
// Err.Error on the nil Err.
func TestSyntaxErrorZeroValue(t *testing.T) {
	for _, tc := range []struct {
		e    *SyntaxError
		want string
	}{
		{&SyntaxError{}, "lecp: syntax error at offset 0"},
		{&SyntaxError{Offset: 7, Path: "a"}, "lecp: syntax error at offset 7 (path a)"},
	} {
		var got string
		func() {
			defer func() {
				if r := recover(); r != nil {
					got = fmt.Sprint("panic: ", r)
				}
			}()
			got = tc.e.Error()
		}()
		if got != tc.want {
			t.Errorf("%#v: %q, want %q", *tc.e, got, tc.want)
		}
	}
}
