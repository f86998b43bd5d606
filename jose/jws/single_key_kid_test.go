package jws

import (
	"crypto/ecdsa"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestSingleKeyKidNotCompared pins NewVerifier's godoc: a *jwk.Key given
// alone verifies a token whatever "kid" it names (another, "", or none);
// the same key in a *jwk.Set of one selects by kid and refuses the token
// naming another.
func TestSingleKeyKidNotCompared(t *testing.T) {
	set, priv := es256Keys(t, 1)
	k := set.Keys[0]
	k.Kid = "a"
	single, err := NewVerifier(k, []string{"ES256"})
	if err != nil {
		t.Fatal(err)
	}
	inSet, err := NewVerifier(&jwk.Set{Keys: []*jwk.Key{k}}, []string{"ES256"})
	if err != nil {
		t.Fatal(err)
	}
	sign := func(p *ecdsa.PrivateKey, kid string) []byte {
		tok, err := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: p, KeyID: kid}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	for _, kid := range []string{"a", "b", ""} {
		tok := sign(priv[0], kid)
		if _, err := single.Verify(tok); err != nil {
			t.Errorf("single key with kid %q, token kid %q: %v", k.Kid, kid, err)
		}
		_, err := inSet.Verify(tok)
		if (kid == "b") != (err != nil) {
			t.Errorf("set of the key with kid %q, token kid %q: %v", k.Kid, kid, err)
		}
	}
}
