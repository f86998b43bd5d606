package jwk

import (
	"bytes"
	"crypto"
	"encoding/json"
	"testing"

	gojose "github.com/go-jose/go-jose/v4"
)

// FuzzParseGoJose holds Parse to go-jose v4's JWK reader, a second
// implementation: where both accept an asymmetric key, they read the same
// public key (crypto's Equal), the same private key if any, and the same
// kid, and compute the same RFC 7638 thumbprint. (Where only one accepts
// nothing is asked: Parse is stricter by design, and go-jose reads no
// X25519 keys.)
func FuzzParseGoJose(f *testing.F) {
	keySeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		k, err := Parse(raw)
		if err != nil || k.KeyType() == KeyTypeOct {
			return
		}
		var theirs gojose.JSONWebKey
		if json.Unmarshal(raw, &theirs) != nil || theirs.Key == nil {
			return
		}
		type equaler interface{ Equal(crypto.PublicKey) bool }
		var pub crypto.PublicKey = theirs.Key
		if k.IsPrivate() {
			s, ok := theirs.Key.(crypto.Signer)
			if !ok {
				return // an X25519 or other key go-jose keeps in its own type
			}
			pub = s.Public()
			if e, ok := k.PrivateKey().(interface{ Equal(crypto.PrivateKey) bool }); !ok || !e.Equal(theirs.Key) {
				t.Fatalf("%s: private key %T differs from go-jose's %T", raw, k.PrivateKey(), theirs.Key)
			}
		} else if !theirs.IsPublic() {
			t.Fatalf("%s: a public key for Parse, a private one for go-jose", raw)
		}
		if e, ok := k.Public().(equaler); !ok || !e.Equal(pub) {
			t.Fatalf("%s: public key %T differs from go-jose's %T", raw, k.Public(), pub)
		}
		if k.Kid != theirs.KeyID {
			t.Fatalf("%s: kid %q, go-jose %q", raw, k.Kid, theirs.KeyID)
		}
		ours, err1 := k.Thumbprint(crypto.SHA256)
		tp, err2 := theirs.Thumbprint(crypto.SHA256)
		if err1 != nil || err2 != nil || !bytes.Equal(ours, tp) {
			t.Fatalf("%s: thumbprint %x, %v; go-jose %x, %v", raw, ours, err1, tp, err2)
		}
	})
}
