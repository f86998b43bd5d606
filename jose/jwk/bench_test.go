package jwk

import (
	"crypto"
	"encoding/base64"
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

// BenchmarkLookupKidUnknown4096: Set.LookupKid is a linear scan; this is
// its worst case, a kid no key of a set of MaxSetKeys has, the kids of the
// set 43-character thumbprints and the token's of the same length (so that
// every comparison reads bytes). It measures whether an index would pay:
// see LookupKid's godoc.
func BenchmarkLookupKidUnknown4096(b *testing.B) {
	s := &Set{}
	for i := range MaxSetKeys {
		k, err := New([]byte{byte(i), byte(i >> 8), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
		if err != nil {
			b.Fatal(err)
		}
		tp, err := k.Thumbprint(crypto.SHA256)
		if err != nil {
			b.Fatal(err)
		}
		k.Kid = base64.RawURLEncoding.EncodeToString(tp)
		s.Keys = append(s.Keys, k)
	}
	kid := s.Keys[0].Kid[:42] + "?"
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := s.LookupKid(kid); ok {
			b.Fatal("found")
		}
	}
}
