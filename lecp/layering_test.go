package lecp

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStandardLibraryOnly enforces DESIGN.md's layering rule for lecp: its
// non-test code imports nothing but the standard library, and not unsafe.
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
		if p != "github.com/lwscrypto/lwscrypto/lecp" {
			t.Errorf("lecp depends on %s; only the standard library is allowed", p)
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
