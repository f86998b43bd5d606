package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Flag values that cannot mean what the help says are usage errors (exit 2)
// naming the flag. Before the fix a negative --leeway was taken, and a
// valid token then failed with "token is expired" or "issued in the
// future". (A negative --exp stays allowed: jwt_cli.txtar makes expired
// tokens with it.)
func TestJWTDurationFlags(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "h.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	tok := mustRunCLI(t, "", "jwt", "sign", "--key", key, "--exp", "1h")
	for _, tc := range []struct {
		stdin string
		args  []string
		flag  string
	}{
		{tok, []string{"jwt", "verify", "--key", key, "--leeway", "-1h"}, "--leeway"},
	} {
		code, out, e := runCLI(t, tc.stdin, tc.args...)
		if code != 2 || out != "" || !strings.Contains(e, tc.flag) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 naming %s", tc.args[4:], code, out, e, tc.flag)
		}
	}
	if code, _, e := runCLI(t, tok, "jwt", "verify", "--key", key, "--leeway", "0s"); code != 0 {
		t.Errorf("--leeway 0s: %s", e)
	}
}

// jws verify --payload FILE prints nothing (the payload is FILE), so -o
// has nothing to write: before the fix it was parsed and ignored, the
// command succeeded and the -o file was never created. "--payload -"
// reads standard input like every other FILE of the CLI (it failed with
// "open -: no such file or directory").
func TestJWSVerifyPayloadFlags(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "e.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	payload := filepath.Join(dir, "p")
	os.WriteFile(payload, []byte("hello"), 0o600)
	tok := mustRunCLI(t, "", "jws", "sign", "--key", key, "--detached", payload)
	tf := filepath.Join(dir, "t.jws")
	os.WriteFile(tf, []byte(tok), 0o600)
	out := filepath.Join(dir, "out")
	if code, _, e := runCLI(t, "", "jws", "verify", "--key", key, "--payload", payload, "-o", out, tf); code != 2 || !strings.Contains(e, "-o") {
		t.Errorf("--payload with -o: exit %d, %q; want exit 2 naming -o", code, e)
	}
	if code, o, e := runCLI(t, "hello", "jws", "verify", "--key", key, "--payload", "-", tf); code != 0 || o != "" {
		t.Errorf("--payload -: exit %d, stdout %q, stderr %q; want 0", code, o, e)
	}
	if code, _, e := runCLI(t, "hellO", "jws", "verify", "--key", key, "--payload", "-", tf); code != 1 {
		t.Errorf("--payload - with a wrong payload: exit %d, %q; want 1", code, e)
	}
	if code, _, e := runCLI(t, tok, "jws", "verify", "--key", key, "--payload", "-"); code != 2 {
		t.Errorf("--payload - and the token on standard input: exit %d, %q; want 2", code, e)
	}
}
