package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An --alg that names no algorithm the command can use ("none", a typo,
// a JWE algorithm for jws) is wrong whatever the key and the input: a
// usage error (exit 2), reported before any input is read. An --alg the
// KEY cannot do (a real algorithm of another key type) is the key file's
// fault: exit 1. Before the fix both exited 1 for jws and jwt, while
// 'jwk gen --alg ES265' exited 2.
func TestAlgFlagUnknownIsUsageError(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "e.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	pem := filepath.Join(dir, "e.pem")
	mustRunCLI(t, "", "jwk", "to-pem", key, "-o", pem)
	tf := filepath.Join(dir, "t")
	os.WriteFile(tf, []byte(mustRunCLI(t, "x", "jws", "sign", "--key", key)), 0o600)
	for _, alg := range []string{"none", "ES265", "RSA-OAEP", "es256"} {
		for _, args := range [][]string{
			{"jws", "sign", "--key", key, "--alg", alg, tf},
			{"jwt", "sign", "--key", key, "--alg", alg},
			{"jws", "verify", "--key", key, "--alg", alg, tf},
			{"jwt", "verify", "--key", key, "--alg", "ES256," + alg, tf},
			{"jwk", "gen", "--alg", alg + "x"},
			{"jwk", "from-pem", "--alg", alg + "x", pem},
		} {
			code, out, e := runCLI(t, "", args...)
			if code != 2 || out != "" || !strings.Contains(e, "--alg") || !strings.Contains(e, "hint: ") {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 about --alg, with a hint", args, code, out, e)
			}
		}
	}
	// --key - is not read when --alg is wrong (standard input untouched).
	if code, _, e := runCLI(t, "{}", "jws", "sign", "--key", "-", "--alg", "ES265", tf); code != 2 || strings.Contains(e, "key") && !strings.Contains(e, "--alg") {
		t.Errorf("--key - --alg ES265: exit %d, %q; want 2 about --alg", code, e)
	}
	// Real algorithms the key cannot do: exit 1.
	for _, args := range [][]string{
		{"jws", "sign", "--key", key, "--alg", "RS256", tf},
		{"jwt", "sign", "--key", key, "--alg", "ES384"},
		{"jws", "verify", "--key", key, "--alg", "HS256", tf},
		{"jwk", "from-pem", "--alg", "RS256", pem},
	} {
		if code, out, e := runCLI(t, "", args...); code != 1 || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1", args, code, out, e)
		}
	}
}
