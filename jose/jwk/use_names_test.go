package jwk

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
)

// joseNames are the "alg" and "enc" values of the IANA JOSE registry
// (RFC 7518 §3.1, §4.1, §5.1; RFC 8037; RFC 9864) that gencrypto's
// registry holds.
var joseNames = map[string]bool{
	"HS256": true, "HS384": true, "HS512": true,
	"RS256": true, "RS384": true, "RS512": true, "PS256": true, "PS384": true, "PS512": true,
	"ES256": true, "ES384": true, "ES512": true, "EdDSA": true, "Ed25519": true,
	"A128GCM": true, "A192GCM": true, "A256GCM": true,
	"A128CBC-HS256": true, "A192CBC-HS384": true, "A256CBC-HS512": true,
	"A128KW": true, "A192KW": true, "A256KW": true,
	"RSA-OAEP": true, "RSA-OAEP-256": true, "RSA-OAEP-384": true, "RSA-OAEP-512": true,
}

// TestCheckUseCOSEOnlyNames: CheckUse takes JOSE algorithm names; its
// godoc says any other name is jose.ErrAlgorithm. gencrypto's registry
// also names COSE-only algorithms of the families CheckUse handles: the
// truncated MAC "HMAC 256/64" (catalog row 34's downgrade), AES-CCM and
// ChaCha20/Poly1305, none of which JOSE registers (and which Generate
// refuses as jose.ErrAlgorithm). On the base CheckUse allowed them: a
// 32-byte oct key passed CheckUse("HMAC 256/64", OpVerify) and
// CheckUse("AES-CCM-16-64-256", OpDecrypt). Every registry name outside the
// JOSE registry must be jose.ErrAlgorithm for every key and operation, and
// every JOSE name must not be.
func TestCheckUseCOSEOnlyNames(t *testing.T) {
	keys := []*Key{must2(New(make([]byte, 16))), must2(New(make([]byte, 32))), must2(New(make([]byte, 64)))}
	for _, alg := range []string{"ES256", "EdDSA", "RS256"} {
		keys = append(keys, must2(Generate(alg, nil)))
	}
	for _, k := range keys {
		k.Alg = ""
	}
	ops := []Op{OpSign, OpVerify, OpEncrypt, OpDecrypt, OpWrapKey, OpUnwrapKey, OpDeriveKey, OpDeriveBits}
	seen := 0
	for _, a := range gencrypto.All() {
		name := a.Name()
		if joseNames[name] {
			seen++
			for _, k := range keys {
				for _, op := range ops {
					if err := k.CheckUse(name, op); errors.Is(err, jose.ErrAlgorithm) {
						t.Errorf("%v: CheckUse(%q, %s) = %v: a JOSE name", k, name, op, err)
					}
				}
			}
			continue
		}
		for _, k := range keys {
			for _, op := range ops {
				if err := k.CheckUse(name, op); !errors.Is(err, jose.ErrAlgorithm) {
					t.Errorf("%v: CheckUse(%q, %s) = %v, want jose.ErrAlgorithm (not a JOSE name)", k, name, op, err)
				}
			}
		}
		if _, err := Generate(name, nil); !errors.Is(err, jose.ErrAlgorithm) {
			t.Errorf("Generate(%q) = %v, want jose.ErrAlgorithm", name, err)
		}
	}
	if seen != len(joseNames) {
		t.Errorf("%d of the %d JOSE names are in the registry", seen, len(joseNames))
	}
}
