package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --key "$JWK" (the key itself where its file's name belongs, a common
// slip where secrets live in environment variables) printed the key in
// the error, "reading key: open {"kty":"oct","k":"…"}: no such file or
// directory", into a terminal or a CI log. A file name that does not
// open and looks like content (a JSON object, PEM, several lines) is now
// a usage error that does not show it, for --key, FILE and --payload.
func TestKeyMaterialAsFileNameNotShown(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "e.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	pemFile := filepath.Join(dir, "e.pem")
	mustRunCLI(t, "", "jwk", "to-pem", key, "-o", pemFile)
	jwkText, _ := os.ReadFile(key)
	pemText, _ := os.ReadFile(pemFile)
	tok := filepath.Join(dir, "t")
	mustRunCLI(t, "", "jws", "sign", "--key", key, "--detached", "-o", tok, key)
	for _, secret := range []string{strings.TrimSpace(string(jwkText)), string(pemText), " " + string(jwkText)} {
		for _, args := range [][]string{
			{"jwt", "sign", "--key", secret},
			{"jws", "sign", "--key", secret, key},
			{"jws", "verify", "--key", secret, tok},
			{"jwt", "verify", "--key", secret, tok},
			{"jwk", "pub", secret},
			{"jwk", "thumbprint", secret},
			{"jwk", "to-pem", secret},
			{"jwk", "from-pem", secret},
			{"json", "check", secret},
			{"jws", "verify", "--key", key, "--payload", secret, tok},
			{"jwk", "pub", key, secret},
		} {
			code, out, e := runCLI(t, "", args...)
			if code != 2 || out != "" || strings.Contains(e, "kty") || strings.Contains(e, "BEGIN") || !strings.Contains(e, "not shown") {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 without the key", args[:2], code, out, e)
			}
		}
	}
	// A file that is not there, with a file's name, is still named.
	if code, _, e := runCLI(t, "", "jwt", "sign", "--key", filepath.Join(dir, "nosuch.jwk")); code != 1 || !strings.Contains(e, "nosuch.jwk") {
		t.Errorf("missing key file: exit %d, %q", code, e)
	}
}
