package lejp

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadValueLimitSameEveryBuffer: ReadValue from an io.Reader judges a
// value against MaxValueLen by its first MaxValueLen+1 bytes, whatever the
// Decoder's buffer holds: a fresh Decoder, one over a reader returning one
// byte, half the bytes asked or the last bytes with io.EOF, one whose
// buffer an earlier long string of the same input grew, and one reused
// (Reset) after such an input give the same result. A value longer than
// MaxValueLen whose first MaxValueLen+1 bytes hold no error is
// ErrValueTooLarge at its start, wherever a later error lies; an error in
// them is that error.
func TestReadValueLimitSameEveryBuffer(t *testing.T) {
	const m = 1000
	opts := &Options{MaxValueLen: m}
	long := `"` + strings.Repeat("b", 70000) + `"`
	type result struct {
		off  int    // of the error, from the value's start
		path string // of the error, below the value's
		err  error  // nil: a value of n bytes
		n    int
	}
	tooLarge := result{err: ErrValueTooLarge}
	cases := []struct {
		name, value string
		want        result
	}{
		// A string with a bad escape beyond the buffer's first 16 KiB.
		{"string bad escape at 17001", `"` + strings.Repeat("a", 17000) + `\x"`, tooLarge},
		// The same within the buffer's first 16 KiB, past MaxValueLen.
		{"string bad escape at 2001", `"` + strings.Repeat("a", 2000) + `\x"`, tooLarge},
		// An array with a bad byte beyond 16 KiB, and within.
		{"array bad byte at 17001", `[` + strings.Repeat("1,", 8500) + `x]`, tooLarge},
		{"array bad byte at 2001", `[` + strings.Repeat("1,", 1000) + `x]`, tooLarge},
		// An error in the first MaxValueLen+1 bytes is the error.
		{"string bad escape at 999", `"` + strings.Repeat("a", 998) + `\x` + strings.Repeat("a", 20000) + `"`,
			result{off: 999, err: ErrInvalidEscape}},
		{"array bad byte at 1000", `[` + strings.Repeat("1,", 499) + `1x` + strings.Repeat(",1", 9000) + `]`,
			result{off: 1000, path: "/499", err: ErrInvalidChar}},
		// A value of MaxValueLen bytes is read; one more is too large.
		{"array of m bytes", `[` + strings.Repeat("1,", (m-3)/2) + `1]`, result{n: 999}},
		{"array of m+1 bytes", `[` + strings.Repeat("1,", (m-1)/2) + `1]`, tooLarge},
		{"string of m bytes", `"` + strings.Repeat("a", m-2) + `"`, result{n: m}},
		{"string of m+1 bytes", `"` + strings.Repeat("a", m-1) + `"`, tooLarge},
		{"number of m+1 bytes", strings.Repeat("1", m+1), tooLarge},
	}
	// want is the line readValue gives for r when the value starts at
	// offset at, as element i of the outer array.
	want := func(r result, at, i int) string {
		if r.err == nil {
			return fmt.Sprintf("value %d\n", r.n)
		}
		return errLine(&SyntaxError{Offset: int64(at + r.off), Path: fmt.Sprintf("/%d%s", i, r.path), Err: r.err})
	}
	opts2 := *opts
	opts2.MaxNumberLen = 2 * m
	for _, tc := range cases {
		in := "[" + tc.value + "]"
		readers := []struct {
			name string
			r    func() io.Reader
		}{
			{"whole", func() io.Reader { return strings.NewReader(in) }},
			{"one byte", func() io.Reader { return iotest.OneByteReader(strings.NewReader(in)) }},
			{"half", func() io.Reader { return iotest.HalfReader(strings.NewReader(in)) }},
			{"data err", func() io.Reader { return iotest.DataErrReader(strings.NewReader(in)) }},
		}
		w := want(tc.want, 1, 0)
		for _, rd := range readers {
			d := NewDecoder(rd.r(), &opts2)
			if got := readValueAfter(d, 1); got != w {
				t.Errorf("%s, %s: got %q, want %q", tc.name, rd.name, got, w)
			}
			// The same Decoder, its buffer grown by a long string, reused.
			d.Reset(bytes.NewReader([]byte(long)))
			if _, err := d.ReadToken(); err != nil {
				t.Fatal(err)
			}
			d.Reset(rd.r())
			if got := readValueAfter(d, 1); got != w {
				t.Errorf("%s, %s, reused after a long string: got %q, want %q", tc.name, rd.name, got, w)
			}
		}
		// A long string earlier in the same input grew the buffer.
		d := NewDecoder(strings.NewReader("["+long+","+tc.value+"]"), &opts2)
		if got, w := readValueAfter(d, 2), want(tc.want, len(long)+2, 1); got != w {
			t.Errorf("%s, after a long string: got %q, want %q", tc.name, got, w)
		}
	}
}

// readValueAfter reads n tokens, then a value, and says what it read.
func readValueAfter(d *Decoder, n int) string {
	for range n {
		if _, err := d.ReadToken(); err != nil {
			return errLine(err)
		}
	}
	v, err := d.ReadValue()
	if err != nil {
		return errLine(err)
	}
	return fmt.Sprintf("value %d\n", len(v))
}

// TestValueTooLargeNamePath: a member name that ReadValue finds longer than
// MaxValueLen is ErrValueTooLarge at the name with the object's path,
// whether the name ends within the MaxValueLen+1 bytes judged or not (a
// cut name has no path of its own); on the base a name that ended within
// the Decoder's buffer had its own path, and a longer one the object's.
func TestValueTooLargeNamePath(t *testing.T) {
	const m = 10
	for _, n := range []int{m - 1, m, m + 1, 30, 20000} {
		for _, first := range []bool{true, false} {
			before := `{"o":{`
			if !first {
				before += `"a":1,`
			}
			in := before + `"` + strings.Repeat("k", n-2) + `":1}}`
			skip := 3
			if !first {
				skip = 5
			}
			want := fmt.Sprintf("value %d\n", n)
			if n > m {
				want = errLine(&SyntaxError{Offset: int64(len(before)), Path: "/o", Err: ErrValueTooLarge})
			}
			for _, r := range []io.Reader{strings.NewReader(in), iotest.OneByteReader(strings.NewReader(in))} {
				if got := readValueAfter(NewDecoder(r, &Options{MaxValueLen: m}), skip); got != want {
					t.Errorf("name of %d bytes (first %v): got %q, want %q", n, first, got, want)
				}
			}
		}
	}
}
