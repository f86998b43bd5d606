package lecp

import (
	"os/exec"
	"strings"
	"testing"
)

// sharedUTF8 is the one package of the module lecp may import: its UTF-8
// validator, which imports the standard library only (internal/layering
// checks that; lejp may not import it).
const sharedUTF8 = "github.com/lwscrypto/lwscrypto/internal/utf8simd"

// TestStandardLibraryOnly enforces DESIGN.md's layering rule for lecp: its
// non-test code imports nothing but the standard library and the shared
// UTF-8 validator (in the GOEXPERIMENT=simd build), and not unsafe.
func TestStandardLibraryOnly(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipping: no go command on PATH to list dependencies")
	}
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if p != "github.com/lwscrypto/lwscrypto/lecp" && p != sharedUTF8 {
			t.Errorf("lecp depends on %s; only the standard library (and internal/utf8simd) is allowed", p)
		}
	}
	imp, err := exec.Command(gobin, "list", "-f", `{{join .Imports "\n"}}`, ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(imp)) {
		if p == "unsafe" {
			t.Errorf("lecp imports unsafe")
		}
	}
}
