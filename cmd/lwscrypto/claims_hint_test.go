package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRefusedClaimsSetIsNoNotJWTHint: a compact JWS whose payload is a
// JSON object the claims reader refuses (a repeated claim, an "exp" that
// is no number, an object nested past the depth limit) is a JWT that is
// wrong, not "a JWS whose payload is not a JSON claims set": that hint sent
// the user to 'jws verify', which takes the ambiguous payload as it is.
// jwt inspect and jwt verify now give that hint only for a payload that
// is not a JSON object, and otherwise let the error, which names the
// claim, speak.
func TestRefusedClaimsSetIsNoNotJWTHint(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "EdDSA", "-o", key)
	for _, payload := range []string{
		`{"sub":"a","sub":"b"}`,
		`{"exp":"soon"}`,
		` {"a":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`,
	} {
		msg := filepath.Join(dir, "msg")
		if err := os.WriteFile(msg, []byte(payload), 0o600); err != nil {
			t.Fatal(err)
		}
		tok := mustRunCLI(t, "", "jws", "sign", "--key", key, msg)
		for _, args := range [][]string{{"jwt", "inspect"}, {"jwt", "verify", "--key", key}} {
			code, out, e := runCLI(t, tok, args...)
			if code != 1 || out != "" || strings.Contains(e, "not a JWT") {
				t.Errorf("%v of %s: exit %d, stdout %q, stderr %q; want exit 1 without the not-a-JWT hint", args, payload, code, out, e)
			}
		}
	}
}
