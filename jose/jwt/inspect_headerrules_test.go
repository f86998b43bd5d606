package jwt

import (
	"encoding/base64"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestInspectRefusesHeaderRules: Inspect refuses, with jws.ParseCompact's
// error and no header or claims, a token whose header has no "alg"
// (jose.ErrMalformed) or a "crit" naming a member it lacks
// (jose.ErrCrit), which no verifier accepts; before, it showed them.
// "alg":"none", which only a Verifier's policy refuses, is still shown.
func TestInspectRefusesHeaderRules(t *testing.T) {
	enc := base64.RawURLEncoding.EncodeToString
	tok := func(hdr string) []byte {
		return []byte(enc([]byte(hdr)) + "." + enc([]byte(`{"sub":"x"}`)) + ".c2ln")
	}
	for hdr, want := range map[string]error{
		`{"typ":"JWT"}`:                 jose.ErrMalformed,
		`{"alg":"none","crit":["exp"]}`: jose.ErrCrit,
	} {
		h, c, err := Inspect(tok(hdr))
		if !errors.Is(err, want) || h != nil || c != nil {
			t.Errorf("%s: %v, %v, %v; want %v and nothing else", hdr, h, c, err, want)
		}
	}
	if h, c, err := Inspect(tok(`{"alg":"none"}`)); err != nil || h.Alg != "none" || c == nil {
		t.Errorf(`"alg":"none": %v, %v, %v`, h, c, err)
	}
}
