package jws

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"errors"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// nilParamsCurve is an elliptic.Curve whose Params is nil, as a broken
// or partial implementation may have.
type nilParamsCurve struct{ elliptic.Curve }

func (nilParamsCurve) Params() *elliptic.CurveParams { return nil }

// TestBindErrorOfCurveWithoutParams: the key-binding error names the
// curve of an *ecdsa.PublicKey it refuses; for a curve whose Params is nil
// it must still be jose.ErrKey, not a nil dereference while the message
// is built.
func TestBindErrorOfCurveWithoutParams(t *testing.T) {
	pub := &ecdsa.PublicKey{Curve: nilParamsCurve{}, X: big.NewInt(1), Y: big.NewInt(2)}
	_, err := NewVerifier(pub, []string{"ES256"})
	if !errors.Is(err, jose.ErrKey) {
		t.Fatalf("NewVerifier: %v; want jose.ErrKey", err)
	}
}
