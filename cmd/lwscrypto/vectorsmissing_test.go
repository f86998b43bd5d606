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

// TestVectorsNoCorpusIsUsageError: with no --dir, LWSCRYPTO_VECTORS unset
// and no corpus beside the module (the CLI installed and run elsewhere),
// vectors is a usage error (exit 2, the DESIGN.md contract for a command
// line that lacks what it needs, as for a missing --key) saying what it
// looked for, with a hint naming --dir and LWSCRYPTO_VECTORS. Before, the
// error said only "not inside the lwscrypto module".
func TestVectorsNoCorpusIsUsageError(t *testing.T) {
	t.Setenv("LWSCRYPTO_VECTORS", "")
	t.Chdir(t.TempDir())
	code, out, e := runCLI(t, "", "vectors")
	if code != 2 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 2", code, out, e)
	}
	for _, want := range []string{"error: no conformance corpus found: no --dir given, LWSCRYPTO_VECTORS is unset", "hint: pass --dir DIR", "or set LWSCRYPTO_VECTORS"} {
		if !strings.Contains(e, want) {
			t.Errorf("stderr %q lacks %q", e, want)
		}
	}
}
