package jwt

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestClaimErrorNamesTheClaim: a token refused for "iss", "sub", "jti",
// "aud" or a required claim returns a *ClaimError whose Claim names it
// (errors.As), as golang-jwt's and jwx's per-claim errors let a service
// tell them apart, and errors.Is still finds ErrClaimMismatch or
// ErrMissingClaim; the text never holds the token's value. A registered
// claim of the wrong type is one too. On the base the claim was named in
// the text only.
func TestClaimErrorNamesTheClaim(t *testing.T) {
	secretValue := "attacker-\u202e-value"
	tok := signRaw(t, `{"iss":"`+secretValue+`","sub":"`+secretValue+`","jti":"`+secretValue+`","aud":"`+secretValue+`"}`)
	for _, tc := range []struct {
		val   Validator
		claim string
		want  error
	}{
		{Validator{Issuer: "i", AnyAudience: true}, "iss", ErrClaimMismatch},
		{Validator{Issuers: []string{"i", "j"}, AnyAudience: true}, "iss", ErrClaimMismatch},
		{Validator{Subject: "s", AnyAudience: true}, "sub", ErrClaimMismatch},
		{Validator{ID: "j", AnyAudience: true}, "jti", ErrClaimMismatch},
		{Validator{Audience: "a"}, "aud", ErrClaimMismatch},
		{Validator{}, "aud", ErrClaimMismatch},
		{Validator{Required: []string{"exp"}, AnyAudience: true}, "exp", ErrMissingClaim},
		{Validator{Required: []string{"tenant"}, AnyAudience: true}, "tenant", ErrMissingClaim},
	} {
		_, err := hsVerifier(t, tc.val).Verify(tok)
		var ce *ClaimError
		if !errors.Is(err, tc.want) || !errors.As(err, &ce) || ce.Claim != tc.claim {
			t.Errorf("%+v: %#v, want a *ClaimError for %q matching %v", tc.val, err, tc.claim, tc.want)
			continue
		}
		if strings.Contains(err.Error(), "attacker") || !strings.HasPrefix(err.Error(), `jwt: "`+tc.claim+`": `) {
			t.Errorf("%+v: text %q", tc.val, err)
		}
	}
	_, err := hsVerifier(t, Validator{}).Verify(signRaw(t, `{"exp":"soon"}`))
	var ce *ClaimError
	if !errors.Is(err, jose.ErrMalformed) || !errors.As(err, &ce) || ce.Claim != "exp" {
		t.Errorf("exp of the wrong type: %v", err)
	}
}
