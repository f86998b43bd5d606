package jws

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestInvalidKeyNotReportedAsWrongType: a key of the right type that is no
// valid key (an ECDSA point off its curve) is jose.ErrKey saying "invalid
// key", not "key type does not match the algorithm", which sent the
// caller looking for a type mix-up. Before, every CheckPublicKey error but
// ErrKeySize was reported as a wrong type.
func TestInvalidKeyNotReportedAsWrongType(t *testing.T) {
	off := &ecdsa.PublicKey{Curve: elliptic.P256(), X: big.NewInt(1), Y: big.NewInt(1)}
	_, err := NewVerifier(off, []string{"ES256"})
	if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "invalid key") || strings.Contains(err.Error(), "type does not match") {
		t.Fatalf("NewVerifier(a P-256 point off the curve): %v; want jose.ErrKey saying invalid key", err)
	}
}
