package jws

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestBindErrorOfEmptyKeyNoPanic: a key-binding error about an
// *rsa.PublicKey or *ecdsa.PublicKey with no modulus or curve (a literal
// &rsa.PublicKey{}) is jose.ErrKey saying the key is empty, not a nil
// dereference while the message is built.
func TestBindErrorOfEmptyKeyNoPanic(t *testing.T) {
	for _, c := range []struct {
		name string
		key  any
		alg  string
		want string
	}{
		{"empty RSA for ES256", &rsa.PublicKey{}, "ES256", "not an empty *rsa.PublicKey"},
		{"empty RSA for EdDSA", &rsa.PublicKey{E: 65537}, "EdDSA", "not an empty *rsa.PublicKey"},
		{"empty RSA for HS256", &rsa.PublicKey{}, "HS256", "not an empty *rsa.PublicKey"},
		{"empty EC for RS256", &ecdsa.PublicKey{}, "RS256", "not an empty *ecdsa.PublicKey"},
		{"empty EC for HS256", &ecdsa.PublicKey{}, "HS256", "not an empty *ecdsa.PublicKey"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewVerifier(c.key, []string{c.alg})
			if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("NewVerifier: %v; want jose.ErrKey saying %q", err, c.want)
			}
		})
	}
	for _, k := range []any{(*rsa.PublicKey)(nil), (*ecdsa.PublicKey)(nil)} {
		if got := describeKey(k); !strings.HasPrefix(got, "an empty *") {
			t.Errorf("describeKey(%T nil) = %q, want an empty key", k, got)
		}
	}
}
