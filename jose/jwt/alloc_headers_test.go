package jwt

import (
	"context"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
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
	if n, base := verifyAllocs(t, toks); n > base && !testenv.Race {
		t.Errorf("VerifyInto of tokens under %d alternating headers: %v allocs, jws.AppendVerifyCompact %v", len(toks), n, base)
	}
}

// verifyAllocs returns the allocations per token of VerifyInto and of
// jws.AppendVerifyCompact, the HS256 verification under it, over toks in
// turn (signed with secret, for audience "api").
func verifyAllocs(t *testing.T, toks [][]byte) (n, base float64) {
	t.Helper()
	jv, err := jws.NewVerifier(secret, []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	v := hsVerifier(t, Validator{Audience: "api"})
	var c Claims
	buf := make([]byte, 0, 1024)
	ctx := context.Background()
	i, j := 0, 0
	jwsVerify := func() {
		if _, err := jv.AppendVerifyCompact(buf, toks[i%len(toks)]); err != nil {
			t.Fatal(err)
		}
		i++
	}
	jwtVerify := func() {
		if err := v.VerifyInto(ctx, toks[j%len(toks)], &c); err != nil {
			t.Fatal(err)
		}
		j++
	}
	jwsVerify()
	jwtVerify()
	base = testing.AllocsPerRun(99, jwsVerify)
	return testing.AllocsPerRun(99, jwtVerify), base
}

// TestNestedRefusedEscapedNames: VerifyInto passes at once a header whose
// text cannot name "cty" or "b64"; one that names them through escapes
// ("\u0063ty", "\u0062\u0036\u0034") must still be read and refused, and a
// header with the name inside a value only must still verify.
func TestNestedRefusedEscapedNames(t *testing.T) {
	v := hsVerifier(t, Validator{})
	for _, c := range []struct {
		header string
		nested bool
	}{
		{`{"alg":"HS256","\u0063ty":"JWT"}`, true},
		{`{"alg":"HS256","c\u0074y":"application/jwt"}`, true},
		{`{"alg":"HS256","\u0062\u0036\u0034":false,"crit":["b64"]}`, true},
		{`{"alg":"HS256","kid":"\"cty\""}`, false},
		{`{"alg":"HS256","kid":"\u0063ty","typ":"JWT"}`, false},
	} {
		tok, err := jws.Sign([]byte(`{"sub":"x"}`), jws.SigningKey{Alg: "HS256", Key: secret, Header: []byte(c.header)}, nil)
		if err != nil {
			// a "b64": false header needs SignOptions.Unencoded
			tok, err = jws.Sign([]byte(`{"sub":"x"}`), jws.SigningKey{Alg: "HS256", Key: secret, Header: []byte(c.header)}, &jws.SignOptions{Unencoded: true})
			if err != nil {
				t.Fatalf("%s: %v", c.header, err)
			}
		}
		var cl Claims
		err = v.VerifyInto(context.Background(), tok, &cl)
		if c.nested && !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%s: %v, want jose.ErrMalformed", c.header, err)
		}
		if !c.nested && err != nil {
			t.Errorf("%s: %v", c.header, err)
		}
	}
}
