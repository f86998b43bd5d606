package jwt

import (
	"context"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestCheckHeaderRememberedFirst: a Verifier remembers the first header it
// passes without a parse, and the last one it parsed; whichever it holds,
// each token's verdict is its own header's: plain headers pass and nested
// or unencoded ones are refused, in any order and repeated (a guard for
// the remembered verdicts; passes on the base too).
func TestCheckHeaderRememberedFirst(t *testing.T) {
	sign := func(h string, opts *jws.SignOptions) []byte {
		tok, err := jws.Sign([]byte(`{"sub":"x"}`), jws.SigningKey{Alg: "HS256", Key: secret, Header: []byte(h)}, opts)
		if err != nil {
			t.Fatalf("%s: %v", h, err)
		}
		return tok
	}
	plain := sign(`{"alg":"HS256"}`, nil)
	plainKid := sign(`{"alg":"HS256","kid":"k1"}`, nil)
	ctyOK := sign(`{"alg":"HS256","cty":"claims+json"}`, nil)
	nested := sign(`{"alg":"HS256","cty":"JWT"}`, nil)
	unencoded := sign(`{"alg":"HS256","b64":false,"crit":["b64"]}`, &jws.SignOptions{Unencoded: true})
	for _, order := range [][]string{
		{"plain", "plain", "nested", "plain", "nested", "plainKid", "unencoded", "plain", "ctyOK", "plainKid", "plain", "nested"},
		{"nested", "plain", "plain", "unencoded", "unencoded", "plainKid", "ctyOK", "ctyOK", "nested", "plain"},
		{"ctyOK", "plain", "nested", "nested", "plainKid", "plain", "unencoded", "ctyOK"},
	} {
		v := hsVerifier(t, Validator{})
		for i, name := range order {
			tok := map[string][]byte{"plain": plain, "plainKid": plainKid, "ctyOK": ctyOK, "nested": nested, "unencoded": unencoded}[name]
			var c Claims
			err := v.VerifyInto(context.Background(), tok, &c)
			switch name {
			case "nested", "unencoded":
				if !errors.Is(err, jose.ErrMalformed) {
					t.Errorf("%v, token %d (%s): %v, want jose.ErrMalformed", order, i, name, err)
				}
			default:
				if sub, _ := c.Subject(); err != nil || sub != "x" {
					t.Errorf("%v, token %d (%s): %v", order, i, name, err)
				}
			}
		}
	}
}
