package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVectorsNoCorpusSaysWhere: with no corpus named, vectors says where
// it looked: the ../shared/vectors beside the module it runs in, once; or,
// outside the module, that there is no module to look beside. On the
// base it said "there is no ../shared/vectors beside the module (not
// inside the lwscrypto module)" outside it, and inside it repeated
// "LWSCRYPTO_VECTORS is unset".
func TestVectorsNoCorpusSaysWhere(t *testing.T) {
	t.Setenv("LWSCRYPTO_VECTORS", "")
	t.Chdir(t.TempDir())
	_, _, e := runCLI(t, "", "vectors")
	if !strings.Contains(e, "not inside the lwscrypto module") || strings.Contains(e, "beside the module (") {
		t.Errorf("outside the module: %q", e)
	}
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module github.com/lwscrypto/lwscrypto\n\ngo 1.26\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(mod)
	code, _, e := runCLI(t, "", "vectors")
	want := filepath.Join(filepath.Dir(mod), "shared", "vectors")
	if code != 2 || strings.Count(e, "LWSCRYPTO_VECTORS is unset") != 1 || !strings.Contains(e, want) {
		t.Errorf("inside a module without a corpus: exit %d, %q; want exit 2 naming %s, LWSCRYPTO_VECTORS once", code, e, want)
	}
}
