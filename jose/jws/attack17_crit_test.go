package jws

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAttack17UnprotectedCritOverSignedValues (catalog row 17, JWS part):
// a "crit" in the unprotected header of a JSON serialization is refused
// even when everything else would verify: the signature is good, the
// extension it lists is understood and present, signed, in the protected
// header. The existing row-17 cases each failed for a second reason too
// (an unknown extension, "b64" without a protected "crit"), so removing
// every "must be protected" check for "crit" and "b64" (jose.Join's and
// the verifier's) failed no test (mutation audit).
func TestAttack17UnprotectedCritOverSignedValues(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}, Critical("exp")))
	for _, tc := range []struct {
		prot, payloadPart, unprot string
	}{
		{`{"alg":"HS256","exp":1}`, b64("x"), `{"crit":["exp"]}`},
		{`{"alg":"HS256","b64":false}`, "$.02", `{"crit":["b64"]}`},
		{`{"alg":"HS256","b64":false,"exp":1}`, "$.02", `{"crit":["b64","exp"]}`},
	} {
		tok := hs256raw(tc.prot, tc.payloadPart, secret)
		parts := strings.Split(string(tok), ".")
		sig := parts[len(parts)-1]
		attached := `{"payload":"` + tc.payloadPart + `","protected":"` + parts[0] + `","header":` + tc.unprot + `,"signature":"` + sig + `"}`
		detached := `{"protected":"` + parts[0] + `","header":` + tc.unprot + `,"signature":"` + sig + `"}`
		payload := []byte(tc.payloadPart)
		if tc.payloadPart == b64("x") {
			payload = []byte("x")
		}
		calls := map[string]error{}
		_, calls["Verify"] = v.Verify([]byte(attached))
		_, calls["VerifyAll"] = v.VerifyAll([]byte(attached))
		_, calls["VerifyDetached"] = v.VerifyDetached([]byte(detached), payload)
		_, calls["VerifyReader"] = v.VerifyReader([]byte(detached), bytes.NewReader(payload))
		for api, err := range calls {
			if !errors.Is(err, jose.ErrCrit) {
				t.Errorf("protected %s, unprotected %s, %s: %v, want jose.ErrCrit", tc.prot, tc.unprot, api, err)
			}
		}
		if each, _, err := v.VerifyEach([]byte(attached)); err == nil && each[0].Err == nil {
			t.Errorf("protected %s, unprotected %s: VerifyEach verified it", tc.prot, tc.unprot)
		}
	}
}
