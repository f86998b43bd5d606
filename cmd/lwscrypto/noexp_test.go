package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestJWTSignWithoutExpWarns: a token signed without "exp" (no --exp, no
// "exp" in --claims) never expires; jwt sign still writes it (RFC 7519
// makes "exp" optional: exit 0, the token on stdout) but says so on
// stderr, with a hint naming --exp. Before, it said nothing. A token with
// "exp" from either source is signed without a word.
func TestJWTSignWithoutExpWarns(t *testing.T) {
	key := filepath.Join(t.TempDir(), "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	for _, tc := range []struct {
		args []string
		warn bool
	}{
		{[]string{"--sub", "s"}, true},
		{[]string{"--claims", `{"scope":"read"}`}, true},
		{[]string{"--sub", "s", "--exp", "15m"}, false},
		{[]string{"--claims", `{"exp":99999999999}`}, false},
	} {
		code, out, errOut := runCLI(t, "", append([]string{"jwt", "sign", "--key", key}, tc.args...)...)
		if code != 0 || strings.Count(out, ".") != 2 {
			t.Fatalf("jwt sign %v: exit %d, stdout %q; want exit 0 and a token", tc.args, code, out)
		}
		warned := strings.Contains(errOut, `lwscrypto: warning: the token has no "exp": it never expires`) &&
			strings.Contains(errOut, "lwscrypto: hint: give it a lifetime with --exp")
		if warned != tc.warn || (!tc.warn && errOut != "") {
			t.Errorf("jwt sign %v: stderr %q; want the no-exp warning: %v", tc.args, errOut, tc.warn)
		}
	}
}
