package jwk

import (
	"crypto/sha1"
	"crypto/sha256"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestMarshalRefusesCaseVariantOfEachField: a member kept raw whose name
// differs only in case from a metadata member ("USE" beside "use") is
// refused by AppendJSON for each of the eight metadata members once its
// field is set, as Parse refuses such a pair, and written while the field
// is unset. (A mutation run found that only "kid" was tested: the rules for
// use, x5u, x5c and x5t#S256 could be dropped unnoticed.)
func TestMarshalRefusesCaseVariantOfEachField(t *testing.T) {
	base := genSet(t, "ES256").Keys[0]
	pubKey, err := base.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	pubKey.Kid, pubKey.Alg = "", "" // the JWK written below has no metadata
	leaf := selfSigned(t, base)
	x5tS256 := sha256.Sum256(leaf)
	set := map[string]func(k *Key){
		"kid":      func(k *Key) { k.Kid = "k" },
		"alg":      func(k *Key) { k.Alg = "ES256" },
		"use":      func(k *Key) { k.Use = "sig" },
		"key_ops":  func(k *Key) { k.KeyOps = []string{"verify"} },
		"x5u":      func(k *Key) { k.X5u = "https://example.com/c" },
		"x5c":      func(k *Key) { k.X5c = [][]byte{leaf} },
		"x5t":      func(k *Key) { k.X5c = [][]byte{leaf}; s := sha1.Sum(leaf); k.X5t = s[:] },
		"x5t#S256": func(k *Key) { k.X5c = [][]byte{leaf}; k.X5tS256 = x5tS256[:] },
	}
	pub, err := pubKey.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, setField := range set {
		variant := strings.ToUpper(name)
		raw := string(pub[:len(pub)-1]) + `,"` + variant + `":"x"}`
		k, err := Parse([]byte(raw))
		if err != nil {
			t.Fatalf("%s: Parse: %v", variant, err)
		}
		if _, err := k.AppendJSON(nil); err != nil {
			t.Errorf("%s kept raw, %s unset: %v", variant, name, err)
		}
		setField(k)
		if _, err := k.AppendJSON(nil); !errors.Is(err, jose.ErrMalformed) || !strings.Contains(err.Error(), variant) {
			t.Errorf("%s kept raw, %s set: %v, want ErrMalformed naming %s", variant, name, err, variant)
		}
	}
}
