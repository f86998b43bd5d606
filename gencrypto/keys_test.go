package gencrypto_test

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"io"
	"math/big"
	"sync"
	"testing"
)

// testKeys are generated once per test binary; RSA generation is the slow part.
type testKeys struct {
	p256, p384, p521 *ecdsa.PrivateKey
	ed               ed25519.PrivateKey
	rsa              *rsa.PrivateKey
	x25519, ecdh256  *ecdh.PrivateKey
}

var (
	keysOnce sync.Once
	keys     testKeys
)

func getKeys(t testing.TB) *testKeys {
	t.Helper()
	keysOnce.Do(func() {
		var err error
		must := func(e error) {
			if e != nil && err == nil {
				err = e
			}
		}
		var e error
		keys.p256, e = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		must(e)
		keys.p384, e = ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
		must(e)
		keys.p521, e = ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
		must(e)
		_, keys.ed, e = ed25519.GenerateKey(rand.Reader)
		must(e)
		keys.rsa, e = rsa.GenerateKey(rand.Reader, 2048)
		must(e)
		keys.x25519, e = ecdh.X25519().GenerateKey(rand.Reader)
		must(e)
		keys.ecdh256, e = ecdh.P256().GenerateKey(rand.Reader)
		must(e)
		if err != nil {
			panic(err)
		}
	})
	return &keys
}

// pubSigner is a crypto.Signer that has only a public key and fails if asked
// to sign: it proves that a check happens before any signing.
type pubSigner struct {
	pub crypto.PublicKey
	t   testing.TB
}

func (s pubSigner) Public() crypto.PublicKey { return s.pub }

func (s pubSigner) Sign(io.Reader, []byte, crypto.SignerOpts) ([]byte, error) {
	s.t.Helper()
	s.t.Error("Sign reached the key; the policy check should have refused first")
	return nil, io.ErrUnexpectedEOF
}

// smallRSA returns an RSA public key with a modulus of bits bits. It is not
// a real key (N is not a product of two primes); only its size matters.
func smallRSA(bits int) *rsa.PublicKey {
	n := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
	n.SetBit(n, 0, 1)
	return &rsa.PublicKey{N: n, E: 65537}
}
