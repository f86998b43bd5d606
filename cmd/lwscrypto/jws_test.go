package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestJOSEExitCodes pins the exit statuses of jws and jwt: 0 verified, 1
// invalid input or failed verification, 2 usage.
func TestJOSEExitCodes(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	pem := filepath.Join(dir, "k.pem")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	tok := mustRunCLI(t, "payload", "jws", "sign", "--key", key)
	es := filepath.Join(dir, "es.jwk")
	runCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", es)
	runCLI(t, "", "jwk", "to-pem", "--pub", es, "-o", pem)
	// A key without "alg" that does not determine one: --alg is needed.
	oct := filepath.Join(dir, "oct.jwk")
	if err := os.WriteFile(oct, []byte(`{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	// A signature changed in its first character, which always changes
	// its first byte (replacing the last two characters with "AA" left one
	// token in about a thousand as it was, and it verified).
	bad := []byte(tok)
	sig := bytes.LastIndexByte(bad, '.') + 1
	if bad[sig] == 'A' {
		bad[sig] = 'B'
	} else {
		bad[sig] = 'A'
	}
	jwtTok := func() string {
		_, out, _ := runCLI(t, "", "jwt", "sign", "--key", key, "--exp", "1m")
		return out
	}()
	for _, tc := range []struct {
		stdin string
		args  []string
		want  int
		out   string
	}{
		{tok, []string{"jws", "verify", "--key", key}, 0, "payload"},
		{string(bad), []string{"jws", "verify", "--key", key}, 1, ""},
		{"x.y", []string{"jws", "verify", "--key", key}, 1, ""},
		{tok, []string{"jws", "verify", "--key", key, "--alg", "none"}, 2, ""},
		// An EC key without "alg" determines ES256: the HS256 token is
		// refused (exit 1); an oct key without "alg" is a usage error.
		{tok, []string{"jws", "verify", "--key", pem}, 1, ""},
		{tok, []string{"jws", "verify", "--key", oct}, 2, ""},
		{tok, []string{"jws", "verify"}, 2, ""},
		{tok, []string{"jws", "verify", "--key", key, "--bogus"}, 2, ""},
		{"p", []string{"jws", "sign", "--key", filepath.Join(dir, "missing")}, 1, ""},
		{jwtTok, []string{"jwt", "verify", "--key", key}, 0, ""},
		{jwtTok, []string{"jwt", "verify", "--key", key, "--aud", "x"}, 1, ""},
		{jwtTok, []string{"jwt", "inspect"}, 0, ""},
		{"garbage", []string{"jwt", "inspect"}, 1, ""},
		{"", []string{"jwt", "sign", "--key", key, "--exp", "x"}, 2, ""},
	} {
		code, out, errb := runCLI(t, tc.stdin, tc.args...)
		if code != tc.want {
			t.Errorf("%v: exit %d, want %d (%s)", tc.args, code, tc.want, errb)
		}
		if tc.out != "" && out != tc.out {
			t.Errorf("%v: stdout %q, want %q", tc.args, out, tc.out)
		}
		if code != 0 && tc.args[1] == "verify" && out != "" {
			t.Errorf("%v: failed verification wrote %q", tc.args, out)
		}
	}
}
