package jwt

import (
	"context"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestValidatorTypeMismatchIsMalformed pins what Validator.Type's godoc
// says: a token whose protected "typ" is not the Validator's is
// jose.ErrMalformed, not ErrClaimMismatch (a header member, not a claim),
// through Verify and VerifyInto alike, and it is decided before the
// signature: a wrong signature under the wrong "typ" is ErrMalformed too.
func TestValidatorTypeMismatchIsMalformed(t *testing.T) {
	v := hsVerifier(t, Validator{Type: "at+jwt"})
	tok := signRaw(t, `{"sub":"a"}`) // "typ":"JWT"
	bad := append([]byte{}, tok...)
	if bad[len(bad)-2] = 'A'; tok[len(tok)-2] == 'A' {
		bad[len(bad)-2] = 'B'
	}
	for name, tk := range map[string][]byte{"good signature": tok, "wrong signature": bad} {
		_, err := v.Verify(tk)
		var c Claims
		errInto := v.VerifyInto(context.Background(), tk, &c)
		for via, err := range map[string]error{"Verify": err, "VerifyInto": errInto} {
			if !errors.Is(err, jose.ErrMalformed) || errors.Is(err, ErrClaimMismatch) || errors.Is(err, jose.ErrVerify) {
				t.Errorf("%s, %s: %v, want jose.ErrMalformed alone", name, via, err)
			}
		}
	}
}
