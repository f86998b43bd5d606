package jwt

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestValidationErrorSaysJwtOnce: a claim the Validator refuses by name
// says "jwt: " once (`jwt: "iss": claim does not match`); before, the
// sentinel's own prefix followed (`jwt: "iss": jwt: claim does not
// match`). errors.Is still finds the sentinel.
func TestValidationErrorSaysJwtOnce(t *testing.T) {
	cs := claimSet()
	cs.Extra = append(cs.Extra, jose.Member{Name: "n", Value: []byte("null")})
	tok := mustSign(t, cs)
	for _, tc := range []struct {
		val  Validator
		want error
	}{
		{Validator{Issuer: "other", Audience: "api"}, ErrClaimMismatch},
		{Validator{Subject: "bob", Audience: "api"}, ErrClaimMismatch},
		{Validator{ID: "x", Audience: "api"}, ErrClaimMismatch},
		{Validator{Audience: "other"}, ErrClaimMismatch},
		{Validator{}, ErrClaimMismatch},
		{Validator{Required: []string{"n"}, Audience: "api"}, ErrMissingClaim},
	} {
		_, err := hsVerifier(t, tc.val).Verify(tok)
		if !errors.Is(err, tc.want) {
			t.Errorf("%+v: %v, want %v", tc.val, err, tc.want)
			continue
		}
		if msg := err.Error(); strings.Count(msg, "jwt: ") != 1 || !strings.Contains(msg, strings.TrimPrefix(tc.want.Error(), "jwt: ")) {
			t.Errorf("%+v: %q does not say \"jwt: \" once with the sentinel's words", tc.val, msg)
		}
	}
}
