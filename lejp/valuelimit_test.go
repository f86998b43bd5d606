package lejp

import (
	"bytes"
	"errors"
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

// readerTrace reads a Decoder with the calls ops names (0 ReadToken, 1
// ReadValue, 2 SkipValue, 3 Finish, cycling) and writes down every
// result, the position after it, and Finish's verdict after an error.
func readerTrace(d *Decoder, ops []byte) string {
	var b strings.Builder
	for n := 0; n < 3000; n++ {
		op := byte(0)
		if len(ops) > 0 {
			op = ops[n%len(ops)] % 4
		}
		var err error
		switch op {
		case 0:
			var tok Token
			if tok, err = d.ReadToken(); err == nil {
				fmt.Fprintf(&b, "T %v %d %q", tok.Kind, tok.Offset, tok.Value)
			}
		case 1:
			var v []byte
			if v, err = d.ReadValue(); err == nil {
				fmt.Fprintf(&b, "V %q", v)
			}
		case 2:
			err = d.SkipValue()
		case 3:
			b.WriteString("F " + checkLine(d.Finish()))
			return b.String()
		}
		fmt.Fprintf(&b, " %s %d %d\n", d.Pointer(), d.InputOffset(), d.Depth())
		switch {
		case err == io.EOF:
			return b.String() + "EOF\n"
		case errors.Is(err, ErrNoValue):
			b.WriteString("no value\n")
		case err != nil:
			return b.String() + errLine(err) + "F " + checkLine(d.Finish())
		}
	}
	return b.String()
}

// FuzzReadersAgree: a Decoder over an io.Reader gives the same results,
// ReadValue under a small MaxValueLen included, whether the reader returns
// everything, one byte, half of what is asked or the last bytes with
// io.EOF; without the limit, the same as a Decoder over the bytes.
func FuzzReadersAgree(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b, uint8(0), []byte{0, 1}, uint8(3)) })
	f.Add([]byte(`["asd]`), uint8(0), []byte{0, 1}, uint8(3))
	f.Fuzz(func(t *testing.T, in []byte, o uint8, ops []byte, mv uint8) {
		if len(ops) > 8 {
			ops = ops[:8]
		}
		var opts Options
		if p := pullFastOpts[int(o)%len(pullFastOpts)]; p != nil {
			opts = *p
		}
		opts.MaxValueLen = int(mv%64) + 1
		readers := []func() io.Reader{
			func() io.Reader { return bytes.NewReader(in) },
			func() io.Reader { return iotest.OneByteReader(bytes.NewReader(in)) },
			func() io.Reader { return iotest.HalfReader(bytes.NewReader(in)) },
			func() io.Reader { return iotest.DataErrReader(bytes.NewReader(in)) },
		}
		want := readerTrace(NewDecoder(readers[0](), &opts), ops)
		for i, r := range readers[1:] {
			if got := readerTrace(NewDecoder(r(), &opts), ops); got != want {
				t.Fatalf("reader %d:\n%s", i+1, diff(want, got))
			}
		}
		opts.MaxValueLen = len(in) + 1
		want = readerTrace(NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), &opts), ops)
		if got := readerTrace(NewDecoderBytes(in, &opts), ops); got != want {
			t.Fatalf("bytes:\n%s", diff(want, got))
		}
	})
}

// onceReader returns all its data with io.EOF, and counts the Reads
// after that, which io.Reader's contract does not forbid but which a
// Decoder has no reason to make.
type onceReader struct {
	data  string
	after int
}

func (r *onceReader) Read(p []byte) (int, error) {
	if r.data == "" {
		r.after++
		return 0, io.EOF
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	if r.data != "" {
		return n, nil
	}
	return n, io.EOF
}

// TestReadValueNoReadAfterEOF: ReadValue's view (MaxValueLen+1 bytes of
// the value) does not make the Decoder read its reader again once it has
// returned io.EOF, here where whitespace before the value took part of
// the view.
func TestReadValueNoReadAfterEOF(t *testing.T) {
	r := &onceReader{data: "[  12"}
	d := NewDecoder(r, &Options{MaxValueLen: 3})
	if got, want := readValueAfter(d, 1), "value 2\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if r.after != 0 {
		t.Errorf("%d Reads after io.EOF", r.after)
	}
}
