package jwk

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRemotePrivateMemberErrorSaysWhetherKeySkipped: the refusal of a
// fetched set with a private member says which kind of key held it: a key
// ParseSet reads is "a private or secret key", one it skips (Ed448 here)
// a "skipped key", so that the operator looking at the set knows which
// entry to remove. Both name the member and match jose.ErrKey.
func TestRemotePrivateMemberErrorSaysWhetherKeySkipped(t *testing.T) {
	b64 := func(n int) string { return string(jose.AppendBase64URL(nil, make([]byte, n))) }
	ec := string(mustJSON(t, genSet(t, "ES256")))
	ed448 := `{"keys":[{"kty":"OKP","crv":"Ed448","x":"` + b64(57) + `","d":"` + b64(57) + `"}]}`
	for name, tc := range map[string]struct{ body, want, notWant string }{
		"read EC key":       {ec, "the set holds a private or secret key", "skipped key"},
		"skipped Ed448 key": {ed448, "skipped key", "the set holds a private"},
	} {
		_, err := parsePublicSet([]byte(tc.body))
		if !errors.Is(err, jose.ErrKey) {
			t.Fatalf("%s: %v, want jose.ErrKey", name, err)
		}
		msg := err.Error()
		if !strings.Contains(msg, tc.want) || strings.Contains(msg, tc.notWant) || !strings.Contains(msg, `"d"`) {
			t.Errorf("%s: %q, want it to say %q and name \"d\"", name, msg, tc.want)
		}
	}
}
