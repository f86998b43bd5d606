package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jwt verify --iss "" or --aud "" (a shell variable that was never set:
// --aud "$AUD") asked for no check at all and verified any issuer or
// audience. Given empty, the flags are a usage error (exit 2) instead of
// a check silently dropped.
func TestJWTVerifyEmptyClaimFlags(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	tok := filepath.Join(dir, "t")
	if err := os.WriteFile(tok, []byte(mustRunCLI(t, "", "jwt", "sign", "--key", key, "--iss", "me", "--aud", "api", "--exp", "1h")), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, flags := range [][]string{
		{"--iss", ""}, {"--iss="}, {"--aud", ""}, {"--aud="}, {"--aud", ","}, {"--aud", "api", "--aud", ""}, {"--aud", "api,,web"},
	} {
		args := append([]string{"jwt", "verify", "--key", key, tok}, flags...)
		code, out, e := runCLI(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(e, strings.TrimSuffix(flags[0], "=")) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 naming the flag", flags, code, out, e)
		}
	}
	// Given with values, they check.
	mustRunCLI(t, "", "jwt", "verify", "--key", key, "--iss", "me", "--aud", "api", tok)
}

// jwt sign --exp "" (--exp "$TTL" with TTL never set) issued a token with
// no "exp" at all, one that never expires, though a lifetime was asked
// for. Given empty, --exp is a usage error (exit 2) naming it; left out,
// the token has no "exp" as before.
func TestJWTSignEmptyExp(t *testing.T) {
	key := filepath.Join(t.TempDir(), "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	for _, flags := range [][]string{{"--exp", ""}, {"--exp="}} {
		args := append([]string{"jwt", "sign", "--key", key}, flags...)
		if code, out, e := runCLI(t, "", args...); code != 2 || out != "" || !strings.Contains(e, "--exp") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 naming --exp", flags, code, out, e)
		}
	}
	mustRunCLI(t, "", "jwt", "sign", "--key", key)
	mustRunCLI(t, "", "jwt", "sign", "--key", key, "--exp", "1h")
}
