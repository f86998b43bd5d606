package jws

import (
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestAttack02BindBeforeUse: the key kind and size are bound to the
// algorithm when the Verifier is made (bindCheck), before any MAC or
// signature is computed (catalog row 2). A single key that fits none of
// the allowed algorithms is jose.ErrKey from NewVerifier. Before, the row
// 2 tests passed with bindCheck returning nil (mutation): gencrypto's MAC
// constructor, run lazily at the first verification, and its signature
// check refused the mismatched keys instead, so the binding itself went
// untested.
func TestAttack02BindBeforeUse(t *testing.T) {
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		key  any
		algs []string
	}{
		{"RSA public key, HMAC", verifyKey("RS256"), []string{"HS256", "HS384", "HS512"}},
		{"EC public key, HMAC", verifyKey("ES256"), []string{"HS256"}},
		{"Ed25519 public key, HMAC", verifyKey("EdDSA"), []string{"HS512"}},
		{"RSA private key, HMAC", testKeys()["RS256"], []string{"HS256"}},
		{"HMAC secret, signatures", testKeys()["HS256"], []string{"RS256", "PS256", "ES256", "EdDSA"}},
		{"P-256 key, ES384", verifyKey("ES256"), []string{"ES384", "ES512"}},
		{"P-256 key, RSA and EdDSA", verifyKey("ES256"), []string{"RS256", "PS256", "EdDSA"}},
		{"RSA key, ES256 and EdDSA", verifyKey("RS256"), []string{"ES256", "EdDSA"}},
		{"Ed25519 key, ES256", verifyKey("EdDSA"), []string{"ES256", "RS256"}},
		{"16-byte secret, HS256", make([]byte, 16), []string{"HS256"}},
		{"32-byte secret, HS384", testKeys()["HS256"], []string{"HS384", "HS512"}},
		{"RSA-1024 key, RS256", &small.PublicKey, []string{"RS256", "PS256"}},
	}
	for _, c := range cases {
		if _, err := NewVerifier(c.key, c.algs); !errors.Is(err, jose.ErrKey) {
			t.Errorf("%s %v: NewVerifier %v, want jose.ErrKey", c.name, c.algs, err)
		}
		if jk, err := jwk.New(c.key); err == nil {
			if _, err := NewVerifier(jk, c.algs); !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s %v as a jwk.Key: NewVerifier %v, want jose.ErrKey", c.name, c.algs, err)
			}
		}
	}
	// The binding is per algorithm: the same keys verify their own.
	for _, c := range []struct {
		key any
		alg string
	}{{verifyKey("RS256"), "RS256"}, {verifyKey("ES256"), "ES256"}, {verifyKey("EdDSA"), "EdDSA"}, {testKeys()["HS256"], "HS256"}} {
		if _, err := NewVerifier(c.key, []string{c.alg}); err != nil {
			t.Errorf("%T with its own %s: %v", c.key, c.alg, err)
		}
	}
}

// TestAttack04EmbeddedPrivate: an embedded "jwk" holding private members is
// refused before it is parsed (errEmbeddedPrivate), even when the private
// part is malformed or would be costly to validate (an RSA private key is
// checked by exponentiation). Through the public API both this and a key
// equal to no anchor are jose.ErrKey, so the test is internal and asserts
// the sentinel. Before, TestAttack04* passed with the private-member
// check removed, and with both that check and the IsPrivate check removed
// (mutations): the anchor comparison (a private key never equals a
// public anchor) or jwk.Parse refused the token instead.
func TestAttack04EmbeddedPrivate(t *testing.T) {
	legit, _ := jwk.Generate("ES256", nil)
	legitPub, _ := legit.PublicKey()
	pubJSON := jwkJSON(t, legitPub)
	withMember := func(name, value string) []byte {
		out := append([]byte(nil), pubJSON[:len(pubJSON)-1]...) // drop '}'
		return append(out, `,"`+name+`":"`+value+`"}`...)
	}
	embedded := map[string][]byte{
		"valid private key": jwkJSON(t, legit),
		`malformed "d"`:     withMember("d", "AA"),
		`"k"`:               withMember("k", "AAAA"),
		`"p"`:               withMember("p", "AQAB"),
	}
	v := must(NewVerifier(nil, []string{"ES256"}, TrustEmbeddedJWK(legitPub)))
	for name, ej := range embedded {
		tok, err := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: legit,
			Protected: []jose.Member{{Name: "jwk", Value: ej}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for api, err := range everyEntryPoint(v, tok) {
			switch api {
			case "VerifyEach":
				continue // reports per-signature errors, checked below
			case "VerifyReader":
				if !errors.Is(err, jose.ErrKey) {
					t.Errorf("embedded %s by VerifyReader: %v, want jose.ErrKey", name, err)
				}
				continue // takes no embedded key at all
			}
			if !errors.Is(err, errEmbeddedPrivate) {
				t.Errorf("embedded %s by %s: %v, want errEmbeddedPrivate", name, api, err)
			}
		}
		res, _, err := v.VerifyEach(tok)
		if err == nil && (len(res) != 1 || !errors.Is(res[0].Err, errEmbeddedPrivate)) {
			t.Errorf("embedded %s by VerifyEach: %+v, want errEmbeddedPrivate", name, res)
		}
	}
	// the public half, signed by its key, verifies
	tok, err := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: legit,
		Protected: []jose.Member{{Name: "jwk", Value: pubJSON}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(tok); err != nil {
		t.Errorf("embedded public anchor: %v", err)
	}
}
