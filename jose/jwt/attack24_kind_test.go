package jwt

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAttack24MalformedDates (catalog row 24): a NumericDate claim that is
// not a finite number within ±2^53 seconds is jose.ErrMalformed whether or
// not the claim is required, for "exp", "nbf" and "iat" alike — never
// read as some date that then passes or fails the time checks.
// TestAttack24TypedWrongClaims accepted any error; before, it passed with
// readDate's range check for fractions and exponents removed (mutation):
// 1e400 then read as the zero date, which an "exp" fails as expired, while
// an "nbf" or "iat" of 1e400 passed.
func TestAttack24MalformedDates(t *testing.T) {
	bad := []string{
		`null`, `"123"`, `"1e3"`, `true`, `[1]`, `{"v":1}`,
		`1e400`, `-1e400`, `1e16`, `-1e16`, `9007199254740992.5`, `-9007199254740992.5`,
		`9007199254740993`, `-9007199254740993`, `123456789012345678901234567890`,
	}
	for _, name := range []string{"exp", "nbf", "iat"} {
		for _, val := range []Validator{{}, {Required: []string{name}}} {
			v := hsVerifier(t, val)
			for _, b := range bad {
				payload := `{"` + name + `":` + b + `}`
				if c, err := v.Verify(signRaw(t, payload)); !errors.Is(err, jose.ErrMalformed) {
					t.Errorf("%s (required %v): %v, %v; want jose.ErrMalformed", payload, val.Required, c != nil, err)
				}
			}
		}
	}
	// in range, with a fraction or an exponent: a date
	v := hsVerifier(t, Validator{Required: []string{"exp"}})
	for _, ok := range []string{`{"exp":1.9e9}`, `{"exp":1900000000.5}`, `{"exp":19e8,"nbf":1e0,"iat":-1.5}`} {
		if _, err := v.Verify(signRaw(t, ok)); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}
