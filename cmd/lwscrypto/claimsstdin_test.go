package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --claims @FILE takes "-" for standard input, like every FILE of the CLI
// (jwt sign reads no other input). Before the fix "@-" failed with
// "open -: no such file or directory". With --key - standard input is
// already the key, and @- is a usage error.
func TestJWTSignClaimsFromStdin(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "h.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	code, tok, e := runCLI(t, `{"scope":"read"}`+"\n", "jwt", "sign", "--key", key, "--claims", "@-")
	if code != 0 {
		t.Fatalf("--claims @-: exit %d, %s", code, e)
	}
	code, claims, e := runCLI(t, tok, "jwt", "verify", "--key", key)
	if code != 0 || !strings.Contains(claims, `"scope":"read"`) {
		t.Errorf("verify: exit %d, claims %q, %s", code, claims, e)
	}
	if code, _, e := runCLI(t, "", "jwt", "sign", "--key", "-", "--claims", "@-"); code != 2 {
		t.Errorf("--key - --claims @-: exit %d, %q; want 2", code, e)
	}
}

// --claims @FILE is read whole, so it is bounded: maxClaimsFile bytes are
// read, one more is refused (before the fix os.ReadFile read any size, and
// @/dev/zero grew without end).
func TestJWTSignClaimsFileBound(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "h.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	obj := `{"scope":"read"}`
	for _, n := range []int{maxClaimsFile, maxClaimsFile + 1} {
		f := filepath.Join(dir, "claims.json")
		if err := os.WriteFile(f, []byte(strings.Repeat(" ", n-len(obj))+obj), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, e := runCLI(t, "", "jwt", "sign", "--key", key, "--claims", "@"+f)
		if n == maxClaimsFile && code != 0 {
			t.Errorf("%d bytes: exit %d, %s", n, code, e)
		}
		if n > maxClaimsFile && (code != 1 || !strings.Contains(e, "larger than")) {
			t.Errorf("%d bytes: exit %d, %q; want 1, larger than", n, code, e)
		}
	}
}
