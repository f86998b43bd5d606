package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// 'jwt sign --key k.jwk --claims @k.jwk' (the key file given again where
// the claims' belongs) made the private key's members ("d", or an HMAC
// secret's "k") claims of the token, readable by anyone who sees it,
// without a word, while jws sign warns of the same slip. Now jwt sign
// warns too (exit 0, the token as before); claims that merely have "d" or
// "k" members, or a public JWK's, sign without a word.
func TestJWTSignPrivateKeyClaimsWarns(t *testing.T) {
	dir := t.TempDir()
	for _, alg := range []string{"ES256", "HS256"} {
		key := filepath.Join(dir, alg+".jwk")
		mustRunCLI(t, "", "jwk", "gen", "--alg", alg, "-o", key)
		code, out, e := runCLI(t, "", "jwt", "sign", "--key", key, "--claims", "@"+key)
		if code != 0 || out == "" || !strings.Contains(e, "lwscrypto: warning: the claims hold a private or secret key") || !strings.Contains(e, "hint: ") {
			t.Errorf("%s: exit %d, stdout %.30q, stderr %q; want exit 0, the JWT and a warning", alg, code, out, e)
		}
	}
	key := filepath.Join(dir, "ES256.jwk")
	pub := mustRunCLI(t, "", "jwk", "pub", key)
	for _, claims := range []string{pub, `{"d":"c2VjcmV0","k":"c2VjcmV0","scope":"read"}`} {
		if code, _, e := runCLI(t, "", "jwt", "sign", "--key", key, "--exp", "15m", "--claims", claims); code != 0 || e != "" {
			t.Errorf("--claims %s: exit %d, stderr %q; want exit 0 and nothing on stderr", claims, code, e)
		}
	}
}

// The private-key warning says what the token carries; when no token is
// written (the -o file cannot be made) it was said of nothing, before the
// error. Now it comes only with the token.
func TestPrivateKeyWarningOnlyWithToken(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	bad := filepath.Join(dir, "nosuch", "out")
	for _, args := range [][]string{
		{"jws", "sign", "--key", key, "-o", bad, key},
		{"jws", "sign", "--key", key, "--json", "-o", bad, key},
		{"jwt", "sign", "--key", key, "--claims", "@" + key, "-o", bad},
	} {
		if code, _, e := runCLI(t, "", args...); code != 1 || strings.Contains(e, "warning") {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and no warning", args, code, e)
		}
	}
}
