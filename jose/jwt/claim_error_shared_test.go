package jwt

import (
	"errors"
	"testing"
)

// TestClaimErrorNotSharedBetweenRefusals: each refusal for "iss", "sub",
// "jti" or "aud" returns a *ClaimError of its own. Its fields are
// exported, so a caller may set them (to annotate or redact before
// logging); on the base every refusal for one claim returned the same
// package-level *ClaimError, so that one caller's edit changed the error
// of every later refusal, in every goroutine (a data race), and
// errors.Is(err, ErrClaimMismatch) stopped matching.
func TestClaimErrorNotSharedBetweenRefusals(t *testing.T) {
	tok := signRaw(t, `{"iss":"x","sub":"x","jti":"x","aud":"x"}`)
	for _, val := range []Validator{
		{Issuer: "i", AnyAudience: true},
		{Subject: "s", AnyAudience: true},
		{ID: "j", AnyAudience: true},
		{Audience: "a"},
		{},
	} {
		v := hsVerifier(t, val)
		_, err1 := v.Verify(tok)
		var ce *ClaimError
		if !errors.As(err1, &ce) {
			t.Fatalf("%+v: %v is not a *ClaimError", val, err1)
		}
		claim := ce.Claim
		ce.Claim, ce.Err = "changed", nil
		_, err2 := v.Verify(tok)
		var ce2 *ClaimError
		if !errors.As(err2, &ce2) || ce2 == ce || ce2.Claim != claim || !errors.Is(err2, ErrClaimMismatch) {
			t.Errorf("%+v: after the caller changed the first error, the second is %v", val, err2)
		}
	}
}

// TestClaimErrorErrMatchesWithIs: ClaimError.Err is compared with
// errors.Is, as its doc says: for an "aud" that no Audience checks it
// wraps ErrClaimMismatch with the reason (RFC 7519 §4.1.3), so it is not
// == ErrClaimMismatch; the doc said Err was one of the sentinels.
func TestClaimErrorErrMatchesWithIs(t *testing.T) {
	_, err := hsVerifier(t, Validator{}).Verify(signRaw(t, `{"aud":"x"}`))
	var ce *ClaimError
	if !errors.As(err, &ce) || ce.Claim != "aud" || !errors.Is(ce.Err, ErrClaimMismatch) {
		t.Fatalf("Verify = %v", err)
	}
	if ce.Err == ErrClaimMismatch {
		t.Fatal("Err is ErrClaimMismatch itself: the doc's note on the reason is stale")
	}
}
