package jwk

import (
	"crypto"
	"testing"
)

func BenchmarkParseEC(b *testing.B) {
	raw := []byte(`{"kty":"EC","crv":"P-256","kid":"k1","alg":"ES256","x":"` + p256x + `","y":"` + p256y + `"}`)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Parse(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseRSAPublic(b *testing.B) {
	raw := []byte(rfc7638Key)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Parse(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkThumbprint(b *testing.B) {
	k := mustParse(b, rfc7638Key)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.Thumbprint(crypto.SHA256); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckUse(b *testing.B) {
	k := mustParse(b, `{"kty":"EC","crv":"P-256","alg":"ES256","x":"`+p256x+`","y":"`+p256y+`"}`)
	b.ReportAllocs()
	for b.Loop() {
		if err := k.CheckUse("ES256", OpVerify); err != nil {
			b.Fatal(err)
		}
	}
}
