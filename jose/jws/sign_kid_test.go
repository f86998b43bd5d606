package jws

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestSignerProtectedKidOverKeyKid: SigningKey.KeyID defaults to a
// *jwk.Key's own "kid", but a "kid" given as a Protected member names one
// already, as KeyID would, and the default yields to it. Before, NewSigner
// added the key's kid beside it and the header writer refused the repeated
// name: no signer could be made for a JWK with a kid and a Protected
// "kid" (the error spoke of a duplicate member the caller never wrote).
func TestSignerProtectedKidOverKeyKid(t *testing.T) {
	k, err := jwk.Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	k.Kid = "own"
	for name, tc := range map[string]struct {
		key  SigningKey
		want string
	}{
		"Protected": {SigningKey{Alg: "ES256", Key: k, Protected: []jose.Member{{Name: "kid", Value: []byte(`"other"`)}}}, "other"},
		"default":   {SigningKey{Alg: "ES256", Key: k}, "own"},
		"KeyID":     {SigningKey{Alg: "ES256", Key: k, KeyID: "given"}, "given"},
	} {
		tok, err := Sign([]byte("p"), tc.key, nil)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		m, err := ParseCompact(tok)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Signatures[0].Header.Kid; got != tc.want {
			t.Errorf("%s: kid %q, want %q", name, got, tc.want)
		}
	}
}
