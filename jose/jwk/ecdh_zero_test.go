package jwk_test

import (
	"crypto/ecdh"
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestNewZeroECDHKeyRefused: the zero ecdh.PrivateKey and ecdh.PublicKey
// (no curve, no key) are jose.ErrKey from New, as a nil one is. On the
// base the zero *ecdh.PrivateKey panicked (its PublicKey method, reached
// because its nil curve is not X25519).
func TestNewZeroECDHKeyRefused(t *testing.T) {
	for _, k := range []any{&ecdh.PrivateKey{}, &ecdh.PublicKey{}} {
		var err error
		func() {
			defer func() {
				if p := recover(); p != nil {
					err = fmt.Errorf("panic: %v", p)
				}
			}()
			_, err = jwk.New(k)
		}()
		if !errors.Is(err, jose.ErrKey) {
			t.Errorf("New(zero %T): %v, want jose.ErrKey", k, err)
		}
	}
}
