package jwt

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAudienceMustIdentify: RFC 7519 §4.1.3 — a recipient that does not
// identify itself with a value of a present "aud" MUST reject the token. A
// Validator without Audience therefore refuses every token that has "aud"
// (a string, an array, also an empty one), unless AnyAudience says the
// audience is checked elsewhere; a token without "aud" is not affected.
// On the base the zero Validator accepted a token meant for another
// service.
func TestAudienceMustIdentify(t *testing.T) {
	cases := []struct {
		name    string
		payload string
		val     Validator
		want    error
	}{
		{"string, no Audience", `{"aud":"other-service"}`, Validator{}, ErrClaimMismatch},
		{"array, no Audience", `{"aud":["a","b"]}`, Validator{}, ErrClaimMismatch},
		{"empty array, no Audience", `{"aud":[]}`, Validator{}, ErrClaimMismatch},
		{"empty string, no Audience", `{"aud":""}`, Validator{}, ErrClaimMismatch},
		{"string, AnyAudience", `{"aud":"other-service"}`, Validator{AnyAudience: true}, nil},
		{"array, AnyAudience", `{"aud":["a","b"]}`, Validator{AnyAudience: true}, nil},
		{"absent, no Audience", `{"sub":"x"}`, Validator{}, nil},
		{"absent, AnyAudience", `{"sub":"x"}`, Validator{AnyAudience: true}, nil},
		{"absent, Audience", `{"sub":"x"}`, Validator{Audience: "api"}, ErrClaimMismatch},
		{"match", `{"aud":["x","api"]}`, Validator{Audience: "api"}, nil},
		{"match with AnyAudience too", `{"aud":"api"}`, Validator{Audience: "api", AnyAudience: true}, nil},
		{"mismatch with AnyAudience too", `{"aud":"web"}`, Validator{Audience: "api", AnyAudience: true}, ErrClaimMismatch},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := hsVerifier(t, tc.val).Verify(signRaw(t, tc.payload))
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("Verify = %v, want %v", err, tc.want)
			}
		})
	}
}

// TestNegativeLeewayRefused: a negative Leeway is refused by NewVerifier,
// with an error wrapping jose.ErrMalformed (before, one that wrapped no
// jose sentinel).
// On the base it was taken: math.MinInt64 negates to itself, so
// now.Add(-Leeway) was the far past and every expired token passed.
func TestNegativeLeewayRefused(t *testing.T) {
	expired := signRaw(t, `{"exp":1000}`)
	for _, l := range []time.Duration{-1, -time.Hour, math.MinInt64} {
		v, err := NewVerifier(secret, []string{"HS256"}, Validator{Leeway: l})
		if err == nil {
			_, verr := v.Verify(expired)
			t.Errorf("Leeway %d: NewVerifier accepted it (an expired token then gives %v)", l, verr)
			continue
		}
		// jose's errors doc: every jwt error wraps a jose sentinel; a
		// malformed argument is jose.ErrMalformed, as jws.NewSigner words a
		// SigningKey it cannot use.
		if !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("Leeway %d: %v wraps no jose.ErrMalformed", l, err)
		}
	}
	if _, err := NewVerifier(secret, []string{"HS256"}, Validator{Leeway: math.MaxInt64}); err != nil {
		t.Errorf("Leeway MaxInt64: %v", err)
	}
}

// TestAudienceUncheckedErrorSaysWhatToSet: the zero Validator refusing a
// token with "aud" (the first thing a newcomer verifying a real token
// meets) names the two fields that lift it. Before, the error cited RFC
// 7519 §4.1.3 and stopped there.
func TestAudienceUncheckedErrorSaysWhatToSet(t *testing.T) {
	tok, err := Sign(&ClaimSet{Audience: []string{"api"}}, hsKey())
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(secret, []string{"HS256"}, Validator{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = v.Verify(tok)
	if !errors.Is(err, ErrClaimMismatch) || !strings.Contains(err.Error(), "set Validator.Audience") || !strings.Contains(err.Error(), "AnyAudience") {
		t.Fatalf("Verify: %v; want ErrClaimMismatch naming Validator.Audience and AnyAudience", err)
	}
}
