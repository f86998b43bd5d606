package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A --key argument that names no file may be the secret itself (an HMAC
// secret given where its file's name belongs): the error does not show
// it. Before the fix stderr read "reading key: open <secret>: no such
// file or directory", printing the secret into a terminal or a CI log.
func TestKeyNotFoundDoesNotEchoSecret(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p")
	os.WriteFile(p, []byte("x"), 0o600)
	const secret = "s3cr3tHMACvalue1234"
	for _, args := range [][]string{
		{"jws", "sign", "--key", secret, p},
		{"jws", "verify", "--key", secret, p},
		{"jwt", "sign", "--key", secret},
		{"jwt", "verify", "--key", secret, p},
		{"jws", "sign", "--key=" + secret, p},
		{"jws", "sign", "--key", "a/" + secret, p}, // base64 may hold '/'
	} {
		code, out, e := runCLI(t, "", args...)
		if code != 1 || out != "" || strings.Contains(e, "s3cr3t") || !strings.Contains(e, "key file not found") || !strings.Contains(e, "hint: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1, \"key file not found\" and a hint, without the argument", args, code, out, e)
		}
	}
	// A name that is plainly a key file's is shown: it helps find a typo.
	code, _, e := runCLI(t, "", "jws", "sign", "--key", filepath.Join(dir, "missing.jwk"), p)
	if code != 1 || !strings.Contains(e, "missing.jwk") {
		t.Errorf("--key missing.jwk: exit %d, stderr %q; want exit 1 naming the file", code, e)
	}
}
