package main

import (
	"encoding/base64"
	"path/filepath"
	"strings"
	"testing"
)

// TestCritHintTellsMalformedFromUnknown: a token whose "crit" breaks RFC
// 7515 §4.1.11 (it lists a member the header lacks) or whose "b64" is not
// listed in "crit" (RFC 7797 §6) is refused by every verifier; the hint
// says so, for jws verify and jwt verify. Before, it said the token "has
// critical header parameters this tool does not understand", which is the
// hint for a well-formed "crit" naming an extension (kept for that case).
func TestCritHintTellsMalformedFromUnknown(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	enc := func(h string) string { return base64.RawURLEncoding.EncodeToString([]byte(h)) }
	const malformed = `breaks RFC 7515 §4.1.11 or RFC 7797 §6, so no verifier accepts it`
	const unknown = "critical header parameters this tool does not understand"
	for _, tc := range []struct {
		tok, hint string
	}{
		{enc(`{"alg":"ES256","crit":["exp"]}`) + ".aGk.AAAA", malformed},
		{enc(`{"alg":"ES256","b64":false}`) + ".hi.AAAA", malformed},
		{enc(`{"alg":"ES256","crit":["foo"],"foo":1}`) + ".aGk.AAAA", unknown},
	} {
		for _, obj := range []string{"jws", "jwt"} {
			code, out, errOut := runCLI(t, tc.tok, obj, "verify", "--key", key)
			if code != 1 || out != "" || !strings.Contains(errOut, "hint: ") || !strings.Contains(errOut, tc.hint) {
				t.Errorf("%s verify %s: exit %d, stdout %q, stderr %q; want exit 1 and the hint %q", obj, tc.tok, code, out, errOut, tc.hint)
			}
		}
	}
}
