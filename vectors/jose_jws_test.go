package vectors

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

func checkJWSResults(t *testing.T, res []Result) {
	t.Helper()
	for _, r := range res {
		t.Logf("%s: %d cases, %d passed, %d failed, %d skipped %v", r.Name, r.Cases, r.Passed, r.Failed, r.Skipped, r.SkipReasons)
		for _, f := range r.Failures {
			t.Errorf("%s: %s", r.Name, f)
		}
		if r.Cases == 0 {
			t.Errorf("%s: no cases", r.Name)
		}
	}
}

func TestJOSECookbookJWS(t *testing.T) {
	dir := testenv.VectorsFile(t, "jose-cookbook")
	res, err := JOSECookbookJWS.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 11 {
		t.Errorf("%d files, want 11 (8 JWS, 2 RFC 7797, 1 Ed25519)", len(res))
	}
	checkJWSResults(t, res)
}

func TestRFCJWS(t *testing.T) {
	res, err := RFCJWS.Run("", nil)
	if err != nil {
		t.Fatal(err)
	}
	checkJWSResults(t, res)
}

func TestWycheproofJWS(t *testing.T) {
	r := WycheproofJWS(testenv.VectorsFile(t, "wycheproof/testvectors_v1/json_web_signature_test.json"))
	if r.Cases != 401 {
		t.Errorf("%d cases, want 401", r.Cases)
	}
	checkJWSResults(t, []Result{r})
}
