package vectors

import (
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

func checkResults(t *testing.T, res []Result) {
	t.Helper()
	for _, r := range res {
		if r.Failed > 0 || r.Cases == 0 {
			t.Errorf("%s: %d cases, %d failed: %v", r.Name, r.Cases, r.Failed, r.Failures)
		}
		t.Logf("%s: %d cases, %d passed, %d skipped %v", r.Name, r.Cases, r.Passed, r.Skipped, r.SkipReasons)
	}
}

func TestCookbookJWK(t *testing.T) {
	dir := testenv.VectorsFile(t, "jose-cookbook")
	res, err := JOSECookbookJWK.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 7 {
		t.Errorf("%d results, want 6 JWK files and the examples", len(res))
	}
	checkResults(t, res)
}

func TestRFCJWK(t *testing.T) {
	res, err := RFCJWK.Run("", nil)
	if err != nil {
		t.Fatal(err)
	}
	checkResults(t, res)
}

func TestWycheproofJWK(t *testing.T) {
	p := testenv.VectorsFile(t, filepath.Join("wycheproof", "testvectors_v1", "json_web_key_test.json"))
	r := wycheproofJWK(p)
	if r.Cases != 26 || r.Passed != 26 {
		t.Errorf("%d cases, %d passed, want 26: %v", r.Cases, r.Passed, r.Failures)
	}
	checkResults(t, []Result{r})
}

func TestWycheproofJWKKeyed(t *testing.T) {
	dir := testenv.VectorsFile(t, "wycheproof")
	res, err := WycheproofJWKKeyed.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkResults(t, res)
}
