package vectors

import (
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestRefusalNeedsVerificationFailure: a case with parameters the library
// does not offer counts as refused only when the pinned operation fails as
// a verification failure (gencrypto.ErrVerify, or a Backend primitive's
// own verification error), the only way such a case can fail there; a key
// or input refused (wrong type or size, malformed) is a defect the
// refusal would otherwise hide, and fails the case.
func TestRefusalNeedsVerificationFailure(t *testing.T) {
	for _, tc := range []struct {
		result  string
		err     error
		refused bool
	}{
		{"valid", fmt.Errorf("x: %w", gencrypto.ErrVerify), true},
		{"invalid", gencrypto.ErrVerify, true},
		{"valid", fmt.Errorf("x: %w", gencrypto.ErrKeySize), false},
		{"valid", gencrypto.ErrInvalidKey, false},
		{"invalid", gencrypto.ErrKeyType, false},
		{"valid", fmt.Errorf("x: %w", gencrypto.ErrInvalidInput), false},
		{"valid", errors.New("std: signature verification failed"), true},
	} {
		var res Result
		c := &wctx{res: &res, backends: Backends()}
		c.refuse(&wTest{TcID: 1, Result: tc.result}, gencrypto.PrimRSAPSS, "why", func(gencrypto.Backend) error { return tc.err })
		if tc.refused && (res.Refused != 1 || res.Failed != 0) || !tc.refused && (res.Failed != 1 || res.Refused != 0) {
			t.Errorf("%s case refused with %v: %+v refused %d, want refused %v", tc.result, tc.err, tallyOf(res), res.Refused, tc.refused)
		}
	}
}
