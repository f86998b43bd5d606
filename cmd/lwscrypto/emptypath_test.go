package main

import (
	"strings"
	"testing"
)

// An empty file name ("$FILE" or -o "$OUT" with the variable unset) was
// taken as "not given": FILE "" read standard input instead, -o "" wrote
// to standard output (a private key into a CI log: jwk gen -o "$KEY"),
// --payload "" verified without the detached payload and --dir "" ran
// the default corpus. Given empty, they are usage errors (exit 2); "-"
// still means standard input or output.
func TestEmptyPathArguments(t *testing.T) {
	for _, c := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{`{}`, []string{"json", "check", ""}, "FILE"},
		{`{}`, []string{"json", "get", "a", ""}, "FILE"},
		{"", []string{"jwk", "gen", "--alg", "ES256", "-o", ""}, "-o"},
		{"", []string{"jwk", "gen", "--alg", "ES256", "-o="}, "-o"},
		{`{}`, []string{"json", "check", "-o", ""}, "-o"},
		{`{"kty":"oct","k":"AAAA"}`, []string{"jwk", "thumbprint", "-o", ""}, "-o"},
		{"x.y.z", []string{"jws", "verify", "--key", "-", "--payload", ""}, "--payload"},
		{"", []string{"vectors", "--dir", ""}, "--dir"},
	} {
		code, out, e := runCLI(t, c.stdin, c.args...)
		if code != 2 || out != "" || !strings.Contains(e, c.want+" is empty") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, e, c.want+" is empty")
		}
	}
	if code, out, e := runCLI(t, `{"a":1}`, "json", "get", "a", "-", "-o", "-"); code != 0 || out != "1\n" {
		t.Errorf("json get a - -o -: exit %d, %q, %s", code, out, e)
	}
}
