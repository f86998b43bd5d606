package main

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAlgInferredFromECAndEd25519Keys: a key without "alg" (a PEM file,
// or a JWK from jwk from-pem) whose type and curve determine the
// algorithm — EC P-256, P-384, P-521, Ed25519 — signs and verifies without
// --alg, with ES256, ES384, ES512 or EdDSA, for jws and jwt alike, as a JWK
// with "alg" does. Before, every such key was a usage error (exit 2) asking
// for --alg.
func TestAlgInferredFromECAndEd25519Keys(t *testing.T) {
	dir := t.TempDir()
	payload := filepath.Join(dir, "payload")
	if err := os.WriteFile(payload, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, alg := range []string{"ES256", "ES384", "ES512", "EdDSA"} {
		jk := filepath.Join(dir, alg+".jwk")
		mustRunCLI(t, "", "jwk", "gen", "--alg", alg, "-o", jk)
		priv := filepath.Join(dir, alg+".pem")
		mustRunCLI(t, "", "jwk", "to-pem", jk, "-o", priv)
		pubJWK := filepath.Join(dir, alg+".pub.jwk")
		mustRunCLI(t, "", "jwk", "pub", jk, "-o", pubJWK)
		pub := filepath.Join(dir, alg+".pub.pem")
		mustRunCLI(t, "", "jwk", "to-pem", pubJWK, "-o", pub)
		noAlg := filepath.Join(dir, alg+".noalg.jwk")
		mustRunCLI(t, "", "jwk", "from-pem", priv, "-o", noAlg)
		if b, _ := os.ReadFile(noAlg); strings.Contains(string(b), `"alg"`) {
			t.Fatalf("%s: from-pem wrote an \"alg\": %s", alg, b)
		}
		for _, key := range []string{priv, noAlg} {
			tok := strings.TrimSpace(mustRunCLI(t, "", "jws", "sign", "--key", key, payload))
			hdr, _ := base64.RawURLEncoding.DecodeString(strings.Split(tok, ".")[0])
			if want := `{"alg":"` + alg + `"}`; string(hdr) != want {
				t.Errorf("%s: jws sign --key %s: header %s, want %s", alg, filepath.Base(key), hdr, want)
			}
			if out := mustRunCLI(t, tok, "jws", "verify", "--key", pub); out != "hello" {
				t.Errorf("%s: jws verify --key PEM: %q", alg, out)
			}
			jwt := mustRunCLI(t, "", "jwt", "sign", "--key", key, "--sub", "s")
			if out := mustRunCLI(t, jwt, "jwt", "verify", "--key", pub); !strings.Contains(out, `"sub":"s"`) {
				t.Errorf("%s: jwt verify --key PEM: %q", alg, out)
			}
		}
	}
}

// TestAlgNotInferredFromRSAOrOctKeys: an RSA or oct key without "alg"
// signs with several algorithms, so jws sign, jwt sign and jws verify
// still want --alg: a usage error (exit 2) naming the key type, with a
// hint listing its algorithms.
func TestAlgNotInferredFromRSAOrOctKeys(t *testing.T) {
	dir := t.TempDir()
	payload := filepath.Join(dir, "payload")
	if err := os.WriteFile(payload, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	oct := filepath.Join(dir, "oct.jwk")
	if err := os.WriteFile(oct, []byte(`{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	rsaJWK := filepath.Join(dir, "rsa.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "RS256", "-o", rsaJWK)
	rsa := filepath.Join(dir, "rsa.pem")
	mustRunCLI(t, "", "jwk", "to-pem", rsaJWK, "-o", rsa)
	for _, tc := range []struct {
		key, typ, hint string
	}{{oct, "oct", "HS256, HS384, HS512"}, {rsa, "RSA", "RS256, RS384, RS512, PS256"}} {
		for _, args := range [][]string{
			{"jws", "sign", "--key", tc.key, payload},
			{"jwt", "sign", "--key", tc.key},
		} {
			code, out, e := runCLI(t, "", args...)
			if code != 2 || out != "" || !strings.Contains(e, "error: the key has no \"alg\", and an "+tc.typ+" key signs with several algorithms; pass --alg") ||
				!strings.Contains(e, "hint: ") || !strings.Contains(e, tc.hint) {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 asking for --alg", args[:2], code, out, e)
			}
		}
		code, out, e := runCLI(t, "e30.e30.AA", "jws", "verify", "--key", tc.key)
		if code != 2 || out != "" || !strings.Contains(e, "the "+tc.typ+" key has no \"alg\"") || !strings.Contains(e, "pass --alg") {
			t.Errorf("jws verify --key %s: exit %d, stdout %q, stderr %q; want exit 2 asking for --alg", tc.typ, code, out, e)
		}
	}
}
