package vectors

import (
	"crypto/fips140"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestCookbookJWEFIPSOnlySkipsWithoutFailing: under GODEBUG=fips140=only
// the cookbook's X25519 ECDH-ES example (curve25519/ecdh-es.json) has its
// recipient refused by policy, which leaves no CEK for its content case:
// both are skipped for FIPS 140-only mode, and no cookbook JWE case fails.
// It re-runs itself in a child process, since the setting is read at
// start-up.
func TestCookbookJWEFIPSOnlySkipsWithoutFailing(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "jose-cookbook")
	if !fips140.Enforced() && testing.Short() {
		t.Skip("runs the cookbook JWE examples in a child process")
	}
	if !testenv.FIPSOnly(t, "fips140=only cookbook JWE checked") {
		return
	}
	res, err := JOSECookbookJWE.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := false
	for _, r := range res {
		if r.Failed != 0 {
			t.Errorf("%s: %+v, want no failure under fips140=only", r.Name, r.Failures)
		}
		if strings.HasSuffix(r.Name, "curve25519/ecdh-es.json") {
			seen = true
			if r.SkipReasons[skipFIPS] != 2 || r.Passed != 0 {
				t.Errorf("%s: passed %d, skipped %v; want its recipient and content skipped for FIPS", r.Name, r.Passed, r.SkipReasons)
			}
		}
	}
	if !seen {
		t.Error("curve25519/ecdh-es.json not run")
	}
	t.Log("fips140=only cookbook JWE checked")
}
