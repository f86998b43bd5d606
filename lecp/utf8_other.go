//go:build !(goexperiment.simd && amd64)

package lecp

// validUTF8 reports whether s is valid UTF-8, as utf8.Valid does (the
// strict check of text strings). Without GOEXPERIMENT=simd on amd64 it is
// validUTF8Scalar.
func validUTF8(s []byte) bool { return validUTF8Scalar(s) }
