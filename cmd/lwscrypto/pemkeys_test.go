package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A PEM KEY file holding two keys is ambiguous, like a JWK Set with two
// private keys (refused with "sign with one"). Before the fix the first
// key was used silently: jws sign signed with it, jwk from-pem converted
// it and dropped the other, jws verify tried only it.
func TestPEMWithSeveralKeysRefused(t *testing.T) {
	dir := t.TempDir()
	var pems []string
	for _, kid := range []string{"one", "two"} {
		jk := filepath.Join(dir, kid+".jwk")
		mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", jk)
		p := mustRunCLI(t, "", "jwk", "to-pem", jk)
		pems = append(pems, p)
	}
	both := filepath.Join(dir, "both.pem")
	if err := os.WriteFile(both, []byte(strings.Join(pems, "")), 0o600); err != nil {
		t.Fatal(err)
	}
	payload := filepath.Join(dir, "p")
	os.WriteFile(payload, []byte("hi"), 0o600)
	for _, args := range [][]string{
		{"jws", "sign", "--key", both, "--alg", "ES256", payload},
		{"jwt", "sign", "--key", both, "--alg", "ES256"},
		{"jwk", "from-pem", both},
		{"jws", "verify", "--key", both, "--alg", "ES256", payload},
	} {
		code, out, e := runCLI(t, "", args...)
		if code != 1 || out != "" || !strings.Contains(e, "2 keys") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 naming the 2 keys", args[:2], code, out, e)
		}
	}
}
