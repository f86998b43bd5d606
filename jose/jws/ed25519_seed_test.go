package jws

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestEd25519SeedMismatchRefused: a raw ed25519.PrivateKey whose second
// half is not the public key its seed derives is refused by NewSigner,
// Sign and SignJSON (jose.ErrKey), before signing; so is a key that
// signed once through a Signer and then had its public half replaced in
// place. crypto/ed25519 signs with whatever half the key carries, and two
// signatures of one message under two halves reveal the private scalar.
// Before, all of them signed.
func TestEd25519SeedMismatchRefused(t *testing.T) {
	good := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{5}, ed25519.SeedSize))
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{6}, ed25519.SeedSize))
	bad := ed25519.PrivateKey(bytes.Clone(good))
	copy(bad[32:], other[32:])
	smallOrder := ed25519.PrivateKey(bytes.Clone(good))
	copy(smallOrder[32:], make([]byte, 32)) // y = 0, of order 4
	payload := []byte(`{"sub":"x"}`)
	for name, key := range map[string]any{"mismatched": bad, "pointer to mismatched": &bad, "small-order half": smallOrder} {
		for _, alg := range []string{"EdDSA", "Ed25519"} {
			sk := SigningKey{Alg: alg, Key: key}
			_, errNew := NewSigner(sk, nil)
			_, errSign := Sign(payload, sk, nil)
			_, errJSON := SignJSON(payload, []SigningKey{sk}, false, nil)
			for what, err := range map[string]error{"NewSigner": errNew, "Sign": errSign, "SignJSON": errJSON} {
				if !errors.Is(err, jose.ErrKey) {
					t.Errorf("%s %s, %s key: %v, want jose.ErrKey", what, alg, name, err)
				}
			}
		}
	}
	key := ed25519.PrivateKey(bytes.Clone(good))
	s, err := NewSigner(SigningKey{Alg: "EdDSA", Key: key}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AppendCompact(nil, payload); err != nil {
		t.Fatal(err)
	}
	copy(key[32:], other[32:])
	if _, err := s.AppendCompact(nil, payload); !errors.Is(err, jose.ErrKey) {
		t.Errorf("AppendCompact after the public half was replaced in place: %v, want jose.ErrKey", err)
	}
}
