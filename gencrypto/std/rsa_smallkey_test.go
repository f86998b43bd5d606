package std_test

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// smallRSAKey builds a 512-bit RSA key by hand: crypto/rsa no longer
// generates keys below 1024 bits.
func smallRSAKey(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	e := big.NewInt(65537)
	for {
		p, err := rand.Prime(rand.Reader, 256)
		if err != nil {
			t.Fatal(err)
		}
		q, err := rand.Prime(rand.Reader, 256)
		if err != nil {
			t.Fatal(err)
		}
		n := new(big.Int).Mul(p, q)
		if p.Cmp(q) == 0 || n.BitLen() != 512 {
			continue
		}
		one := big.NewInt(1)
		phi := new(big.Int).Mul(new(big.Int).Sub(p, one), new(big.Int).Sub(q, one))
		d := new(big.Int).ModInverse(e, phi)
		if d == nil {
			continue
		}
		k := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: n, E: 65537}, D: d, Primes: []*big.Int{p, q}}
		k.Precompute()
		return k
	}
}

// TestRSABelow1024BitsIsKeySize: crypto/rsa refuses an RSA key below 1024
// bits with a plain error; the backend reports it as what it is, a key
// too small, matching gencrypto.ErrKeySize (not ErrInvalidKey), for
// signing and for RSA-OAEP decryption.
func TestRSABelow1024BitsIsKeySize(t *testing.T) {
	k := smallRSAKey(t)
	b := std.New()
	d := make([]byte, 32)
	_, signErr := b.Sign(gencrypto.PrimRSAPKCS1v15, k, crypto.SHA256, d)
	_, decErr := b.DecryptOAEP(crypto.SHA256, k, make([]byte, k.Size()), nil)
	for op, err := range map[string]error{"Sign RS256": signErr, "DecryptOAEP SHA-256": decErr} {
		if !errors.Is(err, gencrypto.ErrKeySize) || errors.Is(err, gencrypto.ErrInvalidKey) {
			t.Errorf("%s with a 512-bit key: %v, want an error matching ErrKeySize only", op, err)
		}
	}
}

// TestRSABroken1024BitKeyIsInvalidKey: a 1024-bit key, the smallest
// crypto/rsa takes, that fails for another reason than its size (its
// private exponent corrupted) is ErrInvalidKey, not ErrKeySize: the size
// rule is for keys below 1024 bits.
func TestRSABroken1024BitKeyIsInvalidKey(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	bad := *k
	bad.D = new(big.Int).Add(k.D, big.NewInt(2))
	bad.Precomputed = rsa.PrecomputedValues{}
	bad.Precompute()
	_, err = std.New().Sign(gencrypto.PrimRSAPKCS1v15, &bad, crypto.SHA256, make([]byte, 32))
	if !errors.Is(err, gencrypto.ErrInvalidKey) || errors.Is(err, gencrypto.ErrKeySize) {
		t.Errorf("Sign RS256 with a broken 1024-bit key: %v, want an error matching ErrInvalidKey only", err)
	}
}
