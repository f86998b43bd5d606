package vectors

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestNotYetBuiltIsSkippedNotRefused: secp256k1 (ES256K) and Ed448 are
// algorithms lwscrypto has not built yet (gencrypto's "Not supported, and
// why", jose/jwk's "not supported yet", the README's "Not yet"), not ones
// it refuses on purpose. Their cases are skipped with that reason, after
// seeing jose/jwk refuse the key, and never counted as passed "refused by
// design".
func TestNotYetBuiltIsSkippedNotRefused(t *testing.T) {
	dir := testenv.Vectors(t)
	check := func(r Result, minSkipped int) {
		t.Helper()
		if r.Failed != 0 {
			t.Errorf("%s: %q", r.Name, r.Failures)
		}
		for why := range r.RefuseReasons {
			if strings.Contains(why, "secp256k1") || strings.Contains(why, "Ed448") {
				t.Errorf("%s: counted refused by design: %q", r.Name, why)
			}
		}
		n := 0
		for why, k := range r.SkipReasons {
			if strings.Contains(why, "not built yet") {
				n += k
			}
		}
		if n < minSkipped {
			t.Errorf("%s: %d cases skipped as not built yet, want at least %d: %+v", r.Name, n, minSkipped, r.SkipReasons)
		}
	}
	check(wycheproofJWKKeyed(filepath.Join(dir, "wycheproof", "testvectors_v1", "ecdh_secp256k1_webcrypto_test.json")), 400)
	check(wycheproofJWKKeyed(filepath.Join(dir, "wycheproof", "testvectors_legacy", "ecdsa_webcrypto_test.json")), 1)
	for _, f := range []string{"eddsa-examples/eddsa-02.json", "eddsa-examples/eddsa-sig-02.json"} {
		check(runCOSEFile(filepath.Join(dir, "cose-wg-examples", filepath.FromSlash(f)), "cose-wg-examples/"+f), 1)
	}
}
