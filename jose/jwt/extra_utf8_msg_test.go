package jwt

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestExtraClaimInvalidUTF8NotCalledBadJSON: an Extra Value that is one
// JSON value but not valid UTF-8 (a quoted string holding 0xff) is named
// as the claim and wraps lejp.ErrInvalidUTF8, and its error does not tell
// the caller to quote the value, which is already quoted.
func TestExtraClaimInvalidUTF8NotCalledBadJSON(t *testing.T) {
	cs := &ClaimSet{Extra: []jose.Member{{Name: "role", Value: []byte("\"ad\xffmin\"")}}}
	_, err := cs.AppendJSON(nil)
	if !errors.Is(err, jose.ErrMalformed) || !errors.Is(err, lejp.ErrInvalidUTF8) {
		t.Fatalf("AppendJSON: %v; want jose.ErrMalformed and lejp.ErrInvalidUTF8", err)
	}
	if msg := err.Error(); !strings.Contains(msg, `Extra claim "role"`) || strings.Contains(msg, "must be one JSON value") {
		t.Fatalf("AppendJSON: %q; want it to name the claim and not ask for one JSON value", msg)
	}
}
