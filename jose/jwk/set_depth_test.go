package jwk

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestSetAppendJSONDepth: Set.AppendJSON promises that what it writes,
// ParseSet reads back. A raw value (a key's Extra member, a Skipped key)
// sits two levels deeper in a set ({"keys":[…]}) than in a JWK of its own,
// and ParseSet bounds the nesting of the whole set by jose.MaxDepth. So a
// key Parse accepts with an Extra value nested 62 or 63 deep, or a Skipped
// key as deep, cannot go in a set: AppendJSON must refuse it (jose.ErrLimit,
// as ParseSet would), and must still write one level less.
func TestSetAppendJSONDepth(t *testing.T) {
	const pub = `{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"`
	nested := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	// the deepest raw value a member of a key in a set can hold: set
	// object, "keys" array, key object, then the value's own levels
	fits := jose.MaxDepth - 3
	for _, n := range []int{fits, fits + 1, fits + 2} {
		k, err := Parse([]byte(pub + `,"ext":` + nested(n) + `}`))
		if err != nil {
			t.Fatalf("Parse of a key with an Extra member %d deep: %v", n, err)
		}
		for name, s := range map[string]*Set{
			"key with Extra": {Keys: []*Key{k}},
			"Skipped key":    {Skipped: [][]byte{[]byte(`{"kty":"AKP","pub":` + nested(n) + `}`)}},
		} {
			b, err := s.AppendJSON(nil)
			switch {
			case n <= fits && err != nil:
				t.Errorf("%s, value %d deep: AppendJSON: %v, want it written", name, n, err)
			case n > fits && !errors.Is(err, jose.ErrLimit):
				_, perr := ParseSet(b)
				t.Errorf("%s, value %d deep: AppendJSON error %v, want jose.ErrLimit (ParseSet of what it wrote: %v)", name, n, err, perr)
			case err == nil:
				if _, err := ParseSet(b); err != nil {
					t.Errorf("%s, value %d deep: ParseSet of what AppendJSON wrote: %v", name, n, err)
				}
			}
		}
	}
}
