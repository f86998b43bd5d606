package vectors

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
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
		c.refuse(&wTest{TcID: 1, Result: tc.result}, gencrypto.PrimRSAPSS, "why", "", func(gencrypto.Backend) error { return tc.err })
		if tc.refused && (res.Refused != 1 || res.Failed != 0) || !tc.refused && (res.Failed != 1 || res.Refused != 0) {
			t.Errorf("%s case refused with %v: %+v refused %d, want refused %v", tc.result, tc.err, tallyOf(res), res.Refused, tc.refused)
		}
	}
}

// TestRefusalLandingIsOnlyTheSaltChange: in a PSS group whose salt length
// the library does not offer, the one invalid case that may verify under
// the pinned parameters is the one whose modification sets the salt length
// to the hash length ("s_len changed to 32" in a zero-salt SHA-256 group,
// tcId 69); any other invalid case accepted there is a malformed signature
// accepted, and fails rather than being skipped. Here tcId 69 keeps its
// data but names another modification.
func TestRefusalLandingIsOnlyTheSaltChange(t *testing.T) {
	const file = "rsa_pss_2048_sha256_mgf1_0_test.json"
	src := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1", file)
	orig := runWycheproofFile(src, file, "wycheproof/"+file, Backends())
	if orig.Failed != 0 || orig.SkipReasons[landsOnPinned] != 1 {
		t.Fatalf("%s: %+v %v", file, tallyOf(orig), orig.SkipReasons)
	}
	dst := filepath.Join(t.TempDir(), file)
	wycheproofMutate(t, src, dst, func(_, c map[string]any) {
		if c["tcId"] == float64(69) {
			c["comment"] = "first byte of masked_db changed to 0"
		}
	})
	if r := runWycheproofFile(dst, file, "wycheproof/"+file, Backends()); r.Failed != 1 || r.SkipReasons[landsOnPinned] != 0 {
		t.Errorf("tcId 69 renamed: %+v %v, want it failed", tallyOf(r), r.SkipReasons)
	}
}
