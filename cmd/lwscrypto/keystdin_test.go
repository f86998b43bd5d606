package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeyFromStdin: --key - reads the key from standard input for signing
// and verifying; when the command's input would also be standard input the
// command is refused with a usage error (exit 2) instead of reading an empty
// or mixed stream.
func TestKeyFromStdin(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "k.jwk")
	if code, _, e := runCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", keyFile); code != 0 {
		t.Fatalf("jwk gen: exit %d: %s", code, e)
	}
	key, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	payload := filepath.Join(dir, "payload.txt")
	if err := os.WriteFile(payload, []byte("hello, world\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	code, tok, e := runCLI(t, string(key), "jws", "sign", "--key", "-", payload)
	if code != 0 {
		t.Fatalf("jws sign --key -: exit %d: %s", code, e)
	}
	tokFile := filepath.Join(dir, "tok.jws")
	if err := os.WriteFile(tokFile, []byte(tok), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, e := runCLI(t, string(key), "jws", "verify", "--key", "-", tokFile)
	if code != 0 || out != "hello, world\n" {
		t.Fatalf("jws verify --key -: exit %d, %q: %s", code, out, e)
	}
	// jwt sign reads no input, so standard input is the key's alone.
	code, jwt, e := runCLI(t, string(key), "jwt", "sign", "--key", "-", "--sub", "alice", "--exp", "1h")
	if code != 0 {
		t.Fatalf("jwt sign --key -: exit %d: %s", code, e)
	}
	jwtFile := filepath.Join(dir, "tok.jwt")
	if err := os.WriteFile(jwtFile, []byte(jwt), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, e := runCLI(t, string(key), "jwt", "verify", "--key", "-", jwtFile); code != 0 || !strings.Contains(out, `"alice"`) {
		t.Fatalf("jwt verify --key -: exit %d, %q: %s", code, out, e)
	}

	// Both the key and the input on standard input: a usage error.
	for _, args := range [][]string{
		{"jws", "sign", "--key", "-"},
		{"jws", "verify", "--key", "-"},
		{"jwt", "verify", "--key", "-"},
	} {
		code, _, e := runCLI(t, string(key), args...)
		if code != 2 || !strings.Contains(e, "standard input is already the key") || !strings.Contains(e, "hint:") {
			t.Errorf("%v: exit %d, %q; want exit 2 naming the conflict", args, code, e)
		}
	}

	// A key on standard input that is not a key says so, naming where it came from.
	code, _, e = runCLI(t, "not a key", "jws", "verify", "--key", "-", tokFile)
	if code != 1 || !strings.Contains(e, "key on standard input") {
		t.Errorf("bad key on stdin: exit %d, %q", code, e)
	}
}
