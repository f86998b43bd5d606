package jwk

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
)

// TestGenerateUnderFIPSOnly: under GODEBUG=fips140=only, Generate of an
// X25519 key returned crypto/ecdh's bare error, which no jose sentinel
// matched; it is jose.ErrAlgorithm now (the algorithm is not allowed
// there), and approved algorithms still generate keys. The test re-runs
// itself in a child process, since the setting is read at start-up.
func TestGenerateUnderFIPSOnly(t *testing.T) {
	const done = "fips140=only Generate checks done"
	if !testenv.FIPSOnly(t, done) {
		return
	}
	k, err := Generate("ECDH-ES", &GenerateOptions{Curve: CurveX25519})
	if k != nil || !errors.Is(err, jose.ErrAlgorithm) {
		t.Errorf("X25519 under fips140=only: %v, %v; want jose.ErrAlgorithm", k, err)
	}
	for _, alg := range []string{"ES256", "EdDSA", "RS256", "HS256"} {
		if k, err := Generate(alg, nil); err != nil || k == nil {
			t.Errorf("%s under fips140=only: %v", alg, err)
		}
	}
	t.Log(done)
}
