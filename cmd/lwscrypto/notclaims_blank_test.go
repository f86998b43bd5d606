package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJWSBlankPayloadNotJWTHint: a compact JWS whose payload is only
// whitespace (what jws sign makes of a blank file) is no claims set:
// jwt inspect and jwt verify exit 1 with the not-a-JWT hint, the payload
// being empty once the whitespace is dropped.
func TestJWSBlankPayloadNotJWTHint(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "EdDSA", "-o", key)
	msg := filepath.Join(dir, "blank")
	if err := os.WriteFile(msg, []byte(" \r\n\t "), 0o600); err != nil {
		t.Fatal(err)
	}
	tok := mustRunCLI(t, "", "jws", "sign", "--key", key, msg)
	for _, args := range [][]string{{"jwt", "inspect"}, {"jwt", "verify", "--key", key}} {
		code, out, e := runCLI(t, tok, args...)
		if code != 1 || out != "" || !strings.Contains(e, hintNotClaims) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 and the not-a-JWT hint", args, code, out, e)
		}
	}
}
