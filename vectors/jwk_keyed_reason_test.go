package vectors

import (
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
)

// TestNonJOSEECDSARefusedOnlyByFailedVerification: a legacy ECDSA case
// signed with a hash its curve does not take in JOSE is refused as expected
// only when the curve's ES algorithm reports a failed verification
// (gencrypto.ErrVerify). Any other error — unsupported, a refused key or
// input, an error of no sentinel — says nothing of that refusal and fails
// the case.
func TestNonJOSEECDSARefusedOnlyByFailedVerification(t *testing.T) {
	tc := &keyedTest{TcID: 7, Result: "invalid"}
	for _, c := range []struct {
		err    error
		refuse bool
	}{
		{fmt.Errorf("x: %w", gencrypto.ErrVerify), true},
		{gencrypto.ErrUnsupported, false},
		{fmt.Errorf("x: %w", gencrypto.ErrKeySize), false},
		{errors.New("backend exploded"), false},
	} {
		var r Result
		judgeNonJOSEECDSA(&r, tc, "ES256", c.err)
		if got := r.Refused == 1 && r.Failed == 0; got != c.refuse {
			t.Errorf("verification error %v: %+v, want refused %v", c.err, r, c.refuse)
		}
		if !c.refuse && r.Failed != 1 {
			t.Errorf("verification error %v: %+v, want the case failed", c.err, r)
		}
	}
}

// TestJWKCurveSkipNeedsTheUnsupportedCurveRefusal: a secp256k1 ("P-256K")
// case is skipped as not built yet only when jose/jwk refuses its key for
// the unsupported curve; a key refused for another reason (jose.ErrKey
// with another cause, or another error), or a curve other than secp256k1,
// fails it.
func TestJWKCurveSkipNeedsTheUnsupportedCurveRefusal(t *testing.T) {
	tc := &keyedTest{TcID: 9}
	curveErr := fmt.Errorf("jwk: unsupported EC curve \"P-256K\": %w", jose.ErrKey)
	for _, c := range []struct {
		curve string
		err   error
		skip  bool
	}{
		{"P-256K", curveErr, true},
		{"secp256k1", curveErr, true},
		{"P-256K", fmt.Errorf("jwk: \"x\" is empty: %w", jose.ErrKey), false},
		{"P-256K", errors.New("jwk: something else"), false},
		{"P-256K", nil, false},
		{"P-257", fmt.Errorf("jwk: unsupported EC curve \"P-257\": %w", jose.ErrKey), false},
	} {
		var r Result
		judgeJWKCurveSkip(&r, tc, c.curve, c.err)
		if got := r.Skipped == 1 && r.Failed == 0; got != c.skip {
			t.Errorf("curve %s, jwk error %v: %+v, want skipped %v", c.curve, c.err, r, c.skip)
		}
		if !c.skip && r.Failed != 1 {
			t.Errorf("curve %s, jwk error %v: %+v, want the case failed", c.curve, c.err, r)
		}
	}
}
