package jws

import (
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
