package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file saved with a UTF-8 byte order mark (EF BB BF, as some Windows
// editors write) is refused, as RFC 8259 §8.1 allows, but the error now
// says why. Before the fix a JWK with a BOM was "not a JWK, JWK Set, PEM
// or DER key", json check (and --claims @FILE) said only "invalid
// character at offset 0", and a token file "protected header: invalid
// base64url".
func TestByteOrderMarkNamed(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	jwkText, err := os.ReadFile(key)
	if err != nil {
		t.Fatal(err)
	}
	const bom = "\xef\xbb\xbf"
	tok := mustRunCLI(t, "", "jwt", "sign", "--key", key)
	bomKey := filepath.Join(dir, "bom.jwk")
	if err := os.WriteFile(bomKey, append([]byte(bom), jwkText...), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{"", []string{"jwk", "pub", bomKey}},
		{"x", []string{"jws", "sign", "--key", bomKey}},
		{bom + `{"a":1}`, []string{"json", "check"}},
		{bom + `{"a":1}`, []string{"json", "get", "a"}},
		{bom + `{"a":1}`, []string{"cbor", "from-json"}},
		{bom + `{"scope":"read"}`, []string{"jwt", "sign", "--key", key, "--claims", "@-"}},
		{bom + tok, []string{"jws", "verify", "--key", key}},
		{bom + tok, []string{"jwt", "inspect"}},
	} {
		code, out, e := runCLI(t, c.stdin, c.args...)
		if code != 1 || out != "" || !strings.Contains(e, "byte order mark") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 naming the byte order mark", c.args, code, out, e)
		}
	}
	// A BOM elsewhere, or an error at offset 0 without one, is not it.
	if _, _, e := runCLI(t, `x{"a":1}`, "json", "check"); strings.Contains(e, "byte order mark") {
		t.Errorf("json check without a BOM blames one: %q", e)
	}
}
