package jwt

import (
	"crypto/ed25519"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// BenchmarkSignEdDSA measures signing a claims set with one raw
// ed25519.PrivateKey: Sign (a Signer per call) and AppendSign of a Signer
// made once. Run with -benchmem.
func BenchmarkSignEdDSA(b *testing.B) {
	key := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))
	sk := jws.SigningKey{Alg: "EdDSA", Key: key, KeyID: "key-1"}
	cs := claimSet()
	cs.Extra = nil
	b.Run("Sign", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Sign(cs, sk); err != nil {
				b.Fatal(err)
			}
		}
	})
	s, err := NewSigner(sk)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("AppendSign", func(b *testing.B) {
		b.ReportAllocs()
		dst := make([]byte, 0, 512)
		for b.Loop() {
			if _, err := s.AppendSign(dst[:0], cs); err != nil {
				b.Fatal(err)
			}
		}
	})
}
