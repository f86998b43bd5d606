package jws_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestMalformedKeysNoPanic: keys a caller can get wrong without any
// input — a typed nil private key, an Ed25519 private key of the wrong
// length, a nil *jwk.Key — are jose.ErrKey from NewVerifier, NewSigner,
// Sign and Verify, not a panic. On the base a nil *ecdsa.PrivateKey or
// *rsa.PrivateKey and an ed25519.PrivateKey of 0 or 10 bytes panicked in
// NewVerifier and NewSigner (their Public method), and so did a nil
// *jwk.Key in NewSigner.
func TestMalformedKeysNoPanic(t *testing.T) {
	edPriv := ed25519.PrivateKey(make([]byte, 10))
	for i, k := range []any{
		(*ecdsa.PrivateKey)(nil), (*rsa.PrivateKey)(nil), ed25519.PrivateKey(nil), edPriv,
		&edPriv, (*ed25519.PrivateKey)(nil), (*jwk.Key)(nil),
	} {
		name := fmt.Sprintf("#%d %T", i, k)
		try := func(what string, f func() error) {
			t.Helper()
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("panic: %v", r)
					}
				}()
				err = f()
			}()
			if !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s %s: %v, want jose.ErrKey", what, name, err)
			}
		}
		try("NewVerifier", func() error {
			_, err := jws.NewVerifier(k, []string{"ES256", "RS256", "EdDSA"})
			return err
		})
		for _, alg := range []string{"ES256", "RS256", "EdDSA"} {
			try("NewSigner "+alg, func() error {
				_, err := jws.NewSigner(jws.SigningKey{Key: k, Alg: alg}, nil)
				return err
			})
		}
		if s, ok := k.(crypto.Signer); ok {
			try("Sign", func() error {
				_, err := jws.Sign([]byte("x"), jws.SigningKey{Key: s, Alg: "EdDSA"}, nil)
				return err
			})
		}
	}
}

// TestVerifierSetChecked: NewVerifier applies jwk.Set.Check to a set built
// in code, as ParseSet applies it to a parsed one: a nil key or two keys
// with one kid are jose.ErrKey. On the base both were accepted, and
// verifying a token with a kid then panicked on the nil key, or chose
// between the two keys by order.
func TestVerifierSetChecked(t *testing.T) {
	k, _ := jwk.Generate("ES256", nil)
	k.Kid = "a"
	pub, _ := k.PublicKey()
	other, _ := jwk.Generate("ES256", nil)
	other.Kid = "a"
	otherPub, _ := other.PublicKey()
	for name, set := range map[string]*jwk.Set{
		"nil key":        {Keys: []*jwk.Key{nil, pub}},
		"duplicate kids": {Keys: []*jwk.Key{otherPub, pub}},
	} {
		var err error
		func() {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			_, err = jws.NewVerifier(set, []string{"ES256"})
		}()
		if !errors.Is(err, jose.ErrKey) {
			t.Errorf("%s: %v, want jose.ErrKey", name, err)
		}
	}
}
