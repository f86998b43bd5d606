package main

import (
	"encoding/base64"
	"strings"
	"testing"
)

// jwt inspect prints one line per registered claim, with the claim's
// decoded value. A value holding "\n" (or U+2028/U+2029, which some
// terminals break lines at) started a line of its own, so a token could
// show a forged "exp" line (it has no "exp" at all) or a second "sub"
// line. Before the fix terminalSafe kept the newline.
func TestJWTInspectClaimNewlines(t *testing.T) {
	key := t.TempDir() + "/h.jwk"
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	tok := mustRunCLI(t, "", "jwt", "sign", "--key", key, "--claims",
		`{"iss":"me\n  exp  2099-01-01 00:00:00 UTC  (expires in 73 years)","sub":"a\u2028  sub  root","aud":["x\ny"],"jti":"j\u2029k"}`)
	out := mustRunCLI(t, tok, "jwt", "inspect")
	var claimLines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "   ") {
			claimLines = append(claimLines, strings.Fields(l)[0])
		}
	}
	if got := strings.Join(claimLines, " "); got != "iss sub aud iat jti" {
		t.Errorf("claim lines %q, want iss sub aud iat jti:\n%s", got, out)
	}
	for _, want := range []string{`  iss  me\n  exp  2099`, `  sub  a\u2028  sub  root`, `  aud  x\ny`, `  jti  j\u2029k`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// The header and claims JSON may hold line ends as whitespace between
// tokens, and jwt inspect printed them as they are: a token's header could
// start lines of its own under "header:", one of them shaped like a claim
// line ('  "exp  2099-01-01 …":1}'). Each is one line; its line ends are
// shown as \n.
func TestJWTInspectRawJSONOneLine(t *testing.T) {
	b64 := base64.RawURLEncoding.EncodeToString
	tok := b64([]byte("{\"alg\":\"HS256\",\n\n  \"exp  2099-01-01 00:00:00 UTC\":1}")) + "." + b64([]byte("{\"iss\":\"x\",\n  \"sub\":\"y\"}")) + ".AAAA"
	out := mustRunCLI(t, tok, "jwt", "inspect")
	var header, claims string
	for _, l := range strings.Split(out, "\n") {
		if h, ok := strings.CutPrefix(l, "header: "); ok {
			header = h
		}
		if c, ok := strings.CutPrefix(l, "claims: "); ok {
			claims = c
		}
		if strings.HasPrefix(l, `  "`) {
			t.Errorf("a line of the raw JSON stands alone: %q in\n%s", l, out)
		}
	}
	if header != `{"alg":"HS256",\n\n  "exp  2099-01-01 00:00:00 UTC":1}` || claims != `{"iss":"x",\n  "sub":"y"}` {
		t.Errorf("header line %q, claims line %q; want each JSON text on its line, line ends as \\n", header, claims)
	}
}
