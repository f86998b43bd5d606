package main

import (
	"encoding/base64"
	"strings"
	"testing"
)

// JSON text may hold a carriage return as whitespace between tokens, and
// jwt inspect --json and jwt verify print the token's header and claims as
// they are. On a terminal a raw CR returns to the line's start, so what
// follows it overwrites what came before: an unverified token's claims
// {"iss":"x"<CR>,"verified":true} showed ',"verified":true' over the
// '{"verified":false' of jwt inspect --json. On a terminal a CR is now
// written as a space, the same JSON value. Before the fix terminalJSON
// escaped C1 and bidi code points but let C0 controls through.
func TestJSONOutputToTerminalNoCarriageReturn(t *testing.T) {
	dir := t.TempDir()
	key := dir + "/k.jwk"
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	signed := mustRunCLI(t, "", "jwt", "sign", "--key", key, "--claims", "{\"a\":[1\r,2]}")
	b64 := base64.RawURLEncoding.EncodeToString
	unsigned := b64([]byte(`{"alg":"HS256"}`)) + "." + b64([]byte("{\"iss\":\"x\"\r,\"verified\":true}")) + ".AAAA"
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{unsigned, []string{"jwt", "inspect", "--json"}},
		{signed, []string{"jwt", "verify", "--key", key}},
	} {
		ptmx, pts := openPTY(t)
		var errb strings.Builder
		if code := Main(c.args, strings.NewReader(c.stdin), pts, &errb); code != 0 {
			t.Errorf("%v: exit %d: %s", c.args, code, errb.String())
			continue
		}
		// The terminal itself writes each "\n" as "\r\n".
		got := readPTY(t, ptmx, pts)
		if strings.Contains(strings.ReplaceAll(got, "\r\n", "\n"), "\r") {
			t.Errorf("%v wrote %q to a terminal; want no carriage return but the line ends", c.args, got)
		}
	}
	// Not on a terminal, the bytes are kept.
	if out := mustRunCLI(t, signed, "jwt", "verify", "--key", key); !strings.Contains(out, "[1\r,2]") {
		t.Errorf("jwt verify to a pipe: %q; want the claims as signed", out)
	}
}
