package lejp

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStandardLibraryOnly enforces DESIGN.md's layering rule for lejp: it
// imports nothing but the standard library.
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
		if p != "github.com/lwscrypto/lwscrypto/lejp" {
			t.Errorf("lejp depends on %s; only the standard library is allowed", p)
		}
	}
	if strings.Contains(string(mustList(t, gobin)), "unsafe\n") {
		t.Errorf("lejp imports unsafe directly")
	}
}

func mustList(t *testing.T, gobin string) []byte {
	out, err := exec.Command(gobin, "list", "-f", `{{join .Imports "\n"}}`+"\n", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	return out
}
