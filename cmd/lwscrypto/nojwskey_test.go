package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoJWSKeySaysWhy: a lone key that no JWS algorithm may use says why,
// as jwk.Key.CheckUse does for the algorithm it names or its type implies:
// a 16-byte secret is too short for HS256, a key is for encryption or
// "key_ops" leave the operation out. Before, jws/jwt sign and verify only
// said the key "cannot sign/verify a JWS", with a hint about X25519 and
// encryption keys that fits none of these, where they used to ask for
// --alg and then name the cause.
func TestNoJWSKeySaysWhy(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ec := filepath.Join(dir, "ec.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", ec)
	tok := jwsOf(t, ec)
	var pub map[string]any
	if err := json.Unmarshal([]byte(mustRunCLI(t, "", "jwk", "pub", ec)), &pub); err != nil {
		t.Fatal(err)
	}
	pub["key_ops"] = []string{"sign"}
	signOnly := write("signonly.jwk", pub)
	delete(pub, "key_ops")
	pub["use"] = "enc"
	enc := write("enc.jwk", pub)
	short := write("short.jwk", map[string]any{"kty": "oct", "k": "AAAAAAAAAAAAAAAAAAAAAA"})
	verifyOnly := write("verifyonly.jwk", map[string]any{"kty": "oct", "k": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "key_ops": []string{"verify"}})
	for _, tc := range []struct {
		args []string
		why  string
	}{
		{[]string{"jws", "verify", "--key", short}, "16-byte key is too short for HS256"},
		{[]string{"jws", "sign", "--key", short}, "16-byte key is too short for HS256"},
		{[]string{"jwt", "sign", "--key", short, "--sub", "s"}, "16-byte key is too short for HS256"},
		{[]string{"jws", "verify", "--key", signOnly}, `key_ops ["sign"] does not allow verify`},
		{[]string{"jws", "verify", "--key", enc}, `key has use "enc" and cannot verify`},
		{[]string{"jwt", "verify", "--key", enc}, `key has use "enc" and cannot verify`},
		{[]string{"jws", "sign", "--key", verifyOnly}, `key_ops ["verify"] does not allow sign`},
	} {
		in := tok
		if tc.args[1] == "sign" {
			in = "hello"
		}
		code, out, errOut := runCLI(t, in, tc.args...)
		if code != 1 || out != "" || !strings.Contains(errOut, "cannot "+tc.args[1]+" a JWS: ") || !strings.Contains(errOut, tc.why) {
			t.Errorf("lwscrypto %s %s: exit %d, stdout %q, stderr %q; want exit 1 saying %q", strings.Join(tc.args[:2], " "), filepath.Base(tc.args[3]), code, out, errOut, tc.why)
		}
	}
	// With --alg the algorithm is the caller's: the key is checked for it
	// as before, with the error of that check.
	for _, tc := range []struct {
		args      []string
		why, hint string
	}{
		{[]string{"jws", "sign", "--key", short, "--alg", "HS256"}, "16-byte key is too short for HS256", "must allow signing with HS256"},
		{[]string{"jws", "verify", "--key", short, "--alg", "HS256"}, "HS256 needs a secret of at least 32 bytes, not 16", "the key must fit the algorithm: HS256"},
	} {
		in := tok
		if tc.args[1] == "sign" {
			in = "hello"
		}
		code, _, errOut := runCLI(t, in, tc.args...)
		if code != 1 || strings.Contains(errOut, "a JWS: ") || !strings.Contains(errOut, tc.why) || !strings.Contains(errOut, tc.hint) {
			t.Errorf("lwscrypto %s --alg HS256: exit %d, stderr %q; want exit 1, %q and %q", strings.Join(tc.args[:2], " "), code, errOut, tc.why, tc.hint)
		}
	}
}
