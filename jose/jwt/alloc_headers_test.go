package jwt

import (
	"context"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestVerifyIntoAllocsHeaders: VerifyInto verifies through
// jws.AppendVerifyCompact and then reads nothing of the header that
// allocates when tokens come under several headers of "alg", "kid", "typ"
// and "cty" (two kids of one issuer, typ present or not): what jws spends
// when the header changes (it remembers one header decision), VerifyInto
// spends, and no more. Session 9's check of "b64" and "cty" parsed every
// header that differed from the previous token's (3 allocations per token
// in jws, 15 in VerifyInto).
func TestVerifyIntoAllocsHeaders(t *testing.T) {
	var toks [][]byte
	for _, k := range []jws.SigningKey{
		{Alg: "HS256", Key: secret},
		{Alg: "HS256", Key: secret, KeyID: "k1"},
		{Alg: "HS256", Key: secret, KeyID: "k2", ContentType: "claims+json"},
	} {
		s, err := NewSigner(k)
		if err != nil {
			t.Fatal(err)
		}
		tok, err := s.AppendSign(nil, claimSet())
		if err != nil {
			t.Fatal(err)
		}
		toks = append(toks, tok)
	}
	jv, err := jws.NewVerifier(secret, []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	v := hsVerifier(t, Validator{Audience: "api"})
	var c Claims
	buf := make([]byte, 0, 1024)
	ctx := context.Background()
	i := 0
	jwsVerify := func() {
		if _, err := jv.AppendVerifyCompact(buf, toks[i%len(toks)]); err != nil {
			t.Fatal(err)
		}
		i++
	}
	jwtVerify := func() {
		if err := v.VerifyInto(ctx, toks[i%len(toks)], &c); err != nil {
			t.Fatal(err)
		}
		i++
	}
	jwsVerify()
	jwtVerify()
	base := testing.AllocsPerRun(99, jwsVerify)
	if n := testing.AllocsPerRun(99, jwtVerify); n > base && !testenv.Race {
		t.Errorf("VerifyInto of tokens under %d alternating headers: %v allocs, jws.AppendVerifyCompact %v", len(toks), n, base)
	}
}
