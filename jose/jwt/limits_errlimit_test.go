package jwt

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestLejpLimitsAreErrLimit: a claims set over one of lejp's size limits
// (a member name over 64 KiB, a number over 1,024 bytes) is jose.ErrLimit,
// as depth is here and as jose reads every lejp size limit in the token's
// header (ParseHeader), not jose.ErrMalformed. ClaimSet.AppendJSON, which
// checks Extra claims before signing, answers the same.
func TestLejpLimitsAreErrLimit(t *testing.T) {
	v := hsVerifier(t, Validator{})
	longName := strings.Repeat("n", lejp.DefaultMaxNameLen+1)
	longNum := "1" + strings.Repeat("0", lejp.DefaultMaxNumberLen)
	for _, c := range []struct{ name, claims, member string }{
		{"name", `{"` + longName + `":1}`, `"` + longName + `":1`},
		{"number", `{"x":` + longNum + `}`, `"x":` + longNum},
		{"number in an array", `{"x":[` + longNum + `]}`, `"x":[` + longNum + `]`},
		{"number in exp", `{"exp":` + longNum + `}`, `"exp":` + longNum},
	} {
		if _, err := jose.ParseHeader([]byte(`{"alg":"HS256",` + c.member + `}`)); !errors.Is(err, jose.ErrLimit) {
			t.Fatalf("%s in a header: %v, want jose.ErrLimit", c.name, err)
		}
		if _, err := v.Verify(signRaw(t, c.claims)); !errors.Is(err, jose.ErrLimit) {
			t.Errorf("%s in the claims: %v, want jose.ErrLimit as in a header", c.name, err)
		}
	}
	cs := &ClaimSet{Extra: []jose.Member{{Name: "x", Value: []byte(longNum)}}}
	if _, err := cs.AppendJSON(nil); !errors.Is(err, jose.ErrLimit) {
		t.Errorf("ClaimSet.AppendJSON of an Extra number over the limit: %v, want jose.ErrLimit", err)
	}
}
