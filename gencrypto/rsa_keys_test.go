package gencrypto_test

import (
	"crypto/rsa"
	"errors"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestRSAPublicKeyBounds: an RSA public key is bound to the algorithm before
// any computation, at both ends of every rule. RFC 8017 §3.1: the modulus is
// a product of odd primes (so odd and positive) and the exponent e is in
// 3…n−1 with gcd(e, λ(n)) = 1 (so odd, as λ(n) is even): anything else is
// ErrInvalidKey. The modulus is MinRSABits (2048, RFC 7518 §3.3 and §4.3)
// to 16384 bits: outside that, ErrKeySize. Refused keys reach no backend.
func TestRSAPublicKeyBounds(t *testing.T) {
	even := smallRSA(2048)
	even.N = new(big.Int).SetBit(even.N, 0, 0)
	withE := func(bits, e int) *rsa.PublicKey {
		k := smallRSA(bits)
		k.E = e
		return k
	}
	for _, tc := range []struct {
		name string
		pub  *rsa.PublicKey
		want error // nil: the key fits
	}{
		{"N = 0", &rsa.PublicKey{N: new(big.Int), E: 65537}, gencrypto.ErrInvalidKey},
		{"N < 0", &rsa.PublicKey{N: new(big.Int).Neg(smallRSA(2048).N), E: 65537}, gencrypto.ErrInvalidKey},
		{"N even", even, gencrypto.ErrInvalidKey},
		{"e = 0", withE(2048, 0), gencrypto.ErrInvalidKey},
		{"e = 1", withE(2048, 1), gencrypto.ErrInvalidKey},
		{"e = 2", withE(2048, 2), gencrypto.ErrInvalidKey},
		{"e = 4", withE(2048, 4), gencrypto.ErrInvalidKey},
		{"e = 65536", withE(2048, 65536), gencrypto.ErrInvalidKey},
		{"e = -65537", withE(2048, -65537), gencrypto.ErrInvalidKey},
		{"e = 3", withE(2048, 3), nil},
		{"e = 65537", withE(2048, 65537), nil},
		{"2047 bits", smallRSA(2047), gencrypto.ErrKeySize},
		{"2048 bits", smallRSA(2048), nil},
		{"16384 bits", smallRSA(16384), nil},
		{"16385 bits", smallRSA(16385), gencrypto.ErrKeySize},
	} {
		for _, alg := range []*gencrypto.Signature{gencrypto.RS256(), gencrypto.PS512()} {
			if err := alg.CheckPublicKey(tc.pub); !errors.Is(err, tc.want) || (err == nil) != (tc.want == nil) {
				t.Errorf("%s CheckPublicKey(%s): %v, want %v", alg, tc.name, err, tc.want)
			}
		}
		if tc.want == nil {
			continue
		}
		fake := newFake()
		opt := gencrypto.WithBackend(fake)
		if err := gencrypto.RS256().Verify(tc.pub, []byte("m"), make([]byte, 256), opt); !errors.Is(err, tc.want) {
			t.Errorf("RS256 Verify(%s): %v, want %v", tc.name, err, tc.want)
		}
		if _, err := gencrypto.RS256().Sign(pubSigner{tc.pub, t}, []byte("m"), opt); !errors.Is(err, tc.want) {
			t.Errorf("RS256 Sign(%s): %v, want %v", tc.name, err, tc.want)
		}
		if _, err := gencrypto.RSAOAEP256().Encrypt(tc.pub, make([]byte, 16), opt); !errors.Is(err, tc.want) {
			t.Errorf("RSA-OAEP-256 Encrypt(%s): %v, want %v", tc.name, err, tc.want)
		}
		if n := fake.calls.Load(); n != 0 {
			t.Errorf("%s: %d backend calls for a refused key", tc.name, n)
		}
	}
}
