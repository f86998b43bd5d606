package gencrypto_test

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"fmt"
	"io"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// bigIntSigner is a crypto.Signer over an RSA key that passes its signature
// through a big.Int, as some KMS clients do, and so drops its leading zero
// bytes: RFC 8017 §8.2.1 step 2c (I2OSP to k octets) is not honoured.
type bigIntSigner struct{ k *rsa.PrivateKey }

func (s bigIntSigner) Public() crypto.PublicKey { return s.k.Public() }

func (s bigIntSigner) Sign(r io.Reader, digest []byte, opts crypto.SignerOpts) ([]byte, error) {
	sig, err := s.k.Sign(r, digest, opts)
	if err != nil {
		return nil, err
	}
	return new(big.Int).SetBytes(sig).Bytes(), nil
}

// TestRSASignOutputLength: Verify requires an RSA signature exactly as long
// as the modulus, so Sign and SignDigest must not hand back a shorter one
// from a signer: what they return either verifies or is an error. The
// message is chosen so that its RS256 signature (deterministic) starts with
// a zero byte.
func TestRSASignOutputLength(t *testing.T) {
	k := getKeys(t).rsa
	var msg []byte
	for i := 0; i < 20000 && msg == nil; i++ {
		m := []byte(fmt.Sprintf("message %d", i))
		d := sha256.Sum256(m)
		sig, err := rsa.SignPKCS1v15(nil, k, crypto.SHA256, d[:])
		if err != nil {
			t.Fatal(err)
		}
		if sig[0] == 0 {
			msg = m
		}
	}
	if msg == nil {
		t.Fatal("no message found whose RS256 signature starts with a zero byte")
	}
	signer := bigIntSigner{k}
	a := gencrypto.RS256()
	if sig, err := a.Sign(signer, msg); err == nil {
		if err := a.Verify(&k.PublicKey, msg, sig); err != nil {
			t.Errorf("Sign returned a %d-byte signature for a %d-byte modulus, which Verify refuses: %v", len(sig), k.Size(), err)
		}
	}
	d := sha256.Sum256(msg)
	if sig, err := a.SignDigest(signer, d[:]); err == nil {
		if err := a.VerifyDigest(&k.PublicKey, d[:], sig); err != nil {
			t.Errorf("SignDigest returned a %d-byte signature for a %d-byte modulus, which VerifyDigest refuses: %v", len(sig), k.Size(), err)
		}
	}
}
