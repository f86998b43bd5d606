package layering

import (
	"os"
	"os/exec"
	"testing"
)

// TestBuilds32Bit builds every package of the module for GOARCH=386, where
// int is 32 bits: a constant that does not fit an int there (an Options
// literal with a limit of 1<<40, a length compared with 1<<32-1) stops the
// package, and the CLI that imports it, from building on 32-bit platforms,
// which the other tests, run on a 64-bit machine, never see. On a fresh
// machine it first builds the standard library for 386 (about 20 s on two
// cores); afterwards the build cache makes it quick.
func TestBuilds32Bit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the module and the standard library for GOARCH=386 (about 20 s on a fresh machine); run without -short")
	}
	cmd := exec.Command("go", "build", module+"/...")
	cmd.Env = append(os.Environ(), "GOARCH=386", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("GOARCH=386 go build: %v\n%s", err, out)
	}
}
