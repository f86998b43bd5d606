package lejp

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// countingReader counts the bytes read from r.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestReadValueStringHeld: reading from an io.Reader, ReadValue and
// SkipValue hold at most about Options.MaxValueLen of a string value too,
// as MaxValueLen's doc says, not the whole string up to MaxStringLen: a
// 4 MiB string under a MaxValueLen of 1000 fails with ErrValueTooLarge at
// the string's offset after reading a few buffers of it. On the base only
// a container's bytes were bounded while read: a string value (at the top
// level or as a member's value) was read whole, 4 MiB held, before
// ReadValue measured it.
func TestReadValueStringHeld(t *testing.T) {
	long := `"` + strings.Repeat("x", 4<<20) + `"`
	for _, tc := range []struct {
		in     string
		tokens int
		off    int64
	}{
		{long, 0, 0},
		{` ` + long, 0, 1},
		{`{"a": ` + long + `}`, 2, 6},
		{`[1,` + long + `]`, 2, 3},
	} {
		for _, skip := range []bool{false, true} {
			cr := &countingReader{r: strings.NewReader(tc.in)}
			d := NewDecoder(cr, &Options{MaxValueLen: 1000})
			for range tc.tokens {
				if _, err := d.ReadToken(); err != nil {
					t.Fatal(err)
				}
			}
			var err error
			if skip {
				err = d.SkipValue()
			} else {
				_, err = d.ReadValue()
			}
			var se *SyntaxError
			if !errors.As(err, &se) || se.Err != ErrValueTooLarge || se.Offset != tc.off {
				t.Errorf("%.10q (skip %v): %v, want ErrValueTooLarge at %d", tc.in, skip, err, tc.off)
			}
			if cr.n > 64<<10 {
				t.Errorf("%.10q (skip %v): read %d bytes of the input before failing, want at most 64 KiB", tc.in, skip, cr.n)
			}
		}
	}
	// At the limit and one over, a string value as any other value.
	for _, n := range []int{1000, 1001} {
		v := `"` + strings.Repeat("y", n-2) + `"`
		for _, pre := range []string{"", `{"a":`} {
			d := NewDecoder(bytes.NewReader([]byte(pre+v+"}")), &Options{MaxValueLen: 1000})
			if pre != "" {
				d.ReadToken()
				d.ReadToken()
			}
			got, err := d.ReadValue()
			if n == 1000 && (err != nil || string(got) != v) {
				t.Errorf("%q value of %d bytes: %v", pre, n, err)
			}
			if n == 1001 && !errors.Is(err, ErrValueTooLarge) {
				t.Errorf("%q value of %d bytes: %v, want ErrValueTooLarge", pre, n, err)
			}
		}
	}
}
