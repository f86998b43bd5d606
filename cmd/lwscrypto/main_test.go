package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
)

// TestMain lets the test binary act as the lwscrypto command inside scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"lwscrypto": func() { handleSignals(); os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the black-box CLI tests in testdata/script: each .txtar
// file is a script of lwscrypto invocations with expected exit codes,
// standard output and standard error. $VECTORS is the conformance corpus
// (empty when it is absent; scripts that need it guard with
// [!env:VECTORS] skip or, under CI, fail through the Go tests instead).
func TestScripts(t *testing.T) {
	vec, _ := corpus.Dir()
	vars := map[string]string{"VECTORS": vec}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			for k, v := range vars {
				env.Setenv(k, v)
			}
			return nil
		},
		// [env:NAME] holds when NAME is set non-empty, by Setup or in the
		// test's environment (testscript has no such condition of its own).
		Condition: func(cond string) (bool, error) {
			name, ok := strings.CutPrefix(cond, "env:")
			if !ok {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			if v, set := vars[name]; set {
				return v != "", nil
			}
			return os.Getenv(name) != "", nil
		},
	})
}

// runCLI runs the CLI in process and returns its exit status, standard
// output and standard error, for tests that check exact exit codes.
func runCLI(t testing.TB, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb strings.Builder
	code := Main(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// mustRunCLI runs the CLI as runCLI does and returns its standard output,
// failing the test unless it exits 0.
func mustRunCLI(t testing.TB, stdin string, args ...string) string {
	t.Helper()
	code, out, errOut := runCLI(t, stdin, args...)
	if code != 0 {
		t.Fatalf("lwscrypto %v: exit %d: %s", args, code, errOut)
	}
	return out
}

func TestExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"version"}, 0},
		{[]string{"help"}, 0},
		{[]string{}, 2},
		{[]string{"nosuch"}, 2},
		{[]string{"version", "extra"}, 2},
	} {
		if code, _, errOut := runCLI(t, "", tc.args...); code != tc.code {
			t.Errorf("lwscrypto %v: exit %d, want %d (stderr %q)", tc.args, code, tc.code, errOut)
		}
	}
}
