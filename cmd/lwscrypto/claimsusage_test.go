package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --claims given inline is part of the command line, as --exp is: JSON
// that does not parse, or is not one object, is a usage error (exit 2),
// as "--exp x" is; so is a registered claim of the wrong type or out of
// range ({"exp":"soon"}), which the error now blames on --claims. The
// same text in an @FILE is invalid input (exit 1). Before the fix all
// exited 1, the claim types with "jwt: registered claim has the wrong
// JSON type", not saying it came from --claims.
func TestJWTSignInlineClaimsMalformedIsUsageError(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "h.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	for _, claims := range []string{`{bad`, `[1]`, `{"x":1,"x":2}`, ` `, `{"exp":"soon"}`, `{"aud":5}`, `{"nbf":1e400}`} {
		code, out, e := runCLI(t, "", "jwt", "sign", "--key", key, "--claims", claims)
		if code != 2 || out != "" || !strings.Contains(e, "--claims") || !strings.Contains(e, "hint: ") {
			t.Errorf("--claims %q: exit %d, stdout %q, stderr %q; want exit 2 about --claims", claims, code, out, e)
		}
		f := filepath.Join(dir, "c.json")
		if err := os.WriteFile(f, []byte(claims), 0o600); err != nil {
			t.Fatal(err)
		}
		if code, out, e := runCLI(t, "", "jwt", "sign", "--key", key, "--claims", "@"+f); code != 1 || out != "" || !strings.Contains(e, "--claims") {
			t.Errorf("--claims @FILE holding %q: exit %d, stdout %q, stderr %q; want exit 1", claims, code, out, e)
		}
		if code, out, e := runCLI(t, claims, "jwt", "sign", "--key", key, "--claims", "@-"); code != 1 || out != "" {
			t.Errorf("--claims @- given %q: exit %d, stdout %q, stderr %q; want exit 1", claims, code, out, e)
		}
	}
}
