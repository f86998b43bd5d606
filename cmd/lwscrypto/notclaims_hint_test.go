package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJWSNotJWTHint: jwt inspect and jwt verify given a compact JWS whose
// payload is not a claims set (what jws sign makes of a text file) say so
// and point to jws verify. Before, the hint was "a JWT is one compact JWS:
// three base64url parts separated by '.'", which such a token is. Exit 1
// as before; a token that is not three parts keeps the old hint.
func TestJWSNotJWTHint(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "EdDSA", "-o", key)
	msg := filepath.Join(dir, "msg")
	os.WriteFile(msg, []byte("hello"), 0o600)
	tok := mustRunCLI(t, "", "jws", "sign", "--key", key, msg)
	const want = "lwscrypto: hint: the token is a JWS whose payload is not a JSON claims set, so not a JWT; 'lwscrypto jws verify' checks any payload"
	for _, args := range [][]string{{"jwt", "inspect"}, {"jwt", "verify", "--key", key}} {
		code, out, e := runCLI(t, tok, args...)
		if code != 1 || out != "" || !strings.Contains(e, want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 and %q", args, code, out, e, want)
		}
	}
	code, _, e := runCLI(t, "abc", "jwt", "inspect")
	if code != 1 || !strings.Contains(e, "three base64url parts") {
		t.Errorf("jwt inspect abc: exit %d, %q; want the three-parts hint", code, e)
	}
}
