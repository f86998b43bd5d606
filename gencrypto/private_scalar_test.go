package gencrypto_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha256"
	"errors"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestPrivateScalarRefused: an *ecdsa.PrivateKey whose public half is
// sound but whose D is nil (a key built from a JWK or certificate without
// its private part) made Sign panic inside crypto/ecdsa, and a D of zero,
// negative or not below the group order, and an *rsa.PrivateKey without D,
// came back as crypto/ecdsa's and crypto/rsa's own errors, which match no
// sentinel (RSA-OAEP Decrypt called it ErrVerify). Each is ErrInvalidKey,
// found before any backend is called.
func TestPrivateScalarRefused(t *testing.T) {
	k := getKeys(t)
	fake := newFake()
	opt := gencrypto.WithBackend(fake)
	ec := func(d *big.Int) crypto.Signer { return &ecdsa.PrivateKey{PublicKey: k.p256.PublicKey, D: d} }
	n := k.p256.Curve.Params().N
	d := sha256.Sum256([]byte("m"))
	for _, tc := range []struct {
		name string
		alg  *gencrypto.Signature
		key  crypto.Signer
	}{
		{"ECDSA D nil", gencrypto.ES256(), ec(nil)},
		{"ECDSA D = 0", gencrypto.ES256(), ec(new(big.Int))},
		{"ECDSA D = −1", gencrypto.ES256(), ec(big.NewInt(-1))},
		{"ECDSA D = n", gencrypto.ES256(), ec(new(big.Int).Set(n))},
		{"RSA D nil", gencrypto.RS256(), &rsa.PrivateKey{PublicKey: k.rsa.PublicKey, Primes: k.rsa.Primes}},
		{"RSA D nil, PSS", gencrypto.PS256(), &rsa.PrivateKey{PublicKey: k.rsa.PublicKey, Primes: k.rsa.Primes}},
	} {
		for _, form := range []string{"Sign", "SignDigest"} {
			err := noPanic(func() error {
				var err error
				if form == "Sign" {
					_, err = tc.alg.Sign(tc.key, []byte("m"))
				} else {
					_, err = tc.alg.SignDigest(tc.key, d[:], opt)
				}
				return err
			})
			if !errors.Is(err, gencrypto.ErrInvalidKey) {
				t.Errorf("%s %s with %s: %v, want ErrInvalidKey", tc.alg, form, tc.name, err)
			}
		}
	}
	noD := &rsa.PrivateKey{PublicKey: k.rsa.PublicKey, Primes: k.rsa.Primes}
	if _, err := gencrypto.RSAOAEP256().Decrypt(noD, make([]byte, 256), opt); !errors.Is(err, gencrypto.ErrInvalidKey) {
		t.Errorf("RSA-OAEP-256 Decrypt with RSA D nil: %v, want ErrInvalidKey", err)
	}
	if n := fake.calls.Load(); n != 0 {
		t.Errorf("%d keys without a private scalar reached the backend", n)
	}
	// n − 1 is a valid scalar, whatever its public half says.
	if _, err := gencrypto.ES256().Sign(ec(new(big.Int).Sub(n, big.NewInt(1))), []byte("m")); err != nil {
		t.Errorf("ES256 Sign with D = n − 1: %v", err)
	}
}
