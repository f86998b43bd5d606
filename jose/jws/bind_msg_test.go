package jws

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestKeyBindingErrorsSayWhatIsNeeded: a key that does not fit the
// algorithm is jose.ErrKey with a message naming what the algorithm needs
// and what was given. Before, a 5-byte HS256 secret, a P-256 key for
// EdDSA and a string secret all read "key size not allowed for the
// algorithm", "key type does not match the algorithm" or "unsupported key
// type", which left the caller guessing.
func TestKeyBindingErrorsSayWhatIsNeeded(t *testing.T) {
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	edPub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	secret := make([]byte, 32)
	for _, c := range []struct {
		name string
		key  any
		alg  string
		want []string
	}{
		{"short secret", []byte("short"), "HS256", []string{"HS256 needs a secret of at least 32 bytes, not 5"}},
		{"HS512 with 32 bytes", secret, "HS512", []string{"at least 64 bytes, not 32"}},
		{"public key for HMAC", &ec.PublicKey, "HS256", []string{"HS256 needs an HMAC secret", "not an EC P-256 key"}},
		{"EC for EdDSA", &ec.PublicKey, "EdDSA", []string{"EdDSA needs an Ed25519 key, not an EC P-256 key"}},
		{"EC P-256 for ES384", &ec.PublicKey, "ES384", []string{"ES384 needs an EC P-384 key, not an EC P-256 key"}},
		{"Ed25519 for RS256", edPub, "RS256", []string{"RS256 needs an RSA key of 2048 bits or more, not an Ed25519 key"}},
		{"secret for ES256", secret, "ES256", []string{"ES256 needs an EC P-256 key, not an HMAC secret"}},
		{"string secret", "0123456789abcdef0123456789abcdef", "HS256", []string{"unsupported key type string", "want []byte"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewVerifier(c.key, []string{c.alg})
			if !errors.Is(err, jose.ErrKey) {
				t.Fatalf("NewVerifier: %v; want jose.ErrKey", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("NewVerifier: %q; want it to say %q", err, w)
				}
			}
		})
	}

	for _, c := range []struct {
		name string
		k    SigningKey
		is   error
		want string
	}{
		{"short secret", SigningKey{Alg: "HS256", Key: []byte("short")}, jose.ErrKey, "HS256 needs a secret of at least 32 bytes, not 5"},
		{"public key", SigningKey{Alg: "ES256", Key: &ec.PublicKey}, jose.ErrKey, "unsupported signing key type *ecdsa.PublicKey"},
		{"no alg", SigningKey{Key: ec}, jose.ErrAlgorithm, "SigningKey.Alg is empty"},
	} {
		t.Run("sign "+c.name, func(t *testing.T) {
			_, err := Sign([]byte("x"), c.k, nil)
			if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Sign: %v; want %v saying %q", err, c.is, c.want)
			}
		})
	}
}
