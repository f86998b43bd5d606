package jwk

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestEmptyAlgUseRefused: "alg" and "use" restrict a key (CheckUse); an
// empty string names no algorithm and no use (RFC 7517 §4.2, §4.4), and Key
// has no way to hold a present but empty restriction: Kid, Alg and Use ""
// mean absent. On the base "alg": "" and "use": "" were read as absent, so
// a JWK that says it is restricted was unrestricted: its key passed
// CheckUse for every algorithm of its family and for both uses, as
// "key_ops": [] did before it was fixed (TestEmptyKeyOpsAllowsNothing).
// Parse and ParseSet refuse them (jose.ErrMalformed); a "kid" of "" is
// still read, as RFC 7517 §4.5 allows any string and LookupKid names no
// key by it.
func TestEmptyAlgUseRefused(t *testing.T) {
	ec := `"kty":"EC","crv":"P-256","x":"` + p256x + `","y":"` + p256y + `"`
	for _, member := range []string{`"alg":""`, `"use":""`} {
		in := `{` + ec + `,` + member + `}`
		k, err := Parse([]byte(in))
		wantErr(t, "Parse with "+member, err, jose.ErrMalformed)
		if err == nil {
			for _, alg := range []string{"ES256", "ECDH-ES"} {
				op := OpVerify
				if alg == "ECDH-ES" {
					op = OpWrapKey
				}
				if k.CheckUse(alg, op) == nil {
					t.Errorf("%s: the key is usable for %s %s", member, alg, op)
				}
			}
		}
		_, err = ParseSet([]byte(`{"keys":[` + in + `]}`))
		wantErr(t, "ParseSet with "+member, err, jose.ErrMalformed)
	}
	k, err := Parse([]byte(`{` + ec + `,"kid":""}`))
	if err != nil {
		t.Fatalf(`"kid": "": %v`, err)
	}
	if k.Kid != "" || errors.Is(k.CheckUse("ES256", OpVerify), jose.ErrKey) {
		t.Errorf(`"kid": "": %q, %v`, k.Kid, k.CheckUse("ES256", OpVerify))
	}
}
