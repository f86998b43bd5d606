package jws

// Defects found by the session 9 review of the JSON serializations, RFC
// 7797 and the verifier's options; each test failed before its fix.

import (
	"bytes"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRequireTypeProtected: RequireType is satisfied only by a protected
// "typ". In a JSON serialization the unprotected header is not signed, so
// anyone can add "typ": "JWT" to it and pass a JWS of another type off as
// the required one (RFC 8725 §3.11, explicit typing, needs the type under
// the signature). Before, an unprotected "typ" passed RequireType.
func TestRequireTypeProtected(t *testing.T) {
	secret := testKeys()["HS256"]
	v := must(NewVerifier(verifyKey("HS256"), []string{"HS256"}, RequireType("JWT")))
	unprot := []jose.Member{{Name: "typ", Value: []byte(`"JWT"`)}}
	for _, flattened := range []bool{true, false} {
		js, err := SignJSON([]byte("p"), []SigningKey{{Alg: "HS256", Key: secret, Unprotected: unprot}}, flattened, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(js); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("unprotected typ (flattened %v): %v, want ErrMalformed", flattened, err)
		}
		each, _, err := v.VerifyEach(js)
		if err != nil || each[0].Err == nil {
			t.Errorf("VerifyEach, unprotected typ (flattened %v): %v", flattened, err)
		}
		if _, err := v.VerifyAll(js); err == nil {
			t.Errorf("VerifyAll, unprotected typ (flattened %v) verified", flattened)
		}
		det, err := SignJSON([]byte("p"), []SigningKey{{Alg: "HS256", Key: secret, Unprotected: unprot}}, flattened, &SignOptions{Detached: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.VerifyDetached(det, []byte("p")); err == nil {
			t.Errorf("VerifyDetached, unprotected typ (flattened %v) verified", flattened)
		}
		if _, err := v.VerifyReader(det, bytes.NewReader([]byte("p"))); err == nil {
			t.Errorf("VerifyReader, unprotected typ (flattened %v) verified", flattened)
		}
	}
	// the same typ, protected, passes on every form
	for _, flattened := range []bool{true, false} {
		js, err := SignJSON([]byte("p"), []SigningKey{{Alg: "HS256", Key: secret, Type: "JWT"}}, flattened, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(js); err != nil {
			t.Errorf("protected typ (flattened %v): %v", flattened, err)
		}
	}
}

// TestJSONUnencodedNotUTF8: Message.JSON refuses an attached unencoded
// payload that is not UTF-8 (a compact JWS may carry one), as SignJSON
// does: a JSON string cannot hold those bytes, and the writer would put
// U+FFFD in their place, so the JSON serialization it returned carried
// another payload and no longer verified. Before, JSON returned it.
func TestJSONUnencodedNotUTF8(t *testing.T) {
	secret := testKeys()["HS256"]
	v := must(NewVerifier(verifyKey("HS256"), []string{"HS256"}))
	tok, err := Sign([]byte("a\xffb"), SigningKey{Alg: "HS256", Key: secret}, &SignOptions{Unencoded: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(tok); err != nil {
		t.Fatal(err)
	}
	m, err := ParseCompact(tok)
	if err != nil {
		t.Fatal(err)
	}
	for _, flattened := range []bool{true, false} {
		if js, err := m.JSON(flattened); !errors.Is(err, jose.ErrMalformed) {
			_, verr := v.Verify(js)
			t.Errorf("JSON(%v) = %s, %v (verifies: %v), want ErrMalformed", flattened, js, err, verr)
		}
	}
	// UTF-8 text converts and verifies
	tok, _ = Sign([]byte("é\"\\"), SigningKey{Alg: "HS256", Key: secret}, &SignOptions{Unencoded: true})
	m, _ = ParseCompact(tok)
	for _, flattened := range []bool{true, false} {
		js, err := m.JSON(flattened)
		if err != nil {
			t.Fatal(err)
		}
		if r, err := v.Verify(js); err != nil || string(r.Payload) != "é\"\\" {
			t.Errorf("JSON(%v): %v", flattened, err)
		}
	}
}

// TestEmptyAllowListSentinel: NewVerifier without algorithms fails with an
// error that wraps jose.ErrAlgorithm, as package jose documents for every
// error of the JOSE packages and as an allow-list naming an unknown
// algorithm does. Before, it matched no sentinel.
func TestEmptyAllowListSentinel(t *testing.T) {
	for _, algs := range [][]string{nil, {}} {
		if _, err := NewVerifier(verifyKey("HS256"), algs); !errors.Is(err, jose.ErrAlgorithm) {
			t.Errorf("NewVerifier(key, %#v): %v, want ErrAlgorithm", algs, err)
		}
	}
}

// TestSignReaderUnprotected: SignReader returns a compact serialization,
// which has no unprotected header, so it refuses a SigningKey with
// Unprotected members as AppendCompact does. Before, it signed and
// silently left them out.
func TestSignReaderUnprotected(t *testing.T) {
	k := SigningKey{Alg: "HS256", Key: testKeys()["HS256"], Unprotected: []jose.Member{{Name: "kid", Value: []byte(`"a"`)}}}
	for _, opts := range []*SignOptions{nil, {Unencoded: true}} {
		if tok, err := SignReader(bytes.NewReader([]byte("p")), k, opts); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("SignReader (%+v): %s, %v, want ErrMalformed", opts, tok, err)
		}
	}
	if _, err := Sign([]byte("p"), k, &SignOptions{Detached: true}); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("Sign, detached: %v, want ErrMalformed", err)
	}
}
