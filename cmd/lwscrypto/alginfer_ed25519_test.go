package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAlgInferredEd25519TakesBothNames: an Ed25519 key without "alg"
// verifies a token named "EdDSA" and one named by its RFC 9864 fully
// specified name "Ed25519" (as the README says), while an Ed25519 JWK
// with "alg": "EdDSA" still takes that name alone, and an EC key without
// "alg" takes neither. No test covered the second name: dropping it from
// the inference went unnoticed.
func TestAlgInferredEd25519TakesBothNames(t *testing.T) {
	dir := t.TempDir()
	jk := filepath.Join(dir, "ed.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "EdDSA", "-o", jk)
	pubJWK := filepath.Join(dir, "ed.pub.jwk")
	mustRunCLI(t, "", "jwk", "pub", jk, "-o", pubJWK)
	pubPEM := filepath.Join(dir, "ed.pub.pem")
	mustRunCLI(t, "", "jwk", "to-pem", pubJWK, "-o", pubPEM)
	privPEM := filepath.Join(dir, "ed.pem")
	mustRunCLI(t, "", "jwk", "to-pem", jk, "-o", privPEM)
	es := filepath.Join(dir, "es.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", es)
	esPEM := filepath.Join(dir, "es.pub.pem")
	mustRunCLI(t, "", "jwk", "to-pem", "--pub", es, "-o", esPEM)
	for _, alg := range []string{"EdDSA", "Ed25519"} {
		tok := mustRunCLI(t, "hi", "jws", "sign", "--key", privPEM, "--alg", alg)
		if out := mustRunCLI(t, tok, "jws", "verify", "--key", pubPEM); out != "hi" {
			t.Errorf("%s token, Ed25519 PEM key without alg: %q", alg, out)
		}
		code, _, e := runCLI(t, tok, "jws", "verify", "--key", pubJWK)
		if want := alg == "EdDSA"; (code == 0) != want {
			t.Errorf("%s token, JWK with \"alg\": \"EdDSA\": exit %d (%s)", alg, code, strings.TrimSpace(e))
		}
		if code, _, _ := runCLI(t, tok, "jws", "verify", "--key", esPEM); code != 1 {
			t.Errorf("%s token, EC PEM key without alg: exit %d, want 1", alg, code)
		}
	}
}

// TestJWSSignSeveralKeysCount: jws sign --json takes a key given twice
// (two signatures, in --key order) and up to jws.MaxSignatures keys; one
// more is a usage error (exit 2) saying the bound, before any key is read.
func TestJWSSignSeveralKeysCount(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	if err := os.WriteFile(key, []byte(`{"kty":"oct","alg":"HS256","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	args := func(n int) []string {
		a := []string{"jws", "sign", "--json"}
		for range n {
			a = append(a, "--key", key)
		}
		return a
	}
	if got := protectedAlgs(t, mustRunCLI(t, "hi", args(2)...)); len(got) != 2 {
		t.Errorf("a key given twice: %d signatures, want 2", len(got))
	}
	if got := protectedAlgs(t, mustRunCLI(t, "hi", args(16)...)); len(got) != 16 {
		t.Errorf("16 keys: %d signatures", len(got))
	}
	code, out, e := runCLI(t, "hi", args(17)...)
	if code != 2 || out != "" || !strings.Contains(e, "at most 16 signatures") {
		t.Errorf("17 keys: exit %d, stdout %q, stderr %q; want exit 2 naming the bound", code, out, e)
	}
}
