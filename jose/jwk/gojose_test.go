package jwk

import (
	"bytes"
	"crypto"
	"encoding/json"
	"testing"

	gojose "github.com/go-jose/go-jose/v4"
)

// TestInteropGoJose checks, in process, that go-jose v4 reads the keys
// written here as the same keys with the same RFC 7638 thumbprints, and that
// the keys it writes parse here.
func TestInteropGoJose(t *testing.T) {
	for _, alg := range []string{"RS256", "PS512", "ES256", "ES384", "ES512", "EdDSA", "HS256", "A256KW"} {
		k, err := Generate(alg, nil)
		if err != nil {
			t.Fatal(err)
		}
		k.Kid = "kid-" + alg
		for _, kk := range []*Key{k, publicOrSelf(k)} {
			var theirs gojose.JSONWebKey
			if err := json.Unmarshal(mustJSON(t, kk), &theirs); err != nil {
				t.Errorf("%s: go-jose cannot read our key: %v", alg, err)
				continue
			}
			// go-jose neither validates nor thumbprints symmetric keys.
			oct := kk.KeyType() == KeyTypeOct
			if theirs.KeyID != kk.Kid || theirs.Algorithm != alg || !oct && !theirs.Valid() {
				t.Errorf("%s: go-jose read kid %q alg %q valid %v", alg, theirs.KeyID, theirs.Algorithm, theirs.Valid())
			}
			if !oct {
				tp, err := theirs.Thumbprint(crypto.SHA256)
				if err != nil {
					t.Fatal(err)
				}
				ours, _ := kk.Thumbprint(crypto.SHA256)
				if !bytes.Equal(tp, ours) {
					t.Errorf("%s: go-jose thumbprint %x, ours %x", alg, tp, ours)
				}
			}
			// And back: what go-jose writes, Parse reads as the same key.
			out, err := json.Marshal(theirs)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Parse(out)
			if err != nil {
				t.Errorf("%s: go-jose's JSON %s: %v", alg, out, err)
				continue
			}
			if !back.Equal(kk) || back.Kid != kk.Kid || back.Alg != alg {
				t.Errorf("%s: go-jose round trip changed the key", alg)
			}
		}
	}
}

func publicOrSelf(k *Key) *Key {
	if p, err := k.PublicKey(); err == nil {
		return p
	}
	return k
}
