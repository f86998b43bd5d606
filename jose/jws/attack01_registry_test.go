package jws

import (
	"errors"
	"slices"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAttack01RegistryNames (catalog rows 1 and 3): only the names of
// Algorithms are JWS algorithms. Every other name gencrypto's registry
// knows — COSE-only MACs such as "HMAC 256/64", with a 64-bit tag,
// encryption and key-agreement names — is jose.ErrAlgorithm in an
// allow-list and for Sign, and a token naming one is refused even by a
// verifier whose key would fit it. Before, no test failed with lookupAlg's
// filter of registry names removed (mutation): a caller could then allow,
// and sign with, an 8-byte HMAC tag.
func TestAttack01RegistryNames(t *testing.T) {
	secret := testKeys()["HS512"]
	allowed := Algorithms()
	n := 0
	for _, a := range gencrypto.All() {
		name := a.Name()
		if slices.Contains(allowed, name) {
			continue
		}
		n++
		if _, err := NewVerifier(secret, []string{name}); !errors.Is(err, jose.ErrAlgorithm) {
			t.Errorf("allow-list [%q]: %v, want jose.ErrAlgorithm", name, err)
		}
		if _, err := Sign([]byte("x"), SigningKey{Alg: name, Key: secret}, nil); !errors.Is(err, jose.ErrAlgorithm) {
			t.Errorf("Sign with %q: %v, want jose.ErrAlgorithm", name, err)
		}
		v := must(NewVerifier(secret, []string{"HS256"}))
		tok := hs256(`{"alg":"`+name+`"}`, "x", secret.([]byte))
		for api, err := range everyEntryPoint(v, tok) {
			if api == "VerifyEach" {
				if err == nil {
					t.Errorf("token with alg %q verified by VerifyEach", name)
				}
				continue // everyEntryPoint reports its per-signature errors as one
			}
			if !errors.Is(err, jose.ErrAlgorithm) {
				t.Errorf("token with alg %q by %s: %v, want jose.ErrAlgorithm", name, api, err)
			}
		}
	}
	if n == 0 {
		t.Fatal("the registry has no name outside Algorithms: the test checks nothing")
	}
}
