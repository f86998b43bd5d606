package gencrypto_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestKDFLengthBounds: every KDF gives 1 to 255 × HashLen bytes (RFC 5869
// §2.3's bound, applied to all three) and refuses 0 and one more than the
// maximum with ErrInvalidInput. Where an RFC gives a known answer, the
// outputs at both ends start as it does (a shorter output is a prefix of a
// longer one for all three KDFs): HKDF from RFC 5869 A.1, PBKDF2 from
// RFC 7914 §11, the Concat KDF from RFC 7518 Appendix C.
func TestKDFLengthBounds(t *testing.T) {
	z := []byte{158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156,
		251, 49, 110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196}
	other := []byte{0, 0, 0, 7, 'A', '1', '2', '8', 'G', 'C', 'M',
		0, 0, 0, 5, 'A', 'l', 'i', 'c', 'e', 0, 0, 0, 3, 'B', 'o', 'b', 0, 0, 0, 128}
	hkdf := func(a *gencrypto.HKDF) func(int) ([]byte, error) {
		return func(n int) ([]byte, error) {
			return a.Derive(bytes.Repeat([]byte{0x0b}, 22), testenv.Hex(t, "000102030405060708090a0b0c"), testenv.Hex(t, "f0f1f2f3f4f5f6f7f8f9"), n)
		}
	}
	pbkdf2 := func(a *gencrypto.PBKDF2) func(int) ([]byte, error) {
		return func(n int) ([]byte, error) { return a.Derive([]byte("passwd"), []byte("salt"), 1, n) }
	}
	for _, tc := range []struct {
		name   string
		hlen   int
		derive func(n int) ([]byte, error)
		want   string // a known answer's first bytes, when there is one
	}{
		{"HKDF-SHA256", 32, hkdf(gencrypto.HKDFSHA256()), "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"},
		{"HKDF-SHA384", 48, hkdf(gencrypto.HKDFSHA384()), ""},
		{"HKDF-SHA512", 64, hkdf(gencrypto.HKDFSHA512()), ""},
		{"PBKDF2-SHA256", 32, pbkdf2(gencrypto.PBKDF2SHA256()), "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc" +
			"49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"},
		{"PBKDF2-SHA384", 48, pbkdf2(gencrypto.PBKDF2SHA384()), ""},
		{"PBKDF2-SHA512", 64, pbkdf2(gencrypto.PBKDF2SHA512()), ""},
		{"ConcatKDF-SHA256", 32, func(n int) ([]byte, error) { return gencrypto.ConcatKDFSHA256().Derive(z, other, n) },
			"56aa8deaf8236d205c2228cd71a7101a"},
	} {
		want := testenv.Hex(t, tc.want)
		max := 255 * tc.hlen
		for _, n := range []int{1, max} {
			out, err := tc.derive(n)
			if err != nil || len(out) != n {
				t.Errorf("%s Derive(%d) = %d bytes, %v", tc.name, n, len(out), err)
				continue
			}
			if k := min(n, len(want)); !bytes.Equal(out[:k], want[:k]) {
				t.Errorf("%s Derive(%d) starts %x, want %x", tc.name, n, out[:k], want[:k])
			}
		}
		for _, n := range []int{0, max + 1} {
			if out, err := tc.derive(n); !errors.Is(err, gencrypto.ErrInvalidInput) || out != nil {
				t.Errorf("%s Derive(%d) = %d bytes, %v; want ErrInvalidInput", tc.name, n, len(out), err)
			}
		}
	}
}
