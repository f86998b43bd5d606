//go:build !(goexperiment.simd && amd64)

package utf8simd

import "unicode/utf8"

// Valid reports whether b is entirely valid UTF-8, exactly as utf8.Valid
// does. In this build (without GOEXPERIMENT=simd on amd64) it is
// utf8.Valid.
func Valid(b []byte) bool { return utf8.Valid(b) }

// Vectorized reports whether Valid checks long inputs with SIMD
// instructions: never in this build.
func Vectorized() bool { return false }
