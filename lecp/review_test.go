package lecp

// Regression tests for defects found by reading the code against its
// documentation (session 8 review): each test says what the code did.

import (
	"bytes"
	"errors"
	"testing"
)

// bytesOfSize is a byte string whose encoding is exactly n bytes long.
func bytesOfSize(n int) []byte {
	for _, h := range []int{1, 2, 3, 5, 9} {
		if headLen(uint64(n-h)) == h {
			return AppendBytes(nil, bytes.Repeat([]byte{1}, n-h))
		}
	}
	panic("no size")
}

// TestReadValueMaxValueLenSmall: ReadValue from an io.Reader holds a value
// of exactly Options.MaxValueLen bytes and refuses one a byte longer, also
// when the value completes in one token. The check ran only between the
// tokens of an unfinished item, so a 101-byte string came back under
// MaxValueLen 100 (as did anything up to the decoder's first 4 KiB buffer,
// or up to twice a limit that is not a power of two).
func TestReadValueMaxValueLenSmall(t *testing.T) {
	for _, limit := range []int{100, 6000} {
		for _, size := range []int{limit, limit + 1} {
			arrayHead := AppendArrayHeader(nil, 1)
			for _, doc := range [][]byte{
				bytesOfSize(size),
				append(arrayHead, bytesOfSize(size-len(arrayHead))...),
			} {
				v, err := NewDecoder(bytes.NewReader(doc), &Options{MaxValueLen: limit}).ReadValue()
				switch {
				case size <= limit && (err != nil || !bytes.Equal(v, doc)):
					t.Errorf("%x… (%d bytes), limit %d: %d bytes, %v", doc[:2], size, limit, len(v), err)
				case size > limit && !errors.Is(err, ErrValueTooLarge):
					t.Errorf("%x… (%d bytes), limit %d: %d bytes, %v; want ErrValueTooLarge", doc[:2], size, limit, len(v), err)
				}
			}
		}
	}
}
