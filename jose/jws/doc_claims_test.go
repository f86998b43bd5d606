package jws

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestFlattenedTakesOneSignature: SignJSON and Message.JSON with flattened
// set write the flattened serialization of one signature and refuse more
// (jose.ErrMalformed); their godoc read as if several fell back to the
// general serialization.
func TestFlattenedTakesOneSignature(t *testing.T) {
	k := SigningKey{Alg: "HS256", Key: testKeys()["HS256"]}
	if _, err := SignJSON([]byte("p"), []SigningKey{k, k}, true, nil); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("SignJSON flattened with two keys: %v, want jose.ErrMalformed", err)
	}
	general, err := SignJSON([]byte("p"), []SigningKey{k, k}, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(general)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.JSON(true); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("Message.JSON(true) with two signatures: %v, want jose.ErrMalformed", err)
	}
	one, err := SignJSON([]byte("p"), []SigningKey{k}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m, err := Parse(one); err != nil || m.Form != FormFlattened {
		t.Errorf("SignJSON flattened with one key: %v", err)
	}
}

// TestKeySetNotCheckedAgainstAlgs: NewVerifier refuses a single key that
// fits none of algs, but not a key set whose keys fit none (a set may hold
// keys for other algorithms); a token then fails with jose.ErrKey.
func TestKeySetNotCheckedAgainstAlgs(t *testing.T) {
	ec, err := jwk.New(verifyKey("ES256"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewVerifier(ec, []string{"HS256"}); !errors.Is(err, jose.ErrKey) {
		t.Errorf("single EC key for HS256: %v, want jose.ErrKey", err)
	}
	v, err := NewVerifier(&jwk.Set{Keys: []*jwk.Key{ec}}, []string{"HS256"})
	if err != nil {
		t.Fatalf("set of an EC key for HS256: %v", err)
	}
	tok, err := Sign([]byte("p"), SigningKey{Alg: "HS256", Key: testKeys()["HS256"]}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(tok); !errors.Is(err, jose.ErrKey) {
		t.Errorf("verify with a set that fits no algorithm: %v, want jose.ErrKey", err)
	}
}

// TestUnprotectedOnlySignatureVerifies: the package doc says a JSON
// signature without a protected header, whose "alg" is in the unprotected
// "header", still verifies (RFC 7515 §7.2.1 allows it; the signing input
// is then "." and the payload), while the caller's algorithms still bind:
// the same signature under a Verifier for another algorithm is refused.
func TestUnprotectedOnlySignatureVerifies(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(".eA"))
	sig := jose.AppendBase64URL(nil, mac.Sum(nil))
	msg := []byte(`{"payload":"eA","header":{"alg":"HS256","kid":"k"},"signature":"` + string(sig) + `"}`)
	v, err := NewVerifier(secret, []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := v.Verify(msg)
	if err != nil || string(r.Payload) != "x" || r.Header.IsProtected("alg") {
		t.Fatalf("unprotected-only signature: %+v, %v", r, err)
	}
	v384, err := NewVerifier(bytes.Repeat([]byte{9}, 48), []string{"HS384"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v384.Verify(msg); !errors.Is(err, jose.ErrAlgorithm) {
		t.Errorf("HS256 signature under an HS384 verifier: %v, want jose.ErrAlgorithm", err)
	}
}
