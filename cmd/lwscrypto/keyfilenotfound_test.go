package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The jwk verbs read a key from FILE: a FILE that names no file may be
// the key itself (a secret given where its file's name belongs, as
// `jwk thumbprint "$SECRET"`), so, as for --key, the error does not show
// it. Before, stderr read "open <secret>: no such file or directory".
func TestKeyFileArgNotFoundDoesNotEchoSecret(t *testing.T) {
	const secret = "s3cr3tHMACvalue1234"
	for _, args := range [][]string{
		{"jwk", "pub", secret},
		{"jwk", "thumbprint", secret},
		{"jwk", "from-pem", secret},
		{"jwk", "to-pem", secret},
		{"jwk", "pub", "a/" + secret}, // base64 may hold '/'
	} {
		code, out, e := runCLI(t, "", args...)
		if code != 1 || out != "" || strings.Contains(e, "s3cr3t") || !strings.Contains(e, "key file not found") || !strings.Contains(e, "hint: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1, \"key file not found\" and a hint, without the argument", args, code, out, e)
		}
	}
	// A name that is plainly a key file's is shown (a typo is found),
	// and so is any FILE of a verb whose input is no key.
	missing := filepath.Join(t.TempDir(), "missing.jwk")
	if code, _, e := runCLI(t, "", "jwk", "pub", missing); code != 1 || !strings.Contains(e, "missing.jwk") {
		t.Errorf("jwk pub missing.jwk: exit %d, stderr %q; want exit 1 naming the file", code, e)
	}
	if code, _, e := runCLI(t, "", "json", "check", "nosuchdoc"); code != 1 || !strings.Contains(e, "nosuchdoc") {
		t.Errorf("json check nosuchdoc: exit %d, stderr %q; want exit 1 naming the file", code, e)
	}
}
