package gencrypto_test

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestFIPSOnlyGenerateKey: the package doc promises that under
// GODEBUG=fips140=only every operation of an algorithm that is not approved
// (X25519 among them) returns an *UnsupportedError with NotApproved set.
// KeyAgreement.GenerateKey is such an operation, and must not hand back
// crypto/ecdh's plain error, which errors.Is cannot match to
// ErrUnsupported. The approved curves still generate keys. The test re-runs
// itself in a child process, since the setting is read at start-up.
func TestFIPSOnlyGenerateKey(t *testing.T) {
	if !testenv.FIPSOnly(t, "fips140=only GenerateKey checks done") {
		return
	}
	k, err := gencrypto.X25519().GenerateKey()
	var ue *gencrypto.UnsupportedError
	if k != nil || !errors.As(err, &ue) || !ue.NotApproved || !errors.Is(err, gencrypto.ErrUnsupported) {
		t.Errorf("X25519 GenerateKey under fips140=only: %v, %v; want *UnsupportedError with NotApproved", k, err)
	}
	for _, a := range []*gencrypto.KeyAgreement{gencrypto.ECDHP256(), gencrypto.ECDHP384(), gencrypto.ECDHP521()} {
		if k, err := a.GenerateKey(); err != nil || k == nil {
			t.Errorf("%s GenerateKey under fips140=only: %v", a, err)
		}
	}
	t.Log("fips140=only GenerateKey checks done")
}
