package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// When two things would both be read from standard input, the hint says
// how to give the second one as a file. Before the fix it always said
// "with --key -, give the input as FILE", also when --key was a file and
// the clash was between the token and --payload -, or --key - and
// --claims @-.
func TestStdinClashHints(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	keyText, err := os.ReadFile(key)
	if err != nil {
		t.Fatal(err)
	}
	tok := filepath.Join(dir, "t")
	if err := os.WriteFile(tok, []byte(mustRunCLI(t, "p", "jws", "sign", "--key", key, "--detached")), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		hint string
	}{
		{[]string{"jws", "verify", "--key", key, "--payload", "-"}, "hint: give the JWS as FILE or the payload as --payload FILE"},
		{[]string{"jws", "verify", "--key", "-", "--payload", "-", tok}, "hint: give the key or the payload as a file"},
		{[]string{"jws", "verify", "--key", "-"}, "hint: with --key -, give the input as FILE"},
		{[]string{"jwt", "sign", "--key", "-", "--claims", "@-"}, "hint: give the key or the claims as a file"},
	} {
		code, _, e := runCLI(t, string(keyText), c.args...)
		if code != 2 || !strings.Contains(e, c.hint+"\n") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, e, c.hint)
		}
	}
}
