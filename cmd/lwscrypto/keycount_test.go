package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A key file that holds several keys where one is needed is invalid input
// (exit 1), whatever its form: the command line is right, the file is not,
// and no flag can fix it (unlike a key without "alg", which --alg fixes:
// exit 2). Before the fix a JWK Set with two private keys exited 2 while
// the same two keys as PEM exited 1, and "holds no private key" exited 1.
func TestKeyFileWithSeveralKeysExit1(t *testing.T) {
	dir := t.TempDir()
	var jwks, pems []string
	for _, kid := range []string{"one", "two"} {
		jk := filepath.Join(dir, kid+".jwk")
		mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "--kid", kid, "-o", jk)
		b, err := os.ReadFile(jk)
		if err != nil {
			t.Fatal(err)
		}
		jwks = append(jwks, strings.TrimSpace(string(b)))
		pems = append(pems, mustRunCLI(t, "", "jwk", "to-pem", jk))
	}
	set := filepath.Join(dir, "two.jwks")
	pem := filepath.Join(dir, "two.pem")
	payload := filepath.Join(dir, "p")
	for name, data := range map[string]string{
		set:     `{"keys":[` + strings.Join(jwks, ",") + `]}`,
		pem:     strings.Join(pems, ""),
		payload: "hi",
	} {
		if err := os.WriteFile(name, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, key := range []string{set, pem} {
		for _, args := range [][]string{
			{"jws", "sign", "--key", key, "--alg", "ES256", payload},
			{"jwt", "sign", "--key", key, "--alg", "ES256"},
		} {
			code, out, e := runCLI(t, "", args...)
			if code != 1 || out != "" || !strings.Contains(e, "2 ") {
				t.Errorf("%v with %s: exit %d, stdout %q, stderr %q; want exit 1 naming the 2 keys", args[:2], filepath.Base(key), code, out, e)
			}
		}
	}
}
