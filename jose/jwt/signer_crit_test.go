package jwt

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestSignerCritRefused: NewSigner refuses a protected header whose "crit"
// lists an extension other than "b64" (jose.ErrCrit), given as a Protected
// member or in Header: Verifier refuses every such token (Claims carries
// no header, so no extension can be processed, jws.Critical or not), so
// the signer made tokens nothing here verifies. "crit": ["b64"] with
// "b64": true is a JWT's encoding and still signs and verifies.
func TestSignerCritRefused(t *testing.T) {
	m := func(name, v string) jose.Member { return jose.Member{Name: name, Value: []byte(v)} }
	for name, key := range map[string]jws.SigningKey{
		"Protected":     {Alg: "HS256", Key: secret, Protected: []jose.Member{m("crit", `["x"]`), m("x", `1`)}},
		"Protected b64": {Alg: "HS256", Key: secret, Protected: []jose.Member{m("b64", `true`), m("crit", `["b64","x"]`), m("x", `1`)}},
		"Header":        {Alg: "HS256", Key: secret, Header: []byte(`{"alg":"HS256","crit":["x"],"x":1}`)},
	} {
		_, err := NewSigner(key)
		if !errors.Is(err, jose.ErrCrit) {
			t.Errorf("%s: NewSigner: %v, want jose.ErrCrit", name, err)
		}
		if _, err := Sign(claimSet(), key); !errors.Is(err, jose.ErrCrit) {
			t.Errorf("%s: Sign: %v, want jose.ErrCrit", name, err)
		}
		// what the refused signer would have made: no Verifier takes it
		raw, _ := claimSet().AppendJSON(nil)
		tok, err := jws.Sign(raw, key, nil)
		if err != nil {
			t.Fatalf("%s: jws.Sign: %v", name, err)
		}
		v, err := NewVerifier(secret, []string{"HS256"}, Validator{Audience: "api", Now: clock}, jws.Critical("x"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(tok); !errors.Is(err, jose.ErrCrit) {
			t.Errorf("%s: Verify with jws.Critical(\"x\"): %v, want jose.ErrCrit", name, err)
		}
	}
	for name, key := range map[string]jws.SigningKey{
		"Protected": {Alg: "HS256", Key: secret, Protected: []jose.Member{m("b64", `true`), m("crit", `["b64"]`)}},
		"Header":    {Alg: "HS256", Key: secret, Header: []byte(`{"alg":"HS256","b64":true,"crit":["b64"]}`)},
	} {
		tok, err := Sign(claimSet(), key)
		if err != nil {
			t.Errorf("%s: crit b64: %v", name, err)
			continue
		}
		if _, err := hsVerifier(t, Validator{Audience: "api"}).Verify(tok); err != nil {
			t.Errorf("%s: crit b64: Verify: %v", name, err)
		}
	}
}

// TestSignerUnprotectedRefused: a JWT is compact (RFC 7519 §7.1), which
// has no unprotected header, so NewSigner refuses a key with Unprotected
// members (jose.ErrMalformed). Before, it made a Signer whose every
// AppendSign and AppendSignJSON failed.
func TestSignerUnprotectedRefused(t *testing.T) {
	key := jws.SigningKey{Alg: "HS256", Key: secret, Unprotected: []jose.Member{{Name: "x", Value: []byte(`1`)}}}
	if s, err := NewSigner(key); !errors.Is(err, jose.ErrMalformed) || s != nil {
		t.Errorf("NewSigner: %v, want jose.ErrMalformed", err)
	}
	if _, err := Sign(claimSet(), key); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("Sign: %v, want jose.ErrMalformed", err)
	}
}
