package gencrypto_test

import (
	"crypto/rsa"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestStandardPrivateKeyErrorIsInvalidKey: an *rsa.PrivateKey with a sound
// public half and D but primes that do not multiply to N made Sign return
// crypto/rsa's own error ("p * q != n"), which errors.Is matches to no
// sentinel. A signing error from a private key of the standard library's
// types held in memory can only be the key's fault: it now wraps
// ErrInvalidKey and keeps crypto/rsa's words.
func TestStandardPrivateKeyErrorIsInvalidKey(t *testing.T) {
	k := getKeys(t)
	bad := &rsa.PrivateKey{PublicKey: k.rsa.PublicKey, D: k.rsa.D, Primes: []*big.Int{big.NewInt(5), big.NewInt(7)}}
	for _, a := range []*gencrypto.Signature{gencrypto.RS256(), gencrypto.PS256()} {
		_, err := a.Sign(bad, []byte("m"))
		if !errors.Is(err, gencrypto.ErrInvalidKey) {
			t.Errorf("%s Sign with primes that do not multiply to N: %v, want ErrInvalidKey", a, err)
		}
		if err != nil && !strings.Contains(err.Error(), "crypto/rsa") {
			t.Errorf("%s Sign: %v lost crypto/rsa's words", a, err)
		}
	}
}
