package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// --aud "a, b" gave the audience " b" (while --alg "HS256, HS384" trims
// its names), and --aud a --aud a wrote "a" twice into the token. Each
// audience is now trimmed of surrounding spaces, as --alg's names are, and
// written once; jwt verify reads --aud the same way.
func TestAudienceListTrimmedAndOnce(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	tok := strings.TrimSpace(mustRunCLI(t, "", "jwt", "sign", "--key", key, "--aud", "a, b", "--aud", "a", "--aud", " c "))
	_, c, err := jwt.Inspect([]byte(tok))
	if err != nil {
		t.Fatal(err)
	}
	auds, _ := c.Audience()
	if strings.Join(auds, "|") != "a|b|c" {
		t.Fatalf("aud %q; want [a b c]", auds)
	}
	tokFile := filepath.Join(dir, "t")
	mustRunCLI(t, "", "jwt", "sign", "--key", key, "--aud", "b", "-o", tokFile)
	if code, _, e := runCLI(t, "", "jwt", "verify", "--key", key, "--aud", "x, b", tokFile); code != 0 {
		t.Fatalf(`verify --aud "x, b" of a token for b: exit %d, %s`, code, e)
	}
	if code, _, e := runCLI(t, "", "jwt", "verify", "--key", key, "--aud", " ", tokFile); code != 2 {
		t.Fatalf(`verify --aud " ": exit %d, %s; want 2 (an empty audience)`, code, e)
	}
}
