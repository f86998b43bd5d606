package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --alg naming an algorithm that can never be accepted ("none", a typo)
// is a usage error (exit 2, TestAlgFlagUnknownIsUsageError) with a
// message about --alg.
// Before the fix the hint was "the key must fit the algorithm: ES256,
// none", blaming the key.
func TestVerifyUnacceptableAlgFlag(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "e.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	tok := mustRunCLI(t, "x", "jws", "sign", "--key", key)
	tf := filepath.Join(dir, "t")
	os.WriteFile(tf, []byte(tok), 0o600)
	for _, cmd := range []string{"jws", "jwt"} {
		for _, alg := range []string{"ES256,none", "none", "ES265"} {
			code, out, e := runCLI(t, "", cmd, "verify", "--key", key, "--alg", alg, tf)
			if code != 2 || out != "" || !strings.Contains(e, "--alg") || strings.Contains(e, "key must fit") {
				t.Errorf("%s verify --alg %s: exit %d, stdout %q, stderr %q; want exit 2 about --alg", cmd, alg, code, out, e)
			}
		}
	}
	// A real algorithm the key does not fit still blames the key (exit 1).
	if code, _, e := runCLI(t, "", "jws", "verify", "--key", key, "--alg", "HS256", tf); code != 1 || !strings.Contains(e, "key must fit") {
		t.Errorf("--alg HS256 with an EC key: exit %d, %q; want 1 and the key hint", code, e)
	}
}

// The same for signing: an --alg that is never accepted or unknown is the
// flag's fault, not the key's (before the fix the hint said the key's
// type, "alg", "use" and "key_ops" must allow it). Exit 2, as for verify.
func TestSignUnacceptableAlgFlag(t *testing.T) {
	key := filepath.Join(t.TempDir(), "e.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	for _, args := range [][]string{{"jws", "sign", "--key", key}, {"jwt", "sign", "--key", key}} {
		for _, alg := range []string{"none", "ES265"} {
			code, out, e := runCLI(t, "x", append(args, "--alg", alg)...)
			if code != 2 || out != "" || !strings.Contains(e, "hint: ") || strings.Contains(e, "key_ops") || !strings.Contains(e, "signing algorithm") {
				t.Errorf("%v --alg %s: exit %d, stdout %q, stderr %q; want exit 2 and a hint about the algorithm", args[:2], alg, code, out, e)
			}
		}
	}
	// An algorithm the key does not fit still blames the key.
	if code, _, e := runCLI(t, "x", "jws", "sign", "--key", key, "--alg", "ES384"); code != 1 || !strings.Contains(e, "key_ops") {
		t.Errorf("--alg ES384 with an ES256 key: exit %d, %q; want 1 and the key hint", code, e)
	}
}
