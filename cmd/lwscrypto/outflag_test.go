package main

import (
	"os"
	"path/filepath"
	"testing"
)

// The CLI contract (DESIGN.md, and 'lwscrypto help': "output is standard
// output or -o FILE") gives every command -o. Before the fix json get,
// json events, cbor diag, cbor to-json, cbor get, jwk thumbprint, jwt
// inspect and vectors refused -o as an unknown flag (exit 2), and version
// as "takes no arguments" until later. help is the exception: it takes no
// flags, so that it can be put in front of any command line.
func TestEveryCommandTakesO(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	_, tok, _ := runCLI(t, "", "jwt", "sign", "--key", key, "--iss", "me")
	for _, tc := range []struct {
		stdin string
		args  []string
	}{
		{`{"a":[1,2]}`, []string{"json", "get", "a[]"}},
		{`{"a":1}`, []string{"json", "events"}},
		{"\x82\x01\x02", []string{"cbor", "diag"}},
		{"\x82\x01\x02", []string{"cbor", "to-json"}},
		{"\x82\x01\x02", []string{"cbor", "get", "[1]"}},
		{"", []string{"jwk", "thumbprint", key}},
		{tok, []string{"jwt", "inspect"}},
		{tok, []string{"jwt", "inspect", "--json"}},
		{"", []string{"version"}},
	} {
		code, want, e := runCLI(t, tc.stdin, tc.args...)
		if code != 0 || want == "" {
			t.Fatalf("%v: exit %d, %q", tc.args, code, e)
		}
		f := filepath.Join(dir, "out")
		os.Remove(f)
		code, out, e := runCLI(t, tc.stdin, append(tc.args, "-o", f)...)
		got, _ := os.ReadFile(f)
		if code != 0 || out != "" || string(got) != want {
			t.Errorf("%v -o: exit %d, stdout %q, stderr %q, file %q; want the file to hold %q", tc.args, code, out, e, got, want)
		}
	}
}
