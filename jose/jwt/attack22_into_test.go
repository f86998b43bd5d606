package jwt

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAttack22VerifyIntoNoClaims (catalog row 22): when a well-signed
// token fails the claims checks (expired, wrong issuer) or the claims
// parse, VerifyInto leaves the caller's Claims empty, as its doc says, so
// a caller that ignores the error reads nothing. TestAttack22
// SignatureBeforeClaims checks this only for a bad signature; before, no
// test failed with the reset after a failed Validator check or after a
// failed claims parse removed (mutations).
func TestAttack22VerifyIntoNoClaims(t *testing.T) {
	expired := claimSet()
	expired.ExpiresAt = t0.Add(-time.Hour)
	expired.IssuedAt = t0.Add(-2 * time.Hour)
	for name, tc := range map[string]struct {
		tok  []byte
		val  Validator
		want error
	}{
		"expired":      {mustSign(t, expired), Validator{}, ErrExpired},
		"wrong issuer": {mustSign(t, claimSet()), Validator{Issuer: "someone else"}, ErrClaimMismatch},
		"bad claims":   {signRaw(t, `{"sub":"admin","exp":"tomorrow"}`), Validator{}, jose.ErrMalformed},
	} {
		v := hsVerifier(t, tc.val)
		var c Claims
		err := v.VerifyInto(context.Background(), tc.tok, &c)
		if !errors.Is(err, tc.want) {
			t.Fatalf("%s: %v, want %v", name, err, tc.want)
		}
		if sub, ok := c.Subject(); ok || sub != "" || len(c.Raw) != 0 || len(c.Names()) != 0 {
			t.Errorf("%s: claims left behind: sub %q %v, raw %q, names %q", name, sub, ok, c.Raw, c.Names())
		}
		if _, ok := c.ExpiresAt(); ok {
			t.Errorf("%s: exp left behind", name)
		}
	}
}
