package lecp

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
// Decoder's buffer holds (a fresh Decoder's, one an earlier long string of
// the same input grew, one reused by Reset after such an input) and
// however the reader splits the input: a value those bytes do not end is
// ErrValueTooLarge at its start, with its path, even where a string that
// does not end in them holds an error; an item that ends in them and is
// malformed is that error. It fails on 98386ed, where a value was refused
// only once the buffer was full: a 20000-byte text string with an invalid
// byte was ErrValueTooLarge at offset 16396 in a fresh Decoder and
// ErrInvalidUTF8 in one whose buffer an earlier string had grown (lejp's
// Decoder was fixed for this in 5b3e9d9; lecp's was missed).
func TestReadValueLimitSameEveryBuffer(t *testing.T) {
	const m = 1000
	text := func(n, bad int) []byte {
		s := []byte(strings.Repeat("a", n))
		if bad >= 0 {
			s[bad] = 0xff
		}
		return append(appendHead(nil, majText, uint64(n)), s...)
	}
	// array returns an array of n one-byte items, with b at index i.
	array := func(n, i int, b byte) []byte {
		out := appendHead(nil, majArray, uint64(n))
		for j := 0; j < n; j++ {
			if j == i {
				out = append(out, b)
			} else {
				out = append(out, 0x01)
			}
		}
		return out
	}
	type result struct {
		off  int    // of the error, from the value's start
		path string // of the error
		err  error  // nil: a value of n bytes
		n    int
	}
	tooLarge := result{path: "[1]", err: ErrValueTooLarge}
	cases := []struct {
		name  string
		value []byte
		want  result
	}{
		{"long text, invalid byte early", text(20000, 100), tooLarge},
		{"long text, invalid byte late", text(20000, 19000), tooLarge},
		{"long text", text(20000, -1), tooLarge},
		{"short text, invalid byte", text(900, 100), result{off: 3 + 100, path: "[1]", err: ErrInvalidUTF8}},
		{"long array, reserved byte early", array(5000, 500, 0x1c), result{off: 3 + 500, path: "[1][500]", err: ErrReservedInfo}},
		{"long array, reserved byte late", array(5000, 4000, 0x1c), tooLarge},
		{"text of m bytes", text(m-3, -1), result{n: m}},
		{"text of m+1 bytes", text(m-2, -1), tooLarge},
		{"array of m bytes", array(m-3, -1, 0), result{n: m}},
		{"array of m+1 bytes", array(m-2, -1, 0), tooLarge},
	}
	opts := &Options{MaxValueLen: m}
	for _, tc := range cases {
		w := ""
		if tc.want.err == nil {
			w = fmt.Sprintf("value %d", tc.want.n)
		}
		for _, pre := range []int{10, 40000} {
			in := append([]byte{0x82}, text(pre, -1)...)
			at := len(in)
			in = append(in, tc.value...)
			if tc.want.err != nil {
				w = (&SyntaxError{Offset: int64(at + tc.want.off), Path: tc.want.path, Err: tc.want.err}).Error()
			}
			readers := map[string]func() io.Reader{
				"whole":    func() io.Reader { return bytes.NewReader(in) },
				"one byte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(in)) },
				"half":     func() io.Reader { return iotest.HalfReader(bytes.NewReader(in)) },
				"data err": func() io.Reader { return iotest.DataErrReader(bytes.NewReader(in)) },
			}
			for name, r := range readers {
				d := NewDecoder(r(), opts)
				if got := readSecond(d); got != w {
					t.Errorf("%s after a string of %d, %s reader: %s, want %s", tc.name, pre, name, got, w)
				}
				// reused after an input that grew the buffer
				big := append([]byte{0x81}, text(70000, -1)...)
				d.Reset(bytes.NewReader(big))
				if err := d.SkipValue(); err != nil {
					t.Fatal(err)
				}
				d.Reset(r())
				if got := readSecond(d); got != w {
					t.Errorf("%s after a string of %d, %s reader, Decoder reused: %s, want %s", tc.name, pre, name, got, w)
				}
			}
		}
	}
}

// readSecond reads the second element of a top-level array with ReadValue.
func readSecond(d *Decoder) string {
	for range 2 {
		if _, err := d.ReadToken(); err != nil {
			return err.Error()
		}
	}
	v, err := d.ReadValue()
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) {
			return "not a SyntaxError: " + err.Error()
		}
		return err.Error()
	}
	return fmt.Sprintf("value %d", len(v))
}

// readerTrace reads a Decoder with the calls ops names (0 ReadToken, 1
// ReadValue, 2 SkipValue, 3 Finish, cycling) and writes down every
// result and the position after it.
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
			fmt.Fprintf(&b, "F %v", d.Finish())
			return b.String()
		}
		fmt.Fprintf(&b, " %s %d %d\n", d.Path(), d.InputOffset(), d.Depth())
		switch {
		case err == io.EOF:
			return b.String() + "EOF\n"
		case errors.Is(err, ErrNoValue):
			b.WriteString("no value\n")
		case err != nil:
			return b.String() + err.Error() + "\nF " + fmt.Sprint(d.Finish())
		}
	}
	return b.String()
}

