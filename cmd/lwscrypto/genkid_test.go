package main

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJWKGenKidDefaultsToThumbprint: jwk gen without --kid writes "kid":
// the key's RFC 7638 SHA-256 thumbprint, base64url, as jwk thumbprint
// prints it (as step and many identity providers do) for an asymmetric
// key (a symmetric one's is random), so a token signed
// with the key names it and a JWK Set of several public keys selects it.
// --no-kid writes none; --kid with --no-kid is a usage error. Before, a key
// made without --kid had no "kid", and tokens signed with it none either.
func TestJWKGenKidDefaultsToThumbprint(t *testing.T) {
	dir := t.TempDir()
	for _, alg := range []string{"ES256", "EdDSA", "RS256"} { // oct: TestJWKGenOctKidIsNotThumbprint
		key := filepath.Join(dir, alg+".jwk")
		mustRunCLI(t, "", "jwk", "gen", "--alg", alg, "-o", key)
		var k struct{ Kid string }
		b, _ := os.ReadFile(key)
		if err := json.Unmarshal(b, &k); err != nil {
			t.Fatal(err)
		}
		tp := strings.TrimSpace(mustRunCLI(t, "", "jwk", "thumbprint", key))
		if k.Kid == "" || k.Kid != tp {
			t.Errorf("%s: kid %q, want the thumbprint %q", alg, k.Kid, tp)
		}
		tok := mustRunCLI(t, "hi", "jws", "sign", "--key", key)
		hdr, _ := base64.RawURLEncoding.DecodeString(strings.Split(tok, ".")[0])
		if !strings.Contains(string(hdr), `"kid":"`+tp+`"`) {
			t.Errorf("%s: token header %s carries no kid %s", alg, hdr, tp)
		}
	}

	// Selection: a set of two public keys verifies tokens of either.
	var pubs []json.RawMessage
	var toks []string
	for i := range 2 {
		key := filepath.Join(dir, "sel"+string(rune('a'+i))+".jwk")
		mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
		pubs = append(pubs, json.RawMessage(mustRunCLI(t, "", "jwk", "pub", key)))
		toks = append(toks, mustRunCLI(t, "", "jwt", "sign", "--key", key, "--sub", "s"))
	}
	set, _ := json.Marshal(map[string]any{"keys": pubs})
	setFile := filepath.Join(dir, "set.jwks")
	if err := os.WriteFile(setFile, set, 0o600); err != nil {
		t.Fatal(err)
	}
	for i, tok := range toks {
		if code, _, e := runCLI(t, tok, "jwt", "verify", "--key", setFile); code != 0 {
			t.Errorf("token %d against the set: exit %d: %s", i, code, e)
		}
	}

	if out := mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "--no-kid"); strings.Contains(out, `"kid"`) {
		t.Errorf("--no-kid wrote a kid: %s", out)
	}
	if out := mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "--kid", "k1"); !strings.Contains(out, `"kid":"k1"`) {
		t.Errorf("--kid k1: %s", out)
	}
	code, out, e := runCLI(t, "", "jwk", "gen", "--alg", "ES256", "--kid", "k1", "--no-kid")
	if code != 2 || out != "" || !strings.Contains(e, "error: --kid and --no-kid are exclusive") || !strings.Contains(e, "hint: ") {
		t.Errorf("--kid with --no-kid: exit %d, stdout %q, stderr %q; want exit 2", code, out, e)
	}
}
