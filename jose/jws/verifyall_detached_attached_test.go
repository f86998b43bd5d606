package jws_test

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestVerifyAllDetachedRefusesAttachedCompact: a compact JWS that carries
// its payload, encoded or not, is jose.ErrMalformed from VerifyAllDetached
// and VerifyEachDetached whatever payload the caller gives — the embedded
// one, another, or none — never verified against either (catalog row 35:
// a detached call must not take a message with a payload). Only the JSON
// form of this was tested; a mutant that let a compact message through
// detach() checked the embedded payload and ignored the caller's.
func TestVerifyAllDetachedRefusesAttachedCompact(t *testing.T) {
	e, _, v := detachedKeys(t)
	for _, unencoded := range []bool{false, true} {
		tok, err := jws.Sign([]byte("embedded"), jws.SigningKey{Alg: "ES256", Key: e}, &jws.SignOptions{Unencoded: unencoded})
		if err != nil {
			t.Fatal(err)
		}
		for _, payload := range [][]byte{[]byte("embedded"), []byte("other"), nil} {
			if res, err := v.VerifyAllDetached(tok, payload); !errors.Is(err, jose.ErrMalformed) || res != nil {
				t.Errorf("unencoded=%v, payload %q: VerifyAllDetached: %v, %v; want jose.ErrMalformed", unencoded, payload, res, err)
			}
			if res, err := v.VerifyEachDetached(tok, payload); !errors.Is(err, jose.ErrMalformed) || res != nil {
				t.Errorf("unencoded=%v, payload %q: VerifyEachDetached: %v, %v; want jose.ErrMalformed", unencoded, payload, res, err)
			}
		}
	}
}
