package jws

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestVerifierReadsSetOnce pins what NewVerifier's godoc says of a
// *jwk.Set: it is read when the Verifier is made, so a key appended to
// Keys later is not used, and one removed later still is. A newcomer
// rotating keys by editing the set in place would otherwise expect both.
func TestVerifierReadsSetOnce(t *testing.T) {
	k1, err := jwk.Generate("EdDSA", nil)
	if err != nil {
		t.Fatal(err)
	}
	k2, err := jwk.Generate("EdDSA", nil)
	if err != nil {
		t.Fatal(err)
	}
	k1.Kid, k2.Kid = "1", "2"
	set := &jwk.Set{Keys: []*jwk.Key{k1}}
	v, err := NewVerifier(set, []string{"EdDSA"})
	if err != nil {
		t.Fatal(err)
	}
	t1, _ := Sign([]byte("x"), SigningKey{Alg: "EdDSA", Key: k1}, nil)
	t2, _ := Sign([]byte("x"), SigningKey{Alg: "EdDSA", Key: k2}, nil)

	set.Keys = []*jwk.Key{k2}
	if _, err := v.Verify(t2); !errors.Is(err, jose.ErrKey) {
		t.Errorf("token of a key added to the set after NewVerifier: %v; want jose.ErrKey (not seen)", err)
	}
	if _, err := v.Verify(t1); err != nil {
		t.Errorf("token of a key removed from the set after NewVerifier: %v; want it still verified", err)
	}
}
