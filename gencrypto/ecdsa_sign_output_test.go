package gencrypto_test

import (
	"crypto"
	"crypto/elliptic"
	"crypto/sha256"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// scalarBreaker is the default backend with the r half of its ECDSA
// signatures replaced by r: the right length, but a scalar out of range.
type scalarBreaker struct {
	*fakeBackend
	r []byte
}

func (b scalarBreaker) breakR(sig []byte, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	copy(sig, b.r)
	return sig, nil
}

func (b scalarBreaker) Sign(p string, key crypto.Signer, h crypto.Hash, msg []byte) ([]byte, error) {
	return b.breakR(b.fakeBackend.Sign(p, key, h, msg))
}

func (b scalarBreaker) SignDigest(p string, key crypto.Signer, h crypto.Hash, d []byte) ([]byte, error) {
	return b.breakR(b.fakeBackend.SignDigest(p, key, h, d))
}

// TestECDSASignOutputScalars: Verify refuses an ECDSA signature whose r or
// s is 0 or at least the group order n (RFC 7518 §3.4 via FIPS 186-5
// §6.4.2), before any curve arithmetic. Sign and SignDigest must not hand
// out such a signature from a backend: what they return either verifies or
// is the malformed-result error. r = 0 and r = n are the two ends.
func TestECDSASignOutputScalars(t *testing.T) {
	key := getKeys(t).p256
	n := elliptic.P256().Params().N.FillBytes(make([]byte, 32))
	msg := []byte("m")
	d := sha256.Sum256(msg)
	for name, r := range map[string][]byte{"r = 0": make([]byte, 32), "r = n": n} {
		opt := gencrypto.WithBackend(scalarBreaker{newFake(), r})
		sig, err := gencrypto.ES256().Sign(key, msg, opt)
		if err == nil || sig != nil || !errors.Is(err, gencrypto.ErrBackendOutput) {
			t.Errorf("Sign, backend signature with %s: %x, %v; want the malformed-result error (Verify: %v)",
				name, sig, err, gencrypto.ES256().Verify(&key.PublicKey, msg, sig))
		}
		sig, err = gencrypto.ES256().SignDigest(key, d[:], opt)
		if err == nil || sig != nil || !errors.Is(err, gencrypto.ErrBackendOutput) {
			t.Errorf("SignDigest, backend signature with %s: %x, %v; want the malformed-result error", name, sig, err)
		}
	}
	// The correct backend's signatures pass.
	if _, err := gencrypto.ES256().Sign(key, msg, gencrypto.WithBackend(newFake())); err != nil {
		t.Errorf("Sign: %v", err)
	}
}
