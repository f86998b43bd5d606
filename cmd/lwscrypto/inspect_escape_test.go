package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jwt inspect shows an untrusted token to a person: control characters in
// its claims or header (ESC, the C1 CSI U+009B, bidi overrides) must not
// reach the terminal, where they could erase or rewrite the UNVERIFIED
// banner. Before the fix the decoded "sub" went out with a raw ESC.
func TestJWTInspectEscapesControls(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "h.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	claims := `{"sub":"\u001b[2J\u001b[1AVERIFIED","iss":"a\u009b31mb","jti":"x\u202ey","evil":"\u0007"}`
	tok := mustRunCLI(t, "", "jwt", "sign", "--key", key, "--claims", claims)
	tf := filepath.Join(dir, "t.jwt")
	if err := os.WriteFile(tf, []byte(tok), 0o600); err != nil {
		t.Fatal(err)
	}
	out := mustRunCLI(t, "", "jwt", "inspect", tf)
	for _, r := range out {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u202e') {
			t.Errorf("output holds control character %U:\n%q", r, out)
			break
		}
	}
	// The content is still shown, escaped.
	if !strings.Contains(out, `\u001b[2J`) || !strings.Contains(out, `\u009b31m`) {
		t.Errorf("escaped claims missing:\n%s", out)
	}
}
