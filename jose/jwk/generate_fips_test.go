package jwk

import (
	"crypto/fips140"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestGenerateUnderFIPSOnly: under GODEBUG=fips140=only, Generate of an
// X25519 key returned crypto/ecdh's bare error, which no jose sentinel
// matched; it is jose.ErrAlgorithm now (the algorithm is not allowed
// there), and approved algorithms still generate keys. The test re-runs
// itself in a child process, since the setting is read at start-up.
func TestGenerateUnderFIPSOnly(t *testing.T) {
	const done = "fips140=only Generate checks done"
	if !fips140.Enforced() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestGenerateUnderFIPSOnly$", "-test.v")
		cmd.Env = append(os.Environ(), "GODEBUG=fips140=only")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), done) {
			t.Fatalf("child under fips140=only: %v\n%s", err, out)
		}
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
