package jwt

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAttack20NestedExactDuplicates (catalog row 20): claims with two
// members of one exact name in a nested object are refused by Verify and
// Inspect, as case variants are (TestAttack20FoldedNames); the claims
// reader turns lejp's duplicate check off and does its own at every depth.
func TestAttack20NestedExactDuplicates(t *testing.T) {
	v := hsVerifier(t, Validator{})
	for _, p := range []string{
		`{"sub":"x","o":{"a":1,"a":2}}`,
		`{"sub":"x","o":[{"b":{"c":1,"c":2}}]}`,
		`{"sub":"x","o":{"a":1,"\u0061":2}}`,
	} {
		tok := signRaw(t, p)
		if _, err := v.Verify(tok); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("Verify %s: %v, want jose.ErrMalformed", p, err)
		}
		if _, _, err := Inspect(tok); err == nil {
			t.Errorf("Inspect %s accepted", p)
		}
	}
}
