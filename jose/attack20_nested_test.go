package jose

import (
	"errors"
	"testing"
)

// TestAttack20NestedDuplicates (catalog row 20): two members of one name in
// an object nested in a header or any JOSE object are refused as at the
// top level. The row-20 tests named top-level members only, where
// ParseObject's own case-fold check also catches exact duplicates, so
// turning off lejp's duplicate detection failed no test of this package
// (mutation audit); a nested object relies on it.
func TestAttack20NestedDuplicates(t *testing.T) {
	for _, s := range []string{
		`{"alg":"HS256","jwk":{"kty":"EC","kty":"RSA"}}`,
		`{"alg":"HS256","ext":{"a":1,"a":2}}`,
		`{"alg":"HS256","ext":[{"a":1},{"b":{"c":1,"c":1}}]}`,
		`{"alg":"HS256","ext":{"a":1,"\u0061":2}}`,
	} {
		if _, err := ParseHeader([]byte(s)); !errors.Is(err, ErrMalformed) {
			t.Errorf("ParseHeader(%s): %v, want ErrMalformed", s, err)
		}
		if _, err := ParseObject([]byte(s)); !errors.Is(err, ErrMalformed) {
			t.Errorf("ParseObject(%s): %v, want ErrMalformed", s, err)
		}
	}
	if _, err := ParseHeader([]byte(`{"alg":"HS256","ext":{"a":1,"b":{"a":2}}}`)); err != nil {
		t.Errorf("one name in two objects: %v", err)
	}
}
