package std

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
)

// TestUnsupportedNamesPrimitive: an unsupported signature primitive is
// refused as such, naming it, before any hashing; the error does not
// instead complain about the hash that came with it.
func TestUnsupportedNamesPrimitive(t *testing.T) {
	b := New()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	_, errSign := b.Sign("ed448", key, 0, []byte("m"))
	errVerify := b.Verify("ecdsa-secp256k1", &key.PublicKey, 0, []byte("m"), make([]byte, 64))
	for prim, err := range map[string]error{"ed448": errSign, "ecdsa-secp256k1": errVerify} {
		if !errors.Is(err, errors.ErrUnsupported) || !strings.Contains(err.Error(), "signature "+prim) {
			t.Errorf("%s: %v; want an unsupported error naming the signature primitive", prim, err)
		}
	}
	if _, err := b.SignDigest("ed448", key, crypto.SHA256, make([]byte, 32)); !strings.Contains(err.Error(), "signature ed448") {
		t.Errorf("SignDigest(ed448): %v", err)
	}
}
