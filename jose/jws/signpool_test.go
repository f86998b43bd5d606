package jws

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestSignerMACPoolFailure: when the HMAC key cannot be made, signing is
// jose.ErrKey with the cause, as the Verifier's pool already answers, not a
// panic. The default backend cannot fail here, so the test is internal: it
// gives the pool a constructor that fails the way the Signer's now reports
// it (the error in place of the key). On the base the constructor dropped
// the error and handed out a nil *MACKey, and sign asserted the pool's
// value to be a key, so this panics.
func TestSignerMACPoolFailure(t *testing.T) {
	s, err := NewSigner(SigningKey{Alg: "HS256", Key: []byte("0123456789abcdef0123456789abcdef")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	lost := errors.New("backend session lost")
	s.macs.New = func() any { return lost }
	var out []byte
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = errors.New("panic")
			}
		}()
		out, err = s.AppendCompact(nil, []byte("x"))
	}()
	if !errors.Is(err, jose.ErrKey) || !errors.Is(err, lost) || len(out) != 0 {
		t.Fatalf("%q, %v; want jose.ErrKey wrapping the cause", out, err)
	}
}
