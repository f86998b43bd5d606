//go:build goexperiment.simd && amd64

package lecp

import "github.com/lwscrypto/lwscrypto/internal/utf8simd"

// simdUTF8Min is the shortest text validUTF8 hands to utf8simd.Valid:
// below it validUTF8Scalar's word-at-a-time loop is as fast (measured on
// the strings of the benchmark corpus, see BenchmarkValidUTF8).
const simdUTF8Min = 64

// validUTF8 reports whether s is valid UTF-8, as utf8.Valid does (the
// strict check of text strings). Built with GOEXPERIMENT=simd on amd64,
// text of simdUTF8Min bytes or more goes to utf8simd.Valid (32 bytes at a
// time with AVX2) when the CPU has AVX2; shorter text, or all text
// without AVX2, to validUTF8Scalar.
func validUTF8(s []byte) bool {
	if len(s) >= simdUTF8Min && utf8simd.Vectorized() {
		return utf8simd.Valid(s)
	}
	return validUTF8Scalar(s)
}
