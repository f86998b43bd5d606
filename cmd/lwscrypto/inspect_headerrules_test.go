package main

import (
	"encoding/base64"
	"strings"
	"testing"
)

// TestJWTInspectHeaderRules: jwt inspect refuses a token whose header has
// no "alg" or a "crit" naming a member the header lacks (RFC 7515 §4.1.1,
// §4.1.11: jws.ParseCompact refuses them, as every verifier does), exit 1,
// with an error naming the fault and a hint that does not send the user
// to the token's three-part form, which it has; jwt verify gives that hint
// too for the missing "alg". Before, inspect showed such a token as a JWT
// (exit 0). An "alg":"none" token is still shown.
func TestJWTInspectHeaderRules(t *testing.T) {
	enc := base64.RawURLEncoding.EncodeToString
	claims := enc([]byte(`{"sub":"x"}`))
	tok := func(hdr string) string { return enc([]byte(hdr)) + "." + claims + ".c2ln" }
	const hint = "lwscrypto: hint: the token has the form of a JWS, but its header breaks a rule of RFC 7515"
	for hdr, want := range map[string]string{
		`{"typ":"JWT"}`:                 `lwscrypto: error: jws: header has no "alg"`,
		`{"alg":"none","crit":["exp"]}`: `"crit" lists "exp" but the protected header has no such member`,
	} {
		code, out, e := runCLI(t, tok(hdr), "jwt", "inspect")
		if code != 1 || out != "" || !strings.Contains(e, want) || !strings.Contains(e, hint) {
			t.Errorf("jwt inspect %s: exit %d, stdout %q, stderr %q; want exit 1, %q and %q", hdr, code, out, e, want, hint)
		}
	}
	key := t.TempDir() + "/k.jwk"
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	code, _, e := runCLI(t, tok(`{"typ":"JWT"}`), "jwt", "verify", "--key", key)
	if code != 1 || !strings.Contains(e, `header has no "alg"`) || !strings.Contains(e, hint) {
		t.Errorf("jwt verify without alg: exit %d, stderr %q", code, e)
	}
	if out := mustRunCLI(t, tok(`{"alg":"none"}`), "jwt", "inspect"); !strings.Contains(out, `header: {"alg":"none"}`) {
		t.Errorf("jwt inspect of an alg none token: %q", out)
	}
}

// TestJWTVerifyWellFormedNoThreePartsHint: jwt verify of a compact JWS
// that parses and verifies but whose payload is a malformed claims set (a
// repeated claim, an "exp" that is a string) or unencoded ("b64": false)
// names the fault, exit 1, without the hint that a JWT is three base64url
// parts, which the token is; nor does it blame the header. Before, it gave
// the three-part hint.
func TestJWTVerifyWellFormedNoThreePartsHint(t *testing.T) {
	key := t.TempDir() + "/k.jwk"
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	for payload, want := range map[string]string{
		`{"sub":"a","sub":"b"}`: "duplicate object member name",
		`{"sub":"a","exp":"x"}`: `"exp": registered claim has the wrong JSON type`,
	} {
		tok := mustRunCLI(t, payload, "jws", "sign", "--key", key)
		code, out, e := runCLI(t, tok, "jwt", "verify", "--key", key)
		if code != 1 || out != "" || !strings.Contains(e, want) || strings.Contains(e, "three base64url parts") || strings.Contains(e, "header breaks") {
			t.Errorf("jwt verify of %s: exit %d, stdout %q, stderr %q; want exit 1, %q and no form hint", payload, code, out, e, want)
		}
	}
	tok := mustRunCLI(t, `{"sub":"a"}`, "jws", "sign", "--key", key, "--unencoded")
	if code, _, e := runCLI(t, tok, "jwt", "verify", "--key", key); code != 1 || !strings.Contains(e, `"b64": false`) || strings.Contains(e, "three base64url parts") {
		t.Errorf("jwt verify of an unencoded JWS: exit %d, stderr %q", code, e)
	}
}

// TestJWTInspectBadPartsThreePartsHint: a token with a good header whose
// payload is not base64url, or whose signature is empty, gets the
// three-part hint, not the header's: its header breaks no rule.
func TestJWTInspectBadPartsThreePartsHint(t *testing.T) {
	hdr := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256"}`))
	for _, tok := range []string{hdr + ".e3!!.c2ln", hdr + ".e30."} {
		code, _, e := runCLI(t, tok, "jwt", "inspect")
		if code != 1 || !strings.Contains(e, "three base64url parts") || strings.Contains(e, "header breaks") {
			t.Errorf("jwt inspect %s: exit %d, stderr %q; want exit 1 and the three-part hint", tok, code, e)
		}
	}
}
