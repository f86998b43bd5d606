package jwk

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAttack20NestedDuplicates (catalog row 20): a JWK or JWK Set holding
// an object with two members of one name, below the top level, is refused.
// The row-20 cases were all top-level names, where jose.ParseObject's
// case-fold check catches exact duplicates too, so turning off lejp's
// duplicate detection failed no test of this package (mutation audit).
func TestAttack20NestedDuplicates(t *testing.T) {
	for _, s := range []string{
		`{"kty":"oct","k":"AAAA","ext":{"a":1,"a":2}}`,
		`{"kty":"oct","k":"AAAA","ext":[{"b":{"c":1,"c":2}}]}`,
	} {
		_, err := Parse([]byte(s))
		wantErr(t, s, err, jose.ErrMalformed)
		set := `{"keys":[` + s + `]}`
		_, err = ParseSet([]byte(set))
		wantErr(t, set, err, jose.ErrMalformed)
	}
	set := `{"keys":[],"ext":{"a":1,"a":2}}`
	_, err := ParseSet([]byte(set))
	wantErr(t, set, err, jose.ErrMalformed)
}
