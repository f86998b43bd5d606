package jws

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestRemoteKeyRefusalMatchesSet: NewVerifier says a *jwk.Remote works as
// a *jwk.Set; when the key a token names (or, without a kid, every key) is
// refused for the token's algorithm, both are jose.ErrKey, and the Remote's
// error says why as the Set's does (the key's curve does not fit ES256,
// its "use" is "enc"), rather than that there is no key with that kid. On
// the base the Remote said "no key for this algorithm and kid" whatever
// the reason, though the kid named a key of the set.
func TestRemoteKeyRefusalMatchesSet(t *testing.T) {
	newKey := func(c elliptic.Curve, kid, use string) *jwk.Key {
		pk, err := ecdsa.GenerateKey(c, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		k, err := jwk.New(&pk.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		k.Kid, k.Use = kid, use
		return k
	}
	signer, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string]*jwk.Set{
		"a P-384 key":      {Keys: []*jwk.Key{newKey(elliptic.P384(), "k", "")}},
		"a key for enc":    {Keys: []*jwk.Key{newKey(elliptic.P256(), "k", "enc")}},
		"two refused keys": {Keys: []*jwk.Key{newKey(elliptic.P384(), "k", ""), newKey(elliptic.P256(), "j", "enc")}},
	}
	for name, set := range sets {
		local, err := NewVerifier(set, []string{"ES256"})
		if err != nil {
			t.Fatal(err)
		}
		remote, err := NewVerifier(serveJWKS(t, mustSetJSON(t, set)), []string{"ES256"})
		if err != nil {
			t.Fatal(err)
		}
		for _, kid := range []string{"k", ""} {
			tok, err := Sign([]byte("payload"), SigningKey{Alg: "ES256", Key: signer, KeyID: kid}, nil)
			if err != nil {
				t.Fatal(err)
			}
			_, errSet := local.Verify(tok)
			_, errRemote := remote.Verify(tok)
			if !errors.Is(errSet, jose.ErrKey) || !errors.Is(errRemote, jose.ErrKey) {
				t.Fatalf("%s, kid %q: set %v, remote %v; want jose.ErrKey", name, kid, errSet, errRemote)
			}
			if errSet.Error() != errRemote.Error() {
				t.Errorf("%s, kid %q: through a Set %q, through a Remote %q", name, kid, errSet, errRemote)
			}
		}
	}
}
