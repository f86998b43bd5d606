package lecp

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// digitsReader yields prefix, then n copies of fill, then suffix, without
// holding them: a long input that costs the test no memory.
type digitsReader struct {
	prefix, suffix string
	fill           byte
	n              int
}

func (r *digitsReader) Read(p []byte) (int, error) {
	k := 0
	for k < len(p) {
		switch {
		case r.prefix != "":
			c := copy(p[k:], r.prefix)
			r.prefix = r.prefix[c:]
			k += c
		case r.n > 0:
			c := min(len(p)-k, r.n)
			for i := range c {
				p[k+i] = r.fill
			}
			r.n -= c
			k += c
		case r.suffix != "":
			c := copy(p[k:], r.suffix)
			r.suffix = r.suffix[c:]
			k += c
		default:
			if k == 0 {
				return 0, io.EOF
			}
			return k, nil
		}
	}
	return k, nil
}

// TestFromJSONLongNumberMemory: a JSON number too long to convert is
// refused once it is longer than any number FromJSON accepts, not after
// holding all of it: 16 MiB of digits (an integer, or a float's fraction or
// exponent) cost no more than a few KiB beyond the read buffer. The output
// of such a number would be at most a 9-byte float or the refusal, so
// holding it would let a small stream pin memory without bound.
func TestFromJSONLongNumberMemory(t *testing.T) {
	const n = 16 << 20
	for _, tc := range []struct{ prefix, suffix string }{
		{"[1", "]"},
		{`{"a":-1`, "}"},
		{"0.", "1"},
		{"1e", "1"},
	} {
		var err error
		used := allocBytes(func() {
			_, err = FromJSON(nil, &digitsReader{prefix: tc.prefix, suffix: tc.suffix, fill: '0', n: n}, false)
		})
		if !errors.Is(err, ErrJSONNumber) {
			t.Errorf("%s%d zeros%s: %v, want ErrJSONNumber", tc.prefix, n, tc.suffix, err)
		}
		if used > 256<<10 {
			t.Errorf("%s%d zeros%s: %d bytes allocated, want < 256 KiB", tc.prefix, n, tc.suffix, used)
		}
	}
	// the longest accepted number is still accepted, over any split
	long := "-" + strings.Repeat("9", maxJSONBignumDigits-1)
	if _, err := FromJSON(nil, iotestOneByte([]byte(long)), false); err != nil {
		t.Errorf("%d-byte integer: %v", len(long), err)
	}
}
