package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/vectors"
)

// A corpus directory holding every corpus folder, one of them incomplete
// (wycheproof/ without its testvectors_v1/), fails naming what is
// missing inside it. Before the fix the hint said "the corpus directory
// must hold every corpus folder", which it did: that hint was printed for
// any error of the run, and is now only for a folder that is missing.
func TestVectorsFolderHintOnlyForMissingFolder(t *testing.T) {
	dir := t.TempDir()
	for _, rn := range vectors.Runners() {
		if !rn.Builtin {
			if err := os.MkdirAll(filepath.Join(dir, rn.Name), 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	code, out, e := runCLI(t, "", "vectors", "--dir", dir)
	if code != 1 || out != "" || !strings.Contains(e, "error: ") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and an error", code, out, e)
	}
	if strings.Contains(e, "every corpus folder") {
		t.Errorf("every corpus folder is there, but the hint says one is missing: %q", e)
	}
	// A missing folder still gets the hint.
	if err := os.Remove(filepath.Join(dir, "jose-cookbook")); err != nil {
		t.Fatal(err)
	}
	if _, _, e := runCLI(t, "", "vectors", "--dir", dir); !strings.Contains(e, "jose-cookbook") || !strings.Contains(e, "every corpus folder") {
		t.Errorf("jose-cookbook missing: stderr %q; want it named, with the hint", e)
	}
}
