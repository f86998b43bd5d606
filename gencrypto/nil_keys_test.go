package gencrypto_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestMalformedStandardPrivateKeys: Sign, SignDigest and Decrypt bind the
// key before computing (ErrKeyType, ErrKeySize), and keys of the standard
// library's own types are no exception: a typed nil *ecdsa.PrivateKey or
// *rsa.PrivateKey (its Public dereferences nil), and an ed25519.PrivateKey
// that is not 64 bytes, such as a 32-byte seed passed where the expanded
// key is due (its Public answers an all-zero key, then signing panics),
// are refused with an error, never a panic, and reach no backend; so are a
// nil *ed25519.PrivateKey and one pointing to a key of the wrong length.
func TestMalformedStandardPrivateKeys(t *testing.T) {
	fake := newFake()
	opt := gencrypto.WithBackend(fake)
	d := sha256.Sum256([]byte("m"))
	seed, short := ed25519.PrivateKey(make([]byte, 32)), ed25519.PrivateKey(make([]byte, 31))
	for _, tc := range []struct {
		alg  *gencrypto.Signature
		key  crypto.Signer
		want error
	}{
		{gencrypto.ES256(), (*ecdsa.PrivateKey)(nil), gencrypto.ErrKeyType},
		{gencrypto.RS256(), (*rsa.PrivateKey)(nil), gencrypto.ErrKeyType},
		{gencrypto.PS256(), (*rsa.PrivateKey)(nil), gencrypto.ErrKeyType},
		{gencrypto.EdDSA(), ed25519.PrivateKey(make([]byte, 32)), gencrypto.ErrKeySize},
		{gencrypto.Ed25519(), ed25519.PrivateKey(nil), gencrypto.ErrKeySize},
		// A pointer to an ed25519.PrivateKey is a crypto.Signer too (the
		// value methods are in its method set), with the same Public.
		{gencrypto.EdDSA(), (*ed25519.PrivateKey)(nil), gencrypto.ErrKeyType},
		{gencrypto.Ed25519(), &seed, gencrypto.ErrKeySize},
		{gencrypto.Ed25519(), &short, gencrypto.ErrKeySize},
	} {
		for _, form := range []string{"Sign", "SignDigest"} {
			if form == "SignDigest" && tc.alg.Hash() == 0 {
				continue
			}
			err := noPanic(func() error {
				var err error
				if form == "Sign" {
					_, err = tc.alg.Sign(tc.key, []byte("m"), opt)
				} else {
					_, err = tc.alg.SignDigest(tc.key, d[:], opt)
				}
				return err
			})
			if !errors.Is(err, tc.want) {
				t.Errorf("%s %s with a %T of %v: %v, want %v", tc.alg, form, tc.key, tc.key, err, tc.want)
			}
		}
	}
	err := noPanic(func() error {
		_, err := gencrypto.RSAOAEP256().Decrypt((*rsa.PrivateKey)(nil), make([]byte, 256), opt)
		return err
	})
	if !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("RSA-OAEP-256 Decrypt with a nil *rsa.PrivateKey: %v, want ErrKeyType", err)
	}
	if n := fake.calls.Load(); n != 0 {
		t.Errorf("%d malformed keys reached the backend", n)
	}
}

// noPanic runs call and turns a panic into an error.
func noPanic(call func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return call()
}
