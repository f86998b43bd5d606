package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifySkipsEncryptionKeysOfSet: a JWK Set that publishes signing
// and encryption keys side by side (an "ECDH-ES" key, an X25519 key
// without "alg", an RSA key with "use":"enc" and no "alg") verifies a
// token of its signing key without --alg, for jws and jwt. Before, the
// encryption key's "alg" joined the allow-list and the verifier refused
// the whole set (`cannot allow "ECDH-ES"`), and a key without "alg" that
// cannot verify at all asked for --alg (exit 2). A set of encryption keys
// only, or one such key, is the key file's fault (exit 1) and says so.
func TestVerifySkipsEncryptionKeysOfSet(t *testing.T) {
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	read := func(name string) map[string]any {
		var m map[string]any
		b, err := os.ReadFile(path(name))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	write := func(name string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path(name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", path("sig.jwk"))
	mustRunCLI(t, "", "jwk", "pub", path("sig.jwk"), "-o", path("sig.pub"))
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ECDH-ES", "-o", path("ecdh.jwk"))
	mustRunCLI(t, "", "jwk", "pub", path("ecdh.jwk"), "-o", path("ecdh.pub"))
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ECDH-ES", "--crv", "X25519", "-o", path("x.jwk"))
	mustRunCLI(t, "", "jwk", "pub", path("x.jwk"), "-o", path("x.pub"))
	mustRunCLI(t, "", "jwk", "gen", "--alg", "RSA-OAEP-256", "-o", path("rsa.jwk"))
	mustRunCLI(t, "", "jwk", "pub", path("rsa.jwk"), "-o", path("rsa.pub"))
	x := read("x.pub")
	delete(x, "alg")
	rsa := read("rsa.pub")
	delete(rsa, "alg")
	rsa["use"] = "enc"
	write("x-noalg.pub", x)
	write("mixed.json", map[string]any{"keys": []any{read("ecdh.pub"), x, rsa, read("sig.pub")}})
	write("enc-only.json", map[string]any{"keys": []any{read("ecdh.pub"), x, rsa}})

	jwt := strings.TrimSpace(mustRunCLI(t, "", "jwt", "sign", "--key", path("sig.jwk"), "--sub", "s"))
	for _, tc := range []struct {
		args []string
		in   string
		code int
		out  string
		err  string
	}{
		{[]string{"jws", "verify", "--key", path("mixed.json")}, jwsOf(t, path("sig.jwk")), 0, "hello", ""},
		{[]string{"jwt", "verify", "--key", path("mixed.json")}, jwt, 0, `"sub":"s"`, ""},
		{[]string{"jws", "verify", "--key", path("enc-only.json")}, jwsOf(t, path("sig.jwk")), 1, "", "no key of the JWK Set can verify a JWS"},
		{[]string{"jwt", "verify", "--key", path("enc-only.json")}, jwt, 1, "", "no key of the JWK Set can verify a JWS"},
		{[]string{"jws", "verify", "--key", path("x-noalg.pub")}, jwsOf(t, path("sig.jwk")), 1, "", "the OKP X25519 key cannot verify a JWS"},
		{[]string{"jws", "verify", "--key", path("ecdh.pub")}, jwsOf(t, path("sig.jwk")), 1, "", "the EC P-256 key cannot verify a JWS"},
	} {
		code, out, errOut := runCLI(t, tc.in, tc.args...)
		if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errOut, tc.err) {
			t.Errorf("lwscrypto %s: exit %d, stdout %q, stderr %q; want exit %d, %q, %q", strings.Join(tc.args[:2], " ")+" "+filepath.Base(tc.args[3]), code, out, errOut, tc.code, tc.out, tc.err)
		}
		if tc.code != 0 && !strings.Contains(errOut, "hint: a JWS is signed with") {
			t.Errorf("lwscrypto %s %s: no hint: %q", tc.args[1], filepath.Base(tc.args[3]), errOut)
		}
	}
}

// TestSignWithKeyAgreementKeyRefused: an X25519 key without "alg" cannot
// sign a JWS; jws sign and jwt sign say so (exit 1, the key file's
// fault). Before, they said the key "signs with several algorithms" and
// suggested --alg EdDSA (exit 2).
func TestSignWithKeyAgreementKeyRefused(t *testing.T) {
	dir := t.TempDir()
	priv := filepath.Join(dir, "x.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ECDH-ES", "--crv", "X25519", "-o", priv)
	b, err := os.ReadFile(priv)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "alg")
	if b, err = json.Marshal(m); err != nil {
		t.Fatal(err)
	}
	noAlg := filepath.Join(dir, "x-noalg.jwk")
	if err := os.WriteFile(noAlg, b, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"jws", "sign", "--key", noAlg},
		{"jwt", "sign", "--key", noAlg, "--sub", "s"},
	} {
		code, out, errOut := runCLI(t, "hello", args...)
		if code != 1 || out != "" || !strings.Contains(errOut, "the OKP X25519 key cannot sign a JWS") || strings.Contains(errOut, "EdDSA") {
			t.Errorf("lwscrypto %s: exit %d, stdout %q, stderr %q; want exit 1 saying the key cannot sign", strings.Join(args[:2], " "), code, out, errOut)
		}
	}
}

// jwsOf signs "hello" with the private JWK at path.
func jwsOf(t *testing.T, path string) string {
	t.Helper()
	return strings.TrimSpace(mustRunCLI(t, "hello", "jws", "sign", "--key", path))
}
