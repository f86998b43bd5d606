package vectors

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestWycheproofJSONWebCryptoJWS checks that the JWS groups of Wycheproof
// json_web_crypto_test.json (HS256, ES256 and RS256 tokens, a ROCA key, key
// sets: 49 cases) are run by the Wycheproof runner and pass, and that only
// its JWE cases are skipped, as JWE is not built. Each JWS case must be
// judged, not skipped as "run by the JOSE runners" when no runner runs it.
func TestWycheproofJSONWebCryptoJWS(t *testing.T) {
	const name = "json_web_crypto_test.json"
	path := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1", name)
	var wf wFile
	if err := loadJSON(path, &wf); err != nil {
		t.Fatal(err)
	}
	r := runWycheproofFile(path, name, "wycheproof/"+name, Backends())
	if r.Failed != 0 {
		t.Errorf("%d failed:\n\t%s", r.Failed, strings.Join(r.Failures, "\n\t"))
	}
	if r.Cases != wf.NumberOfTests {
		t.Errorf("%d cases, numberOfTests %d", r.Cases, wf.NumberOfTests)
	}
	const jwsCases, jweCases = 49, 34
	if r.Passed != jwsCases || r.Skipped != jweCases {
		t.Errorf("passed %d, skipped %d (%v); want the %d JWS cases passed and the %d JWE cases skipped",
			r.Passed, r.Skipped, r.SkipReasons, jwsCases, jweCases)
	}
	for why := range r.SkipReasons {
		if !strings.Contains(why, "JWE") {
			t.Errorf("skip reason %q is not about JWE", why)
		}
	}
}
