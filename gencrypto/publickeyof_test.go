package gencrypto_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestPublicKeyOf: the exported check refuses, without a panic, each
// standard private key whose Public cannot answer truthfully, with the
// sentinel its godoc names, and answers Public for a sound key.
func TestPublicKeyOf(t *testing.T) {
	short := ed25519.PrivateKey(make([]byte, 32)) // a seed alone: Public would say all zeros
	for i, tc := range []struct {
		key  interface{ Public() crypto.PublicKey }
		want error
	}{
		{nil, gencrypto.ErrKeyType},
		{(*ecdsa.PrivateKey)(nil), gencrypto.ErrKeyType},
		{(*rsa.PrivateKey)(nil), gencrypto.ErrKeyType},
		{(*ed25519.PrivateKey)(nil), gencrypto.ErrKeyType},
		{ed25519.PrivateKey(nil), gencrypto.ErrKeySize},
		{short, gencrypto.ErrKeySize},
		{&short, gencrypto.ErrKeySize},
	} {
		pub, err := gencrypto.PublicKeyOf(tc.key)
		if !errors.Is(err, tc.want) || pub != nil {
			t.Errorf("#%d %T: %v, %v; want %v", i, tc.key, pub, err, tc.want)
		}
	}
	_, priv, _ := ed25519.GenerateKey(nil)
	pub, err := gencrypto.PublicKeyOf(priv)
	if err != nil || !priv.Public().(ed25519.PublicKey).Equal(pub) {
		t.Errorf("a sound key: %v, %v", pub, err)
	}
}
