package jwk

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestGenerateOptionBounds pins what GenerateOptions' godoc says of Bits
// and Curve: an RSA size is 2048 to 16,384 bits, a multiple of 8; an oct
// key for "dir" and PBES2 128 to 4096 bits, a multiple of 8, for HS* the
// hash's size to 4096 (RFC 7518 §3.2: at least the hash's size); 0 is the
// default and a negative size an error, not the default; a curve given to
// an algorithm without one is an error. Each is jose.ErrKey, refused
// before any key is made.
func TestGenerateOptionBounds(t *testing.T) {
	for _, tc := range []struct {
		alg string
		o   GenerateOptions
	}{
		{"RS256", GenerateOptions{Bits: -2048}}, {"RS256", GenerateOptions{Bits: 2040}},
		{"RS256", GenerateOptions{Bits: 2052}}, {"PS256", GenerateOptions{Bits: maxRSABits + 8}},
		{"dir", GenerateOptions{Bits: -256}}, {"dir", GenerateOptions{Bits: 120}}, {"dir", GenerateOptions{Bits: 132}},
		{"PBES2-HS256+A128KW", GenerateOptions{Bits: 4104}},
		{"HS256", GenerateOptions{Curve: CurveP256}}, {"RS256", GenerateOptions{Curve: CurveP256}},
		{"dir", GenerateOptions{Curve: CurveX25519}}, {"EdDSA", GenerateOptions{Curve: CurveX25519}},
		{"ES256", GenerateOptions{Bits: 384}}, {"HS256", GenerateOptions{Bits: -256}},
		{"HS256", GenerateOptions{Bits: 248}}, {"HS384", GenerateOptions{Bits: 256}}, {"HS512", GenerateOptions{Bits: 384}},
		{"HS256", GenerateOptions{Bits: 4104}}, {"HS512", GenerateOptions{Bits: 516}},
	} {
		if k, err := Generate(tc.alg, &tc.o); !errors.Is(err, jose.ErrKey) {
			t.Errorf("Generate(%s, %+v) = %v, %v; want jose.ErrKey", tc.alg, tc.o, k, err)
		}
	}
	for _, tc := range []struct {
		alg  string
		o    GenerateOptions
		bits int
	}{
		{"dir", GenerateOptions{}, 256}, {"dir", GenerateOptions{Bits: 128}, 128},
		{"PBES2-HS512+A256KW", GenerateOptions{Bits: 4096}, 4096}, {"HS384", GenerateOptions{Bits: 384}, 384},
		{"HS256", GenerateOptions{}, 256}, {"HS256", GenerateOptions{Bits: 512}, 512},
		{"HS512", GenerateOptions{}, 512}, {"HS384", GenerateOptions{Bits: 4096}, 4096},
	} {
		if k, err := Generate(tc.alg, &tc.o); err != nil || k.Bits() != tc.bits {
			t.Errorf("Generate(%s, %+v) = %v, %v; want a %d-bit key", tc.alg, tc.o, k, err, tc.bits)
		}
	}
}
