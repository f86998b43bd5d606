//go:build goexperiment.simd && amd64

package utf8simd

import (
	"testing"
	"unicode/utf8"
)

// vectorRoutine returns the vector routine and the shortest input it
// takes, or nil without AVX2.
func vectorRoutine() (func([]byte) bool, int) {
	if !avx2 {
		return nil, 0
	}
	return validAVX2, 35
}

// TestVectorized checks that Vectorized tells whether the vector routine
// runs, and skips (visibly) where it cannot: the other tests would then
// compare utf8.Valid with itself.
func TestVectorized(t *testing.T) {
	if Vectorized() != avx2 {
		t.Fatal("Vectorized disagrees with the CPU check")
	}
	if !avx2 {
		t.Skip("no AVX2: the vector routine is not tested")
	}
}

// TestTables checks the three lookup tables over every pair of bytes
// (p, c): the AND of their entries is twoConts alone exactly when both
// are continuations, zero when c may follow p (utf8.Valid accepts p, c
// and the continuation bytes p still needs), and otherwise an error flag
// other than twoConts.
func TestTables(t *testing.T) {
	for p := range 256 {
		for c := range 256 {
			got := byte1High[p>>4] & byte1Low[p&15] & byte2High[c>>4]
			cont := func(b int) bool { return b&0xc0 == 0x80 }
			var ok bool
			switch {
			case cont(p) && cont(c):
				if got != twoConts {
					t.Errorf("%02x %02x: %08b, want twoConts alone", p, c, got)
				}
				continue
			case p < 0x80 || cont(p):
				ok = !cont(c)
			default:
				need := map[bool]int{true: 2, false: 3}[p < 0xe0]
				if p >= 0xf0 {
					need = 4
				}
				seq := []byte{byte(p), byte(c), 0x80, 0x80}[:need]
				ok = utf8.Valid(seq)
			}
			if ok && got != 0 || !ok && (got == 0 || got&twoConts != 0) {
				t.Errorf("%02x %02x: %08b, pair valid %v", p, c, got, ok)
			}
		}
	}
}
