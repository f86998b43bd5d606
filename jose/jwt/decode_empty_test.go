package jwt

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestDecodeOfNoClaimsSaysSo: Decode of a Claims with no Raw (the zero
// Claims, or one whose Raw was emptied) says there are no claims, not
// that claims failed to parse at offset 0.
func TestDecodeOfNoClaimsSaysSo(t *testing.T) {
	for _, raw := range [][]byte{nil, {}} {
		c := Claims{Raw: raw}
		var v map[string]any
		err := c.Decode(&v)
		if !errors.Is(err, jose.ErrMalformed) || err != errNoClaims {
			t.Errorf("Decode with Raw %q: %v; want %v", raw, err, errNoClaims)
		}
	}
}
