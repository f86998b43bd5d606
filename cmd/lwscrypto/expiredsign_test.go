package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// jwt sign still issues a token whose "exp" is not after now (a validator's
// tests need such tokens), but says it has expired: --exp -5m or --exp 0,
// or an "exp" in --claims that has passed, is most likely a slip. A token
// with a future or no "exp" gets no warning.
func TestJWTSignExpiredWarns(t *testing.T) {
	key := filepath.Join(t.TempDir(), "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	for _, tc := range []struct {
		args []string
		warn bool
	}{
		{[]string{"--exp", "-5m"}, true},
		{[]string{"--exp", "0s"}, true},
		{[]string{"--claims", `{"exp":1000}`}, true},
		{[]string{"--exp", "5m"}, false},
		{[]string{"--claims", `{"exp":99999999999}`}, false},
		{nil, false},
	} {
		args := append([]string{"jwt", "sign", "--key", key}, tc.args...)
		code, out, e := runCLI(t, "", args...)
		if code != 0 || strings.Count(out, ".") != 2 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want a token", tc.args, code, out, e)
			continue
		}
		if got := strings.Contains(e, "warning: the token has already expired"); got != tc.warn {
			t.Errorf("%q: stderr %q; want the expiry warning %v", tc.args, e, tc.warn)
		}
	}
}
