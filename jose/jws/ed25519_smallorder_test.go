package jws

import (
	"crypto/ed25519"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestVerifierBareEd25519SmallOrderKeyRefused: NewVerifier refuses a bare
// ed25519.PublicKey of small order (jose.ErrKey), as jwk refuses such an
// Ed25519 JWK. Before, the identity point as key was accepted, and a token
// anyone can make without a private key verified under it: signature
// R = identity, S = 0 over any header and payload.
func TestVerifierBareEd25519SmallOrderKeyRefused(t *testing.T) {
	identity := make(ed25519.PublicKey, ed25519.PublicKeySize)
	identity[0] = 1
	forged := append(append([]byte{}, identity...), make([]byte, 32)...)
	tok := []byte("eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhZG1pbiJ9." + string(jose.AppendBase64URL(nil, forged)))
	v, err := NewVerifier(identity, []string{"EdDSA"})
	if err == nil {
		_, verr := v.Verify(tok)
		t.Fatalf("NewVerifier accepted the identity point as key; the forged token verifies: %v", verr == nil)
	}
	if !errors.Is(err, jose.ErrKey) {
		t.Errorf("NewVerifier: %v, want jose.ErrKey", err)
	}
	// A real key is still accepted.
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewVerifier(pub, []string{"EdDSA"}); err != nil {
		t.Errorf("NewVerifier(a generated key): %v", err)
	}
}
