package jwt

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestEd25519SeedMismatchRefused: NewSigner and Sign refuse (jose.ErrKey)
// a raw ed25519.PrivateKey whose public half is not its seed's, or is of
// small order: crypto/ed25519 would sign with it, and two tokens with the
// same claims under two halves reveal the private scalar. Before, both
// signed.
func TestEd25519SeedMismatchRefused(t *testing.T) {
	good := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{8}, ed25519.SeedSize))
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, ed25519.SeedSize))
	bad := bytes.Clone(good)
	copy(bad[32:], other[32:])
	smallOrder := bytes.Clone(good)
	copy(smallOrder[32:], make([]byte, 32))
	smallOrder[32] = 1 // the identity
	for name, key := range map[string]ed25519.PrivateKey{"mismatched": bad, "small-order half": smallOrder} {
		sk := jws.SigningKey{Alg: "EdDSA", Key: key}
		if _, err := NewSigner(sk); !errors.Is(err, jose.ErrKey) {
			t.Errorf("NewSigner, %s key: %v, want jose.ErrKey", name, err)
		}
		if _, err := Sign(claimSet(), sk); !errors.Is(err, jose.ErrKey) {
			t.Errorf("Sign, %s key: %v, want jose.ErrKey", name, err)
		}
	}
	if _, err := Sign(claimSet(), jws.SigningKey{Alg: "EdDSA", Key: good}); err != nil {
		t.Fatalf("Sign with a consistent key: %v", err)
	}
}
