package jwk

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRSAExponentBoundEveryPath: an RSA public exponent of 32 bits or more,
// which Parse refuses in a JWK (TestRSABounds), is refused by every other
// way in too: New (public and private keys) and SubjectPublicKeyInfo DER
// and PEM. On the base, New and ParseDER("PUBLIC KEY") accepted e = 2^31+1
// and 2^33+1, and MarshalJSON then wrote a JWK that Parse refuses: a key
// checked differently by each path, written where it cannot be read back.
// 2^31−1, the largest exponent Parse takes, goes through every path and
// back.
func TestRSAExponentBoundEveryPath(t *testing.T) {
	gen, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	one := big.NewInt(1)
	p, q := gen.Primes[0], gen.Primes[1]
	pm1, qm1 := new(big.Int).Sub(p, one), new(big.Int).Sub(q, one)
	lambda := new(big.Int).Div(new(big.Int).Mul(pm1, qm1), new(big.Int).GCD(nil, nil, pm1, qm1))
	for _, tc := range []struct {
		e  int64
		ok bool
	}{{1<<31 - 1, true}, {1<<31 + 1, false}, {1<<33 + 1, false}} {
		pub := &rsa.PublicKey{N: gen.N, E: int(tc.e)}
		check := func(path string, k *Key, err error) {
			t.Helper()
			if tc.ok {
				if err != nil {
					t.Errorf("e = %d, %s: %v", tc.e, path, err)
					return
				}
				b, err := k.MarshalJSON()
				if err != nil {
					t.Errorf("e = %d, %s: MarshalJSON: %v", tc.e, path, err)
					return
				}
				if back, err := Parse(b); err != nil || !back.Equal(k) {
					t.Errorf("e = %d, %s: written and read back: %v", tc.e, path, err)
				}
				return
			}
			if !errors.Is(err, jose.ErrKey) {
				t.Errorf("e = %d, %s: %v, want ErrKey as Parse", tc.e, path, err)
			}
		}
		_, err := Parse(rsaJWK(gen.N, tc.e, ""))
		if (err == nil) != tc.ok {
			t.Fatalf("e = %d, JWK: %v", tc.e, err)
		}
		k, err := New(pub)
		check("New(*rsa.PublicKey)", k, err)
		spki, err := x509.MarshalPKIXPublicKey(pub)
		if err != nil {
			t.Fatal(err)
		}
		k, err = ParseDER("PUBLIC KEY", spki)
		check("ParseDER(PUBLIC KEY)", k, err)
		k, err = ParsePEM(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: spki}))
		check("ParsePEM(PUBLIC KEY)", k, err)

		// The private key: the nearest exponent on the same side of the
		// bound that is prime to λ(n).
		e, step := tc.e, int64(2)
		if tc.ok {
			step = -2
		}
		d := new(big.Int).ModInverse(big.NewInt(e), lambda)
		for ; d == nil; d = new(big.Int).ModInverse(big.NewInt(e), lambda) {
			e += step
		}
		pub = &rsa.PublicKey{N: gen.N, E: int(e)}
		priv := &rsa.PrivateKey{PublicKey: *pub, D: d, Primes: []*big.Int{p, q}}
		priv.Precompute()
		k, err = New(priv)
		check("New(*rsa.PrivateKey)", k, err)
	}
}
