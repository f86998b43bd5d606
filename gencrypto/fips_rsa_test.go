package gencrypto_test

import (
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestFIPSOnlyRSAKeys: under GODEBUG=fips140=only the Go Cryptographic
// Module refuses RSA keys whose modulus has an odd bit length or whose
// public exponent is 2¹⁶ or less, and private keys of more than two primes
// or of primes of different sizes (crypto/rsa's checkFIPS140Only*Key). The
// package doc makes every input the module refuses to an approved
// algorithm an *UnsupportedError with NotApproved, up front and whatever
// the backend; without the registry's check a valid signature under such a
// key is ErrVerify (reported forged), and signing and encryption return
// crypto/rsa's plain error. A 2048-bit key with e = 65537 still works. The
// test re-runs itself in a child process, since the setting is read at
// start-up; the keys and the signatures to verify are made there with the
// enforcement lifted, as fixtures.
func TestFIPSOnlyRSAKeys(t *testing.T) {
	if !testenv.FIPSOnly(t, "fips140=only RSA key checks done") {
		return
	}
	msg := []byte("payload")
	for _, tc := range []struct {
		name, detail   string
		pBits, qBits   int
		e              int
		nonApprovedPub bool // the public key alone is refused
	}{
		{"e = 3", "a public exponent below 65537", 1024, 1024, 3, true},
		{"e = 65535", "a public exponent below 65537", 1024, 1024, 65535, true},
		{"2049-bit modulus", "a modulus of odd bit length", 1025, 1024, 65537, true},
		{"primes of 1040 and 1008 bits", "primes of different sizes", 1040, 1008, 65537, false},
		{"three primes", "a private key of more than two primes", 0, 0, 65537, false},
	} {
		var key *rsa.PrivateKey
		var sig, ct []byte
		fips140.WithoutEnforcement(func() {
			var err error
			if tc.pBits == 0 {
				//lint:ignore SA1019 a multi-prime key is the fixture
				if key, err = rsa.GenerateMultiPrimeKey(rand.Reader, 3, 2048); err != nil {
					t.Fatal(err)
				}
			} else {
				key = rsaKeyFromPrimes(t, tc.pBits, tc.qBits, tc.e)
			}
			if sig, err = gencrypto.RS256().Sign(key, msg); err != nil {
				t.Fatalf("%s: fixture signature: %v", tc.name, err)
			}
			if ct, err = gencrypto.RSAOAEP256().Encrypt(&key.PublicKey, make([]byte, 16)); err != nil {
				t.Fatalf("%s: fixture ciphertext: %v", tc.name, err)
			}
		})
		want := func(alg gencrypto.Algorithm) gencrypto.UnsupportedError {
			return gencrypto.UnsupportedError{Algorithm: alg.Name(), Backend: "fake", Primitive: alg.Primitive(),
				NotApproved: true, Detail: tc.detail}
		}
		check := func(what string, alg gencrypto.Algorithm, refused bool, call func(gencrypto.Option) error) {
			t.Helper()
			fake := newFake()
			err := call(gencrypto.WithBackend(fake))
			if !refused {
				if err != nil {
					t.Errorf("%s: %s %s: %v, want success", tc.name, alg, what, err)
				}
				return
			}
			var ue *gencrypto.UnsupportedError
			if !errors.As(err, &ue) || *ue != want(alg) {
				t.Errorf("%s: %s %s: %v, want %#v", tc.name, alg, what, err, want(alg))
			}
			if n := fake.calls.Load(); n != 0 {
				t.Errorf("%s: %s %s: %d backend calls", tc.name, alg, what, n)
			}
		}
		check("Verify", gencrypto.RS256(), tc.nonApprovedPub, func(o gencrypto.Option) error {
			return gencrypto.RS256().Verify(&key.PublicKey, msg, sig, o)
		})
		check("VerifyDigest", gencrypto.RS256(), tc.nonApprovedPub, func(o gencrypto.Option) error {
			d, _ := gencrypto.RS256().NewHash()
			d.Write(msg)
			return gencrypto.RS256().VerifyDigest(&key.PublicKey, d.Sum(nil), sig, o)
		})
		check("Encrypt", gencrypto.RSAOAEP256(), tc.nonApprovedPub, func(o gencrypto.Option) error {
			_, err := gencrypto.RSAOAEP256().Encrypt(&key.PublicKey, make([]byte, 16), o)
			return err
		})
		for _, alg := range []*gencrypto.Signature{gencrypto.RS256(), gencrypto.PS384()} {
			check("Sign", alg, true, func(o gencrypto.Option) error {
				_, err := alg.Sign(key, msg, o)
				return err
			})
			check("SignDigest", alg, true, func(o gencrypto.Option) error {
				_, err := alg.SignDigest(key, make([]byte, alg.Hash().Size()), o)
				return err
			})
		}
		check("Decrypt", gencrypto.RSAOAEP256(), true, func(o gencrypto.Option) error {
			_, err := gencrypto.RSAOAEP256().Decrypt(key, ct, o)
			return err
		})
	}
	// A key the module accepts works through the registry.
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := gencrypto.PS256().Sign(k, msg)
	if err != nil || gencrypto.PS256().Verify(&k.PublicKey, msg, sig) != nil {
		t.Errorf("PS256 with a 2048-bit key, e = 65537: %v", err)
	}
	ct, err := gencrypto.RSAOAEP256().Encrypt(&k.PublicKey, make([]byte, 16))
	if err != nil {
		t.Fatalf("RSA-OAEP-256 Encrypt: %v", err)
	}
	if _, err := gencrypto.RSAOAEP256().Decrypt(k, ct); err != nil {
		t.Errorf("RSA-OAEP-256 Decrypt: %v", err)
	}
	t.Log("fips140=only RSA key checks done")
}

// rsaKeyFromPrimes makes a valid two-prime RSA key with primes of the given
// sizes and public exponent e, which crypto/rsa's GenerateKey cannot (it
// fixes e = 65537 and balances the primes).
func rsaKeyFromPrimes(t *testing.T, pBits, qBits, e int) *rsa.PrivateKey {
	t.Helper()
	one, bigE := big.NewInt(1), big.NewInt(int64(e))
	prime := func(bits int) *big.Int {
		for {
			p, err := rand.Prime(rand.Reader, bits)
			if err != nil {
				t.Fatal(err)
			}
			if new(big.Int).GCD(nil, nil, bigE, new(big.Int).Sub(p, one)).Cmp(one) == 0 {
				return p
			}
		}
	}
	for {
		p, q := prime(pBits), prime(qBits)
		n := new(big.Int).Mul(p, q)
		if n.BitLen() != pBits+qBits {
			continue
		}
		phi := new(big.Int).Mul(new(big.Int).Sub(p, one), new(big.Int).Sub(q, one))
		k := &rsa.PrivateKey{
			PublicKey: rsa.PublicKey{N: n, E: e},
			D:         new(big.Int).ModInverse(bigE, phi),
			Primes:    []*big.Int{p, q},
		}
		k.Precompute()
		if err := k.Validate(); err != nil {
			t.Fatal(err)
		}
		return k
	}
}
