package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A flag that takes one value given twice ("--iss other --iss me", "--key a
// --key b") is a usage error (exit 2) naming it. Before the fix the last
// one silently won: "jwt verify --iss other --iss me" accepted a token
// from "me", though --aud, which does repeat, means "any of them" and
// --iss looks the same on the command line. Flags documented as
// repeatable (--aud, --pattern, and since jwt verify takes several
// issuers, its --iss: any of them, as --aud) and boolean flags still may
// repeat.
func TestRepeatedFlagRefused(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "h.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	tok := mustRunCLI(t, "", "jwt", "sign", "--key", key, "--iss", "me", "--aud", "a")
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"jwt", "verify", "--key", key, "--aud", "a", "--leeway", "1s", "--leeway", "1h"}, "--leeway"},
		{[]string{"jwt", "sign", "--key", key, "--iss", "other", "--iss", "me"}, "--iss"},
		{[]string{"jwt", "verify", "--key", key, "--key", key, "--aud", "a"}, "--key"},
		{[]string{"jws", "verify", "--key", key, "-", "--alg", "HS256", "--alg=HS384"}, "--alg"},
		{[]string{"json", "get", "a", "--max-depth", "3", "-max-depth=4"}, "--max-depth"},
		{[]string{"json", "check", "-o", filepath.Join(dir, "x"), "-o", filepath.Join(dir, "y")}, "-o"},
	} {
		code, out, e := runCLI(t, tok, tc.args...)
		if code != 2 || out != "" || !strings.Contains(e, tc.flag+" given twice") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 saying %s was given twice", tc.args, code, out, e, tc.flag)
		}
	}
	// --alg given twice where it takes a list says how to give several;
	// where it takes one, it does not
	if _, _, e := runCLI(t, tok, "jws", "verify", "--key", key, "--alg", "HS256", "--alg", "HS384"); !strings.Contains(e, "comma-separated list") {
		t.Errorf("jws verify --alg twice: hint %q, want the comma-separated list", e)
	}
	if _, _, e := runCLI(t, "x", "jws", "sign", "--key", key, "--alg", "HS256", "--alg", "HS384"); strings.Contains(e, "comma-separated") || !strings.Contains(e, "give it once") {
		t.Errorf("jws sign --alg twice: hint %q", e)
	}
	// Repeatable flags, and a boolean flag twice, are fine.
	mustRunCLI(t, tok, "jwt", "verify", "--key", key, "--aud", "b", "--aud", "a", "--iss", "me")
	mustRunCLI(t, tok, "jwt", "verify", "--key", key, "--aud", "a", "--iss", "other", "--iss", "me")
	mustRunCLI(t, `{"a":1}`, "json", "events", "--pattern", "a", "--pattern", "b")
	mustRunCLI(t, tok, "jwt", "inspect", "--json", "--json")
	// -h still prints the usage, flag defaults included.
	if out := mustRunCLI(t, "", "jwt", "verify", "-h"); !strings.Contains(out, "\n  --leeway duration\n") {
		t.Errorf("jwt verify -h: %q", out)
	}
}
