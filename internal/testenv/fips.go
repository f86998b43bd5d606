package testenv

import (
	"context"
	"crypto/fips140"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// FIPSOnly reports whether the test runs under GODEBUG=fips140=only
// (crypto/fips140.Enforced), a setting Go reads once, at start-up. When it
// does, it returns true: the caller runs its checks and ends them with
// t.Log(done). When it does not, it runs exactly this test again (t.Name(),
// subtests included) in a child process of the test binary with
// GODEBUG=fips140=only, fails t if the child fails or its output lacks done
// (so a child that ran no checks is caught), and returns false: the caller
// returns. The child is killed when t's deadline or context ends, so it
// cannot outlive the parent.
func FIPSOnly(t *testing.T, done string) bool {
	t.Helper()
	if fips140.Enforced() {
		return true
	}
	elems := strings.Split(t.Name(), "/")
	for i, e := range elems {
		elems[i] = "^" + regexp.QuoteMeta(e) + "$"
	}
	out, err := FIPSChild(t, strings.Join(elems, "/"))
	if err != nil {
		t.Fatalf("child under fips140=only failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, done) {
		t.Fatalf("child under fips140=only did not run the checks (no %q):\n%s", done, out)
	}
	return false
}

// FIPSChild runs the tests that the -test.run pattern run selects, verbose,
// in a child process of the test binary with GODEBUG=fips140=only appended
// to the environment, and returns the child's combined output and its exit
// error. It is for a parent test that judges the child's output itself;
// FIPSOnly covers a test that re-runs itself. The child is killed when t's
// deadline (less a margin for the parent to report) or context ends.
func FIPSChild(t *testing.T, run string) (string, error) {
	t.Helper()
	ctx := t.Context()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-5*time.Second))
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run="+run, "-test.v")
	cmd.Env = append(os.Environ(), "GODEBUG=fips140=only")
	cmd.WaitDelay = time.Second
	out, err := cmd.CombinedOutput()
	return string(out), err
}