// FuzzReadersAgree: a Decoder over an io.Reader gives the same results,
// ReadValue under a small MaxValueLen included, whether the reader returns
// everything, one byte, half of what is asked or the last bytes with
// io.EOF, and whether the Decoder is fresh or reused (Reset) with a buffer
// an earlier input grew; without the limit, the same as a Decoder over the
// bytes.
func FuzzReadersAgree(f *testing.F) {
	for _, s := range []string{"\x82\x01\x02", "\x83\x01\x62ab\xa1\x61c\xf6", "\x82\x79\x00\x30" + strings.Repeat("a", 48) + "\x01", "\xa1\x61a\x9f\x01\x02\xff", "\x7f\x61a\x61b\xff"} {
		f.Add([]byte(s), []byte{0, 1}, uint8(3))
	}
	grown := append([]byte{0x81}, appendHead(nil, majText, 70000)...)
	grown = append(grown, strings.Repeat("a", 70000)...)
	f.Fuzz(func(t *testing.T, in []byte, ops []byte, mv uint8) {
		if len(ops) > 8 {
			ops = ops[:8]
		}
		opts := Options{MaxValueLen: int(mv%64) + 1}
		readers := []func() io.Reader{
			func() io.Reader { return bytes.NewReader(in) },
			func() io.Reader { return iotest.OneByteReader(bytes.NewReader(in)) },
			func() io.Reader { return iotest.HalfReader(bytes.NewReader(in)) },
			func() io.Reader { return iotest.DataErrReader(bytes.NewReader(in)) },
		}
		want := readerTrace(NewDecoder(readers[0](), &opts), ops)
		for i, r := range readers {
			if i > 0 {
				if got := readerTrace(NewDecoder(r(), &opts), ops); got != want {
					t.Fatalf("reader %d:\n%s\nwant:\n%s", i, got, want)
				}
			}
			// ReadToken holds the string whole: the buffer grows
			d := NewDecoder(bytes.NewReader(grown), &opts)
			for range 2 {
				if _, err := d.ReadToken(); err != nil {
					t.Fatal(err)
				}
			}
			d.Reset(r())
			if got := readerTrace(d, ops); got != want {
				t.Fatalf("reader %d, Decoder reused:\n%s\nwant:\n%s", i, got, want)
			}
		}
		opts.MaxValueLen = len(in) + 1
		want = readerTrace(NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), &opts), ops)
		if got := readerTrace(NewDecoderBytes(in, &opts), ops); got != want {
			t.Fatalf("bytes:\n%s\nwant:\n%s", got, want)
		}
	})
}

// endlessReader is an indefinite-length array of 1s that never ends,
// counting the bytes it gives.
type endlessReader struct{ n int }

func (r *endlessReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0x01
	}
	if r.n == 0 && len(p) > 0 {
		p[0] = 0x9f
	}
	r.n += len(p)
	return len(p), nil
}

// TestReadValueLimitReaderVersusBytes pins the documented difference
// between ReadValue from an io.Reader and over bytes given whole: from a
// reader a value is judged by its first MaxValueLen+1 bytes, so a fault
// past them is not seen (ErrValueTooLarge at the value's start), while
// over bytes, which have no such limit, that fault is the error. Reading
// on to find it would make an endless value from a reader take endless
// time: such a value is refused after a bounded read.
func TestReadValueLimitReaderVersusBytes(t *testing.T) {
	opts := &Options{MaxValueLen: 4}
	for _, tc := range []struct {
		hex           string
		reader, whole string
	}{
		{"85 01 02 03 04 1c", "lecp: value too large to read whole at offset 0",
			"lecp: reserved additional information at offset 5 (path [4])"},
		{"85 01 02 03 04 05", "lecp: value too large to read whole at offset 0", "<nil>"},
		{"84 01 1c 03 04", "lecp: reserved additional information at offset 2 (path [1])",
			"lecp: reserved additional information at offset 2 (path [1])"},
	} {
		in := fromHex(tc.hex)
		_, err := NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts).ReadValue()
		if got := fmt.Sprint(err); got != tc.reader {
			t.Errorf("%s from a reader: %s, want %s", tc.hex, got, tc.reader)
		}
		_, err = NewDecoderBytes(in, opts).ReadValue()
		if got := fmt.Sprint(err); got != tc.whole {
			t.Errorf("%s given whole: %s, want %s", tc.hex, got, tc.whole)
		}
	}
	r := &endlessReader{}
	if _, err := NewDecoder(r, opts).ReadValue(); !errors.Is(err, ErrValueTooLarge) || r.n > 64<<10 {
		t.Errorf("endless value: %v after %d bytes; want ErrValueTooLarge after a bounded read", err, r.n)
	}
}
