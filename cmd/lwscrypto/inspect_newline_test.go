package main

import (
	"strings"
	"testing"
)

// jwt inspect prints one line per registered claim, with the claim's
// decoded value. A value holding "\n" (or U+2028/U+2029, which some
// terminals break lines at) started a line of its own, so a token could
// show a forged "exp" line (it has no "exp" at all) or a second "sub"
// line. Before the fix terminalSafe kept the newline.
func TestJWTInspectClaimNewlines(t *testing.T) {
	key := t.TempDir() + "/h.jwk"
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	tok := mustRunCLI(t, "", "jwt", "sign", "--key", key, "--claims",
		`{"iss":"me\n  exp  2099-01-01 00:00:00 UTC  (expires in 73 years)","sub":"a\u2028  sub  root","aud":["x\ny"],"jti":"j\u2029k"}`)
	out := mustRunCLI(t, tok, "jwt", "inspect")
	var claimLines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "   ") {
			claimLines = append(claimLines, strings.Fields(l)[0])
		}
	}
	if got := strings.Join(claimLines, " "); got != "iss sub aud iat jti" {
		t.Errorf("claim lines %q, want iss sub aud iat jti:\n%s", got, out)
	}
	for _, want := range []string{`  iss  me\n  exp  2099`, `  sub  a\u2028  sub  root`, `  aud  x\ny`, `  jti  j\u2029k`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
