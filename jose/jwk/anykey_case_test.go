package jwk

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestParseAnyRefusesKtyAndKeysInAnyCase: a reader that matches member
// names without regard to case (Go's encoding/json, and so go-jose) reads
// an object with "kty" and "KEYS" as a JWK Set, and one with "Kty" and
// "keys" as a JWK with an extra member, or the other way round: ParseAny
// must not pick one of the two readings, as it does not for "kty" and
// "keys" (jose.ParseObject refuses names equal but for case for the same
// reason).
func TestParseAnyRefusesKtyAndKeysInAnyCase(t *testing.T) {
	const k = `"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"`
	for _, data := range []string{
		`{"KEYS":[{` + k + `}],` + k + `}`,
		`{` + k + `,"Keys":[]}`,
		`{"Kty":"oct","keys":[{` + k + `}]}`,
		`{"keys":[{` + k + `}],"KTY":"oct"}`,
		`{"keys":[],"\u212aty":"oct"}`, // a Kelvin sign, which folds to k
	} {
		s, isSet, err := ParseAny([]byte(data))
		if s != nil || isSet || !errors.Is(err, jose.ErrMalformed) || !strings.Contains(err.Error(), "ambiguous") {
			t.Errorf("%s: %v, %v, %v; want jose.ErrMalformed, ambiguous", data, s, isSet, err)
		}
	}
	// Either name alone in another case goes to its reader, which
	// refuses it for the name it misses.
	for _, data := range []string{`{"KEYS":[]}`, `{"Kty":"oct","k":"AAAA"}`} {
		if s, _, err := ParseAny([]byte(data)); s != nil || err == nil {
			t.Errorf("%s: %v, %v; want an error", data, s, err)
		}
	}
}
