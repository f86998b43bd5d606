package jwk

import (
	"crypto"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestZeroKey: a Key made without Parse, New or Generate (the zero Key)
// holds no key material. Its thumbprint is jose.ErrKey, not the thumbprint
// of an empty oct key (the base returned the same SHA-256 value for every
// zero Key, a constant identifier), nor has it a thumbprint input (the base
// appended {"k":"","kty":"oct"}), and Equal reports false for it and for
// a nil *Key instead of panicking (the base panicked on both).
func TestZeroKey(t *testing.T) {
	var zero Key
	_, err := zero.Thumbprint(crypto.SHA256)
	wantErr(t, "Thumbprint of the zero Key", err, jose.ErrKey)
	_, err = zero.ThumbprintURI(crypto.SHA256)
	wantErr(t, "ThumbprintURI of the zero Key", err, jose.ErrKey)
	if in := zero.AppendThumbprintInput([]byte("x")); string(in) != "x" {
		t.Errorf("AppendThumbprintInput of the zero Key: %s", in)
	}
	k, _ := Generate("ES256", nil)
	for name, c := range map[string][2]*Key{
		"zero, zero": {&zero, &Key{}},
		"zero, key":  {&zero, k},
		"key, zero":  {k, &zero},
		"key, nil":   {k, nil},
		"zero, nil":  {&zero, nil},
	} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("Equal(%s) panics: %v", name, r)
				}
			}()
			if c[0].Equal(c[1]) {
				t.Errorf("Equal(%s) is true", name)
			}
		}()
	}
	if !k.Equal(k) {
		t.Error("a key is not Equal to itself")
	}
}
