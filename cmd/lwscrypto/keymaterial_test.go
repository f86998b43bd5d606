package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --key "$JWK" (the key itself where its file's name belongs, a common
// slip where secrets live in environment variables) printed the key in
// the error, "reading key: open {"kty":"oct","k":"…"}: no such file or
// directory", into a terminal or a CI log. A file name that does not
// open and looks like content (a JSON object, PEM, several lines) is now
// a usage error that does not show it, for --key, FILE and --payload.
func TestKeyMaterialAsFileNameNotShown(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "e.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	pemFile := filepath.Join(dir, "e.pem")
	mustRunCLI(t, "", "jwk", "to-pem", key, "-o", pemFile)
	jwkText, _ := os.ReadFile(key)
	pemText, _ := os.ReadFile(pemFile)
	tok := filepath.Join(dir, "t")
	mustRunCLI(t, "", "jws", "sign", "--key", key, "--detached", "-o", tok, key)
	for _, secret := range []string{strings.TrimSpace(string(jwkText)), string(pemText), " " + string(jwkText)} {
		for _, args := range [][]string{
			{"jwt", "sign", "--key", secret},
			{"jws", "sign", "--key", secret, key},
			{"jws", "verify", "--key", secret, tok},
			{"jwt", "verify", "--key", secret, tok},
			{"jwk", "pub", secret},
			{"jwk", "thumbprint", secret},
			{"jwk", "to-pem", secret},
			{"jwk", "from-pem", secret},
			{"json", "check", secret},
			{"jws", "verify", "--key", key, "--payload", secret, tok},
			{"jwk", "pub", key, secret},
		} {
			code, out, e := runCLI(t, "", args...)
			if code != 2 || out != "" || strings.Contains(e, "kty") || strings.Contains(e, "BEGIN") || !strings.Contains(e, "not shown") {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 without the key", args[:2], code, out, e)
			}
		}
	}
	// A file that is not there, with a file's name, is still named.
	if code, _, e := runCLI(t, "", "jwt", "sign", "--key", filepath.Join(dir, "nosuch.jwk")); code != 1 || !strings.Contains(e, "nosuch.jwk") {
		t.Errorf("missing key file: exit %d, %q", code, e)
	}
}

// A file name that starts with '{' or '[' but is not JSON ("[old] k.jwk",
// "{prod}.jwk") was taken for a file's content when it did not open: a
// missing file was a usage error, "--key is not a file name: it looks like
// a file's content", exit 2, not shown. Only a JSON start ({", {}, [{, …)
// is content; other such names are named, with the open error, exit 1.
func TestBracedFileNameNotTakenForContent(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "e.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	tok := filepath.Join(dir, "t")
	mustRunCLI(t, "", "jws", "sign", "--key", key, "--detached", "-o", tok, key)
	for _, name := range []string{"[old] e.jwk", "{prod}.jwk", "[1].jwk", "{ x }"} {
		for _, args := range [][]string{
			{"jwt", "sign", "--key", name},
			{"jws", "verify", "--key", name, tok},
			{"jwk", "pub", name},
			{"jws", "verify", "--key", key, "--payload", name, tok},
			{"jwt", "sign", "--key", key, "--claims", "@" + name},
		} {
			code, _, e := runCLI(t, "", args...)
			if (args[2] == "--key" && args[3] == name || args[0] == "jwk") && !keyFileName(name) {
				// a --key or jwk FILE that names no file and no key file
				// may be a secret: not shown (TestKeyNotFoundDoesNotEchoSecret,
				// TestKeyFileArgNotFoundDoesNotEchoSecret)
				if code != 1 || strings.Contains(e, name) || !strings.Contains(e, "key file not found") {
					t.Errorf("%q: exit %d, stderr %q; want exit 1, key file not found", args, code, e)
				}
				continue
			}
			if code != 1 || !strings.Contains(e, name) || !strings.Contains(e, "no such file") {
				t.Errorf("%q: exit %d, stderr %q; want exit 1 naming the missing file", args, code, e)
			}
		}
		if code, _, e := runCLI(t, "", "jwk", "pub", key, name); code != 2 || !strings.Contains(e, "too many arguments: "+name) {
			t.Errorf("extra argument %q: exit %d, stderr %q", name, code, e)
		}
	}
	// JSON, however it starts, is still not shown.
	for _, secret := range []string{`{"kty":"oct","k":"c2VjcmV0"}`, `{ "kty":"oct"}`, "\t{\"k\":1}", `[{"kty":"oct"}]`, `{}`, `[ "k" ]`} {
		code, _, e := runCLI(t, "", "jwt", "sign", "--key", secret)
		if code != 2 || strings.Contains(e, "kty") || strings.Contains(e, `"k"`) || !strings.Contains(e, "not shown") {
			t.Errorf("--key %q: exit %d, stderr %q; want exit 2, not shown", secret, code, e)
		}
	}
}

// A token pasted where its file's name belongs (jwt verify --key k
// "$TOKEN") was printed in the error, "open eyJ…: no such file or
// directory": a bearer credential leaks like a key. A compact JWS or JWE
// given as a file name is now described by its length only; a file name
// that merely starts with "eyJ" is still named.
func TestTokenAsFileNameNotShown(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	tok := strings.TrimSpace(mustRunCLI(t, "", "jwt", "sign", "--key", key, "--sub", "alice"))
	detached := strings.TrimSpace(mustRunCLI(t, "", "jws", "sign", "--key", key, "--detached", key))
	detachedFile := filepath.Join(dir, "d.jws")
	if err := os.WriteFile(detachedFile, []byte(detached), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{tok, detached} {
		for _, args := range [][]string{
			{"jwt", "verify", "--key", key, secret},
			{"jws", "verify", "--key", key, secret},
			{"jws", "verify", "--key", key, "--payload", secret, detachedFile},
		} {
			code, out, e := runCLI(t, "", args...)
			if code != 2 || out != "" || strings.Contains(e, secret) || !strings.Contains(e, "not shown") {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 without the token", args[:2], code, out, e)
			}
		}
	}
	if code, _, e := runCLI(t, "", "json", "check", filepath.Join(dir, "eyJ.notes.txt")); code != 1 || !strings.Contains(e, "eyJ.notes.txt") {
		t.Errorf("missing file eyJ.notes.txt: exit %d, %q; want it named, exit 1", code, e)
	}
}

// A token given as a flag's value, as when the value before it is missing
// (jwt verify --key k --alg "$ALG" "$TOKEN" with ALG unset), was printed in
// the error: "--alg eyJ…: jws: cannot allow "eyJ…"", "--exp: time: invalid
// duration "eyJ…"", "invalid value "eyJ…" for --leeway". No error shows an
// argument that looks like a token or a key, whichever path reports it.
func TestTokenAsFlagValueNotShown(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	tok := strings.TrimSpace(mustRunCLI(t, "", "jwt", "sign", "--key", key, "--sub", "alice"))
	for _, args := range [][]string{
		{"jws", "verify", "--key", key, "--alg", tok, key},
		{"jwt", "verify", "--key", key, "--alg", tok, key},
		{"jwt", "sign", "--key", key, "--exp", tok},
		{"jwt", "verify", "--key", key, "--leeway", tok, key},
		{"jwt", tok},
	} {
		code, _, e := runCLI(t, "", args...)
		if code == 0 || strings.Contains(e, tok) || strings.Contains(e, tok[:20]) {
			t.Errorf("%v: exit %d, stderr %q; want an error without the token", args[:2], code, e)
		}
	}
}
