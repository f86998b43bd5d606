package jws

import (
	"crypto/ed25519"
	"testing"
)

// BenchmarkSignEdDSA measures EdDSA signing with one raw ed25519.PrivateKey,
// used again and again: Sign (a Signer per call, so the key is checked per
// call) and AppendCompact of a Signer made once. Run with -benchmem; the
// key's seed/public-half check must not add allocations to either.
func BenchmarkSignEdDSA(b *testing.B) {
	payload := []byte(`{"iss":"https://issuer.example","sub":"user","aud":"api","exp":4102444800}`)
	key := testKeys()["EdDSA"].(ed25519.PrivateKey)
	sk := SigningKey{Alg: "EdDSA", Key: key, KeyID: "key-1", Type: "JWT"}
	b.Run("Sign", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Sign(payload, sk, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("NewSigner+AppendCompact", func(b *testing.B) {
		b.ReportAllocs()
		dst := make([]byte, 0, 512)
		for b.Loop() {
			s, err := NewSigner(sk, nil)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.AppendCompact(dst[:0], payload); err != nil {
				b.Fatal(err)
			}
		}
	})
	s, err := NewSigner(sk, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("AppendCompact", func(b *testing.B) {
		b.ReportAllocs()
		dst := make([]byte, 0, 512)
		for b.Loop() {
			if _, err := s.AppendCompact(dst[:0], payload); err != nil {
				b.Fatal(err)
			}
		}
	})
}
