package jwt

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestValidatorCheckOrder pins the order in which the Validator refuses
// a token that fails several checks: required claims, then "exp", "nbf",
// "iat", then "iss", "sub", "jti", "aud" (as before Issuers, Audiences,
// TimeError and ClaimError). Each step fixes the claim that failed and
// expects the next.
func TestValidatorCheckOrder(t *testing.T) {
	val := Validator{Issuers: []string{"i"}, Subject: "s", ID: "j", Audiences: []string{"a"}, Required: []string{"tenant"}}
	claims := map[string]string{
		"exp": "1", "nbf": "1800003600", "iat": "1800003600",
		"iss": `"x"`, "sub": `"x"`, "jti": `"x"`, "aud": `"x"`,
	}
	fixed := map[string]string{
		"tenant": `"t"`, "exp": "1800003600", "nbf": "1", "iat": "1",
		"iss": `"i"`, "sub": `"s"`, "jti": `"j"`, "aud": `"a"`,
	}
	v := hsVerifier(t, val)
	for _, step := range []struct {
		claim string
		want  error
	}{
		{"tenant", ErrMissingClaim}, {"exp", ErrExpired}, {"nbf", ErrNotYetValid}, {"iat", ErrIssuedInFuture},
		{"iss", ErrClaimMismatch}, {"sub", ErrClaimMismatch}, {"jti", ErrClaimMismatch}, {"aud", ErrClaimMismatch},
	} {
		var members []string
		for name, value := range claims {
			members = append(members, fmt.Sprintf("%q:%s", name, value))
		}
		_, err := v.Verify(signRaw(t, "{"+strings.Join(members, ",")+"}"))
		var ce *ClaimError
		var te *TimeError
		got := ""
		switch {
		case errors.As(err, &ce):
			got = ce.Claim
		case errors.As(err, &te):
			got = te.Claim
		}
		if got != step.claim || !errors.Is(err, step.want) {
			t.Fatalf("want a refusal for %q (%v), got %v", step.claim, step.want, err)
		}
		claims[step.claim] = fixed[step.claim]
	}
	var members []string
	for name, value := range claims {
		members = append(members, fmt.Sprintf("%q:%s", name, value))
	}
	if _, err := v.Verify(signRaw(t, "{"+strings.Join(members, ",")+"}")); err != nil {
		t.Fatalf("all fixed: %v", err)
	}
}

// TestTimeErrorSaturatedAfterNow: an "nbf" or "iat" more than 292 years
// after now (beyond a time.Duration, where time.Time.Sub saturates to
// math.MinInt64, which negation leaves negative) is said to be "more than
// 292 years after now", not a negative duration.
func TestTimeErrorSaturatedAfterNow(t *testing.T) {
	v := hsVerifier(t, Validator{Now: func() time.Time { return time.Unix(0, 0) }})
	for _, claim := range []string{"nbf", "iat"} {
		_, err := v.Verify(signRaw(t, `{"`+claim+`":9007199254740992}`))
		var te *TimeError
		if !errors.As(err, &te) || te.Claim != claim {
			t.Fatalf("%s: %v", claim, err)
		}
		if !strings.Contains(err.Error(), `"`+claim+`" is 285428751-11-12T07:36:32Z, more than 292 years after now (1970-01-01T00:00:00Z, leeway 0s)`) {
			t.Errorf("%s: text %q", claim, err)
		}
	}
}

// TestIssuersAudiencesEveryElement: every element of Issuers and
// Audiences is accepted, at the sizes on either side of the switch from
// a list to a map (1, setScan, setScan+1, 1000), a value outside the list
// is refused, and the accept path allocates nothing.
func TestIssuersAudiencesEveryElement(t *testing.T) {
	var all []string
	for i := range 1000 {
		all = append(all, fmt.Sprintf("name-%04d", i))
	}
	for _, size := range []int{1, setScan, setScan + 1, 1000} {
		list := all[:size]
		v := hsVerifier(t, Validator{Issuers: list, Audiences: list})
		for i, s := range list {
			if i > 20 && i < size-20 && i%97 != 0 {
				continue
			}
			tok := signRaw(t, `{"iss":"`+s+`","aud":["other","`+s+`"]}`)
			var c Claims
			if err := v.VerifyInto(t.Context(), tok, &c); err != nil {
				t.Fatalf("%d names, %q: %v", size, s, err)
			}
			if i == 0 {
				if a := testing.AllocsPerRun(20, func() { _ = v.VerifyInto(t.Context(), tok, &c) }); a != 0 && !testenv.Race {
					t.Errorf("%d names: VerifyInto allocates %v times, want 0", size, a)
				}
			}
		}
		for _, payload := range []string{`{"iss":"name-1000","aud":"name-0000"}`, `{"iss":"name-0000","aud":"name-1000"}`, `{"iss":"Name-0000","aud":"name-0000"}`} {
			if _, err := v.Verify(signRaw(t, payload)); !errors.Is(err, ErrClaimMismatch) {
				t.Errorf("%d names, %s: %v", size, payload, err)
			}
		}
	}
}

// TestJSONClaimNearReplacementEscapeAccepted: JSONClaim refuses the
// escape \ufffd alone (encoding/json's mark of invalid UTF-8), not other
// escapes that start alike.
func TestJSONClaimNearReplacementEscapeAccepted(t *testing.T) {
	for _, raw := range []string{`"\ufffe"`, `"\ufff0"`, `"\uffff"`, `"\u0fffd"`, `"\\ufffd"`} {
		if _, err := JSONClaim("x", json.RawMessage(raw)); err != nil {
			t.Errorf("%s: %v", raw, err)
		}
	}
}
