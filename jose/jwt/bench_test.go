package jwt

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
)

// BenchmarkVerifyInto measures HS256 verification of a 6-claim token into a
// reused Claims, with iss, aud and exp checked; BenchmarkRawHMAC is the
// HMAC alone over the same signing input, for the ratio.
func BenchmarkVerifyInto(b *testing.B) {
	tok := mustSign(b, claimSet())
	v := hsVerifier(b, Validator{Issuer: "https://issuer.example", Audience: "api", Required: []string{"exp"}})
	var c Claims
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(tok)))
	for b.Loop() {
		if err := v.VerifyInto(ctx, tok, &c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRawHMAC(b *testing.B) {
	tok := string(mustSign(b, claimSet()))
	i := strings.LastIndexByte(tok, '.')
	in := []byte(tok[:i])
	sig, _ := base64.RawURLEncoding.DecodeString(tok[i+1:])
	m := hmac.New(sha256.New, secret)
	var sum [32]byte
	b.ReportAllocs()
	b.SetBytes(int64(len(tok)))
	for b.Loop() {
		m.Reset()
		m.Write(in)
		if !hmac.Equal(m.Sum(sum[:0]), sig) {
			b.Fatal("bad")
		}
	}
}
