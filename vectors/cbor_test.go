package vectors

import (
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestCBORTestVectors runs the RFC 8949 Appendix A runner and fails on any
// failed case; all 82 items must pass.
func TestCBORTestVectors(t *testing.T) {
	dir := testenv.VectorsFile(t, "cbor-test-vectors")
	res, err := CBORTestVectors.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 {
		t.Fatalf("%d results", len(res))
	}
	r := res[0]
	for _, f := range r.Failures {
		t.Error(f)
	}
	if r.Cases != 82 || r.Passed != 82 || r.Skipped != 0 {
		t.Errorf("%s: %d cases, %d passed, %d failed, %d skipped; want 82 passed", filepath.Base(r.Name), r.Cases, r.Passed, r.Failed, r.Skipped)
	}
}
