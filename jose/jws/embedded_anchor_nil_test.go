package jws

import (
	"crypto/ed25519"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestTrustEmbeddedJWKNilAnchorRefused: a nil anchor given to
// TrustEmbeddedJWK was kept, and every token carrying a "jwk" header then
// panicked in the anchor comparison (a nil *jwk.Key's Public dereferences
// it), so anyone could crash the verifying goroutine with any "jwk".
// NewVerifier now refuses a nil anchor with jose.ErrKey.
func TestTrustEmbeddedJWKNilAnchorRefused(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))
	anchor := must2(jwk.New(priv.Public()))
	v, err := NewVerifier(nil, []string{"EdDSA"}, TrustEmbeddedJWK(nil, anchor))
	if !errors.Is(err, jose.ErrKey) {
		t.Errorf("NewVerifier with a nil anchor: %v, want jose.ErrKey", err)
	}
	if v == nil {
		return
	}
	// What the verifier did with it: a token whose "jwk" is the anchor.
	tok, err := Sign([]byte("x"), SigningKey{Alg: "EdDSA", Key: priv,
		Protected: []jose.Member{{Name: "jwk", Value: jwkJSON(t, anchor)}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("Verify panicked: %v", r)
		}
	}()
	v.Verify(tok)
}
