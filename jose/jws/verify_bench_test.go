package jws

import (
	"bytes"
	"testing"
)

// BenchmarkVerifyCompact measures AppendVerifyCompact of a JWT-sized
// compact token into a reused buffer, per algorithm, with the "typ" check
// on: the path TestVerifyCompactZeroAlloc holds to its allocation counts.
// Run it with -benchmem to see them (0 for HMAC and EdDSA).
func BenchmarkVerifyCompact(b *testing.B) {
	payload := []byte(`{"iss":"https://issuer.example","sub":"user","aud":"api","exp":4102444800,"iat":1700000000,"jti":"abc"}`)
	for _, alg := range []string{"HS256", "EdDSA", "ES256", "RS256"} {
		b.Run(alg, func(b *testing.B) {
			tok, err := Sign(payload, SigningKey{Alg: alg, Key: testKeys()[alg], KeyID: "key-1", Type: "JWT"}, nil)
			if err != nil {
				b.Fatal(err)
			}
			v, err := NewVerifier(verifyKey(alg), []string{alg}, RequireType("JWT"))
			if err != nil {
				b.Fatal(err)
			}
			dst := make([]byte, 0, 256)
			b.ReportAllocs()
			b.SetBytes(int64(len(tok)))
			for b.Loop() {
				out, err := v.AppendVerifyCompact(dst[:0], tok)
				if err != nil || !bytes.Equal(out, payload) {
					b.Fatalf("%q %v", out, err)
				}
			}
		})
	}
}
