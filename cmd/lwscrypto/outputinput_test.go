package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o naming one of the command's input files (FILE, the --key file, the
// --claims @FILE) is refused by every command, before anything is written
// (exit 2), as it was for commands whose -o parseFlags adds. Commands with
// their own -o wrote over it: "jwk to-pem --pub k.jwk -o k.jwk" and
// "jws sign --key k.jwk -o k.jwk" replaced the private key with its
// public PEM or a token, and "jws verify tok -o tok" the token with its
// payload, all with exit 0.
func TestOutputIsAnyInputRefused(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	keyText, err := os.ReadFile(key)
	if err != nil {
		t.Fatal(err)
	}
	msg := filepath.Join(dir, "msg")
	tok := filepath.Join(dir, "tok")
	claims := filepath.Join(dir, "claims.json")
	pemf := filepath.Join(dir, "k.pem")
	keyLink := filepath.Join(dir, "link.jwk")
	if err := os.Symlink(key, keyLink); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		msg:    "hello",
		tok:    mustRunCLI(t, "hello", "jws", "sign", "--key", key),
		claims: `{"scope":"read"}`,
		pemf:   mustRunCLI(t, "", "jwk", "to-pem", key),
	}
	reset := func() {
		for f, data := range files {
			if err := os.WriteFile(f, []byte(data), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(key, keyText, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		args  []string
		stdin string
		file  string // the input -o names
	}{
		{[]string{"jwk", "to-pem", "--pub", key, "-o", key}, "", key},
		{[]string{"jwk", "pub", key, "-o", keyLink}, "", key},
		{[]string{"jwk", "from-pem", pemf, "-o", pemf}, "", pemf},
		{[]string{"jws", "sign", "--key", key, msg, "-o", key}, "", key},
		{[]string{"jws", "sign", "--key", key, "-o", key}, "hello", key},
		{[]string{"jws", "sign", "--key", key, "--detached", msg, "-o", msg}, "", msg},
		{[]string{"jws", "verify", "--key", key, tok, "-o", tok}, "", tok},
		{[]string{"jwt", "sign", "--key", key, "--alg", "ES256", "--claims", "@" + claims, "-o", claims}, "", claims},
		{[]string{"cbor", "from-json", claims, "-o", claims}, "", claims},
	} {
		reset()
		before, _ := os.ReadFile(tc.file)
		code, out, e := runCLI(t, tc.stdin, tc.args...)
		if code != 2 || out != "" || !strings.Contains(e, "is the input") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 saying -o is an input", tc.args, code, out, e)
		}
		if after, err := os.ReadFile(tc.file); err != nil || string(after) != string(before) {
			t.Errorf("%v: %s was changed to %q (%v)", tc.args, filepath.Base(tc.file), after, err)
		}
	}
}

// The same for a key read from standard input redirected from a file
// ("--key - -o k.jwk < k.jwk").
func TestOutputIsStdinKeyRefused(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	msg := filepath.Join(dir, "msg")
	if err := os.WriteFile(msg, []byte("hi"), 0o600); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(key)
	in, err := os.Open(key)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var out, errb strings.Builder
	if code := Main([]string{"jws", "sign", "--key", "-", msg, "-o", key}, in, &out, &errb); code != 2 || !strings.Contains(errb.String(), "is the input") {
		t.Errorf("jws sign --key - -o KEY < KEY: exit %d, stderr %q; want exit 2", code, errb.String())
	}
	if got, _ := os.ReadFile(key); string(got) != string(want) {
		t.Errorf("the key file was changed to %q", got)
	}
}
