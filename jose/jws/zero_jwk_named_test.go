package jws_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestZeroJWKKeyNotCalledHMACSecret: the zero jwk.Key (no key material)
// given for a signature algorithm is jose.ErrKey saying it is no key, as
// it says for an HMAC algorithm. On the base NewVerifier
// said "ES256 needs an EC P-256 key, not an HMAC secret", naming a secret
// that was not there.
func TestZeroJWKKeyNotCalledHMACSecret(t *testing.T) {
	_, verr := jws.NewVerifier(&jwk.Key{}, []string{"ES256"})
	for _, err := range []error{verr} {
		if !errors.Is(err, jose.ErrKey) || strings.Contains(err.Error(), "HMAC secret") || !strings.Contains(err.Error(), "no key") {
			t.Errorf("zero jwk.Key for ES256: %v; want jose.ErrKey saying no key", err)
		}
	}
}
