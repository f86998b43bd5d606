package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// A corpus directory missing some corpus folders is refused before any
// corpus runs, naming every missing folder. Before the fix vectors ran
// the corpora in order (about 20 s of Wycheproof here), then stopped at
// the first missing folder, printing no report and naming only that one.
func TestVectorsMissingCorporaNamedUpFront(t *testing.T) {
	vec := testenv.Vectors(t)
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(vec, "wycheproof"), filepath.Join(dir, "wycheproof")); err != nil {
		t.Fatal(err)
	}
	code, out, e := runCLI(t, "", "vectors", "--dir", dir)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and no report", code, out, e)
	}
	for _, name := range []string{"jose-cookbook", "cose-wg-examples", "JSONTestSuite", "cbor-test-vectors"} {
		if !strings.Contains(e, name) {
			t.Errorf("stderr does not name the missing %s: %q", name, e)
		}
	}
	if strings.Contains(e, "wycheproof") {
		t.Errorf("stderr names wycheproof, which is there: %q", e)
	}
}
