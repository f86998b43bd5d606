package jwk

import (
	"strconv"
	"testing"
)

// TestRepeatedOps: repeated finds a repeated key_ops element on both of
// its paths (16 elements or fewer, compared pairwise; more, through a set),
// at the first, last and middle positions, and finds none in distinct
// lists of up to 1025 elements.
func TestRepeatedOps(t *testing.T) {
	for _, n := range []int{0, 1, 2, 15, 16, 17, 100, 1025} {
		ops := make([]string, n)
		for i := range ops {
			ops[i] = "op" + strconv.Itoa(i)
		}
		if op, dup := repeated(ops); dup {
			t.Errorf("%d distinct: repeated %q", n, op)
		}
		if n < 2 {
			continue
		}
		for _, pos := range [][2]int{{0, n - 1}, {n/2 - 1, n / 2}, {0, 1}, {n - 2, n - 1}} {
			c := append([]string(nil), ops...)
			c[pos[1]] = c[pos[0]]
			if op, dup := repeated(c); !dup || op != c[pos[0]] {
				t.Errorf("%d, %v the same: %q, %v", n, pos, op, dup)
			}
		}
	}
}
