package jws

import (
	"errors"
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

// TestSignerUnencodedWithOwnCrit: with SignOptions.Unencoded, NewSigner
// writes "b64": false and "crit": ["b64"]; a caller who lists a critical
// extension of its own in a Protected "crit" gets that "crit", which must
// list "b64" too (RFC 7797 §6). Before, NewSigner wrote its "crit" beside
// the caller's and the header writer refused the repeated name, so an
// unencoded payload could carry another critical extension only through
// SigningKey.Header.
func TestSignerUnencodedWithOwnCrit(t *testing.T) {
	secret := verifyKey("HS256")
	m := func(name, v string) jose.Member { return jose.Member{Name: name, Value: []byte(v)} }
	key := SigningKey{Alg: "HS256", Key: secret, Protected: []jose.Member{m("crit", `["b64","x"]`), m("x", `1`)}}
	tok, err := Sign([]byte("$.02"), key, &SignOptions{Unencoded: true, Detached: true})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(secret, []string{"HS256"}, Critical("x"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := v.VerifyDetached(tok, []byte("$.02"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Header.B64 || len(r.Header.Crit) != 2 {
		t.Errorf("header %s", r.Header.Raw)
	}
	// the caller's "crit" must list "b64"
	key.Protected[0] = m("crit", `["x"]`)
	if _, err := Sign([]byte("$.02"), key, &SignOptions{Unencoded: true, Detached: true}); !errors.Is(err, jose.ErrCrit) {
		t.Errorf("crit without b64: %v, want jose.ErrCrit", err)
	}
}
