package lecp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestInvalidUTF8Offset: a text string that is not UTF-8 is reported at the
// offset of its first byte that starts no valid sequence, with the same
// error (cause, offset, path) from Check, the push Parser (whatever its
// StringChunk and however the input is split) and every Decoder read; and
// input that ends inside a text string is ErrUnexpectedEOF only when what
// it holds of the string is a valid start of UTF-8 (a sequence cut by the
// end is a valid start), ErrInvalidUTF8 at that byte otherwise. On the base
// the Parser reported a long string's invalid byte at the start of the
// piece holding it and Check at the start of the string, and input cut
// short was ErrUnexpectedEOF for Check and the Decoder but ErrInvalidUTF8
// for the Parser when a piece of 64 bytes had been read.
func TestInvalidUTF8Offset(t *testing.T) {
	type tc struct {
		name string
		in   []byte
		want string // the error's text
	}
	var cases []tc
	text := func(s []byte) []byte { return AppendTextBytes(nil, s) }
	for _, n := range []int{10, 100, 200, 5000} {
		hl := len(AppendTextBytes(nil, make([]byte, n))) - n
		for _, bad := range []int{0, 5, 63, 64, 80, n - 1} {
			if bad >= n {
				continue
			}
			s := bytes.Repeat([]byte("a"), n)
			s[bad] = 0xff
			in := text(s)
			cases = append(cases, tc{fmt.Sprintf("n=%d bad=%d whole", n, bad), in,
				fmt.Sprintf("lecp: invalid UTF-8 in text string at offset %d", hl+bad)})
			for _, cut := range []int{1, 20} {
				if cut >= len(in) {
					continue
				}
				want := fmt.Sprintf("lecp: unexpected end of input at offset %d", len(in)-cut)
				if hl+bad < len(in)-cut {
					want = fmt.Sprintf("lecp: invalid UTF-8 in text string at offset %d", hl+bad)
				}
				cases = append(cases, tc{fmt.Sprintf("n=%d bad=%d cut=%d", n, bad, cut), in[:len(in)-cut], want})
			}
		}
		// a valid string cut inside its last rune: input cut short
		s := append(bytes.Repeat([]byte("a"), n-3), "€"...)
		in := text(s)
		for cut := 1; cut <= 2; cut++ {
			cases = append(cases, tc{fmt.Sprintf("n=%d euro cut=%d", n, cut), in[:len(in)-cut],
				fmt.Sprintf("lecp: unexpected end of input at offset %d", len(in)-cut)})
		}
		// a rune that cannot start anything (a continuation byte) just
		// before the end: invalid
		s = append(bytes.Repeat([]byte("a"), n-2), 0x82, 'a')
		in = text(s)
		cases = append(cases, tc{fmt.Sprintf("n=%d continuation cut=1", n), in[:len(in)-1],
			fmt.Sprintf("lecp: invalid UTF-8 in text string at offset %d", hl+n-2)})
	}
	// inside an indefinite-length text string, as a map key (whose path is
	// the map's while it is read) and in an array, with a path
	in := append([]byte{0x7f, 0x63, 'a', 'b', 'c'}, text(append(bytes.Repeat([]byte("b"), 90), 0xc3, 0x28, 'b'))...)
	cases = append(cases,
		tc{"indefinite", append(append([]byte(nil), in...), 0xff), "lecp: invalid UTF-8 in text string at offset 97"},
		tc{"indefinite cut", in[:len(in)-1], "lecp: invalid UTF-8 in text string at offset 97"},
		tc{"indefinite cut in a rune", in[:len(in)-2], "lecp: unexpected end of input at offset 98"},
		tc{"indefinite cut valid", in[:len(in)-3], "lecp: unexpected end of input at offset 97"})
	key := append([]byte{0xa1}, text(append(bytes.Repeat([]byte("k"), 70), 0xe0, 0x80, 0x80))...)
	cases = append(cases,
		tc{"map key", append(append([]byte(nil), key...), 0x01), "lecp: invalid UTF-8 in text string at offset 73"},
		tc{"map key cut", key[:len(key)-1], "lecp: invalid UTF-8 in text string at offset 73"})
	in = append([]byte{0x82, 0x01}, text(append(bytes.Repeat([]byte("x"), 300), 0xed, 0xa0, 0x80))...)
	cases = append(cases, tc{"surrogate in an array", in, "lecp: invalid UTF-8 in text string at offset 305 (path [1])"},
		tc{"surrogate cut", in[:len(in)-1], "lecp: invalid UTF-8 in text string at offset 305 (path [1])"})

	for _, c := range cases {
		var got []string
		check := func(mode string, err error) {
			if err == nil || err.Error() != c.want {
				got = append(got, fmt.Sprintf("%s: %v", mode, err))
			}
			if err != nil && strings.Contains(c.want, "UTF-8") && !errors.Is(err, ErrInvalidUTF8) {
				got = append(got, mode+": not ErrInvalidUTF8")
			}
		}
		check("Check", Check(c.in, nil))
		for _, chunk := range []int{0, 64, 100} {
			for _, step := range []int{0, 1, 7} {
				p, _ := NewParser(HandlerFunc(func(*Parser, *Event) error { return nil }), &Options{StringChunk: chunk})
				err := writeSplit(p, c.in, func(int) int {
					if step == 0 {
						return len(c.in)
					}
					return step
				})
				check(fmt.Sprintf("Parser chunk %d step %d", chunk, step), err)
			}
		}
		for _, r := range []func() *Decoder{
			func() *Decoder { return NewDecoderBytes(c.in, nil) },
			func() *Decoder { return NewDecoder(iotestOneByte(c.in), nil) },
		} {
			d := r()
			var err error
			for err == nil {
				_, err = d.ReadToken()
			}
			check("ReadToken", err)
			_, err = r().ReadValue()
			check("ReadValue", err)
			check("SkipValue", r().SkipValue())
		}
		if c.in[0] == 0x7f || c.in[0]>>5 == majText {
			d := NewDecoderBytes(c.in, nil)
			_, sr, err := d.StringReader()
			if err == nil {
				_, err = io.Copy(io.Discard, sr)
			}
			check("StringReader", err)
		}
		if len(got) > 0 {
			t.Errorf("%s: want %q\n  %s", c.name, c.want, strings.Join(got, "\n  "))
		}
	}
}
