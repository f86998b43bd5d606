package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A flag given with an empty value (--iss "$ISS" with ISS never set) was
// taken as not given by most commands: jwt sign --iss "" issued a token
// without "iss", --claims "" one without the further claims, --alg ""
// fell back to the key's "alg", jwk gen --kid "" wrote no "kid", all with
// exit 0, though --exp "" was refused. Every flag that takes a value
// refuses an empty one as a usage error (exit 2) naming it; --pattern ""
// (the whole document, as PATTERN "" is) aside. jwk gen --bits 0, which
// meant the default size, is refused the same way.
func TestEmptyFlagValueRefused(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "h.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	ec := filepath.Join(dir, "e.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", ec)
	pem := filepath.Join(dir, "e.pem")
	mustRunCLI(t, "", "jwk", "to-pem", ec, "-o", pem)
	jwsTok := filepath.Join(dir, "t.jws")
	mustRunCLI(t, "", "jws", "sign", "--key", key, "-o", jwsTok, key)
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"jwt", "sign", "--key", key, "--iss", ""}, "--iss"},
		{[]string{"jwt", "sign", "--key", key, "--iss="}, "--iss"},
		{[]string{"jwt", "sign", "--key", key, "--sub", ""}, "--sub"},
		{[]string{"jwt", "sign", "--key", key, "--aud", ""}, "--aud"},
		{[]string{"jwt", "sign", "--key", key, "--aud", "a,,b"}, "--aud"},
		{[]string{"jwt", "sign", "--key", key, "--aud", "a", "--aud", ""}, "--aud"},
		{[]string{"jwt", "sign", "--key", key, "--claims", ""}, "--claims"},
		{[]string{"jwt", "sign", "--key", key, "--alg", ""}, "--alg"},
		{[]string{"jwt", "sign", "--key", ""}, "--key"},
		{[]string{"jwt", "verify", "--key", key, "--alg", "", jwsTok}, "--alg"},
		{[]string{"jws", "sign", "--key", key, "--alg", "", key}, "--alg"},
		{[]string{"jws", "verify", "--key", key, "--alg=", jwsTok}, "--alg"},
		{[]string{"jws", "verify", "--key", "", jwsTok}, "--key"},
		{[]string{"jwk", "gen", "--alg", ""}, "--alg"},
		{[]string{"jwk", "gen", "--alg", "ES256", "--kid", ""}, "--kid"},
		{[]string{"jwk", "gen", "--alg", "ES256", "--crv", ""}, "--crv"},
		{[]string{"jwk", "gen", "--alg", "RS256", "--bits", "0"}, "--bits"},
		{[]string{"jwk", "from-pem", "--kid", "", pem}, "--kid"},
		{[]string{"jwk", "from-pem", "--alg", "", pem}, "--alg"},
	} {
		code, out, e := runCLI(t, "", tc.args...)
		if code != 2 || out != "" || !strings.HasPrefix(e, "lwscrypto: error: "+tc.flag+" ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and an error naming %s", tc.args, code, out, e, tc.flag)
		}
	}
	// Given with values, or left out, they work as before.
	mustRunCLI(t, "", "jwt", "sign", "--key", key, "--iss", "me", "--sub", "s", "--aud", "a,b", "--claims", `{"x":1}`, "--alg", "HS256")
	mustRunCLI(t, "", "jwk", "from-pem", "--kid", "k", "--alg", "ES256", pem)
	mustRunCLI(t, `{"a":1}`, "json", "events", "--pattern", "")
}

// jws verify and jwt verify --alg take a comma-separated list, whose empty
// elements ("HS256,", ",HS256" from --alg "$EXTRA,HS256" with EXTRA unset,
// "HS256,,HS384") were dropped in silence, while --aud "a,,b" is refused.
// An empty element is a usage error naming --alg, as an empty --alg is;
// spaces around the names are still allowed ("HS256, HS384").
func TestAlgListEmptyElementRefused(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "h.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	tok := mustRunCLI(t, "", "jwt", "sign", "--key", key)
	for _, cmd := range []string{"jws", "jwt"} {
		for _, alg := range []string{"HS256,", ",HS256", "HS256,,HS384", "HS256, ,HS384", ","} {
			code, out, e := runCLI(t, tok, cmd, "verify", "--key", key, "--alg", alg)
			if code != 2 || out != "" || !strings.HasPrefix(e, "lwscrypto: error: --alg ") {
				t.Errorf("%s verify --alg %q: exit %d, stdout %q, stderr %q; want exit 2 naming --alg", cmd, alg, code, out, e)
			}
		}
		mustRunCLI(t, tok, cmd, "verify", "--key", key, "--alg", "HS256, HS384")
		// Refused before the key is read from standard input.
		var out, errb strings.Builder
		if code := Main([]string{cmd, "verify", "--key", "-", "--alg", "HS256,", key}, unreadReader{t}, &out, &errb); code != 2 {
			t.Errorf("%s verify --key - --alg HS256,: exit %d, %q", cmd, code, errb.String())
		}
	}
}
