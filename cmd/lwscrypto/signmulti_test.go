package main

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// multiKeys makes an ES256 JWK (with "alg") and an Ed25519 PEM key
// (without), with their public keys, in dir.
func multiKeys(t *testing.T, dir string) (es, ed, esPub, edPub string) {
	t.Helper()
	es = filepath.Join(dir, "es.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", es)
	edJWK := filepath.Join(dir, "ed.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "EdDSA", "-o", edJWK)
	ed = filepath.Join(dir, "ed.pem")
	mustRunCLI(t, "", "jwk", "to-pem", edJWK, "-o", ed)
	esPub = filepath.Join(dir, "es.pub.jwk")
	mustRunCLI(t, "", "jwk", "pub", es, "-o", esPub)
	edPub = filepath.Join(dir, "ed.pub.pem")
	mustRunCLI(t, "", "jwk", "to-pem", "--pub", edJWK, "-o", edPub)
	return
}

// protectedAlgs returns the "alg" of each signature of a general JSON JWS.
func protectedAlgs(t *testing.T, msg string) []string {
	t.Helper()
	var m struct {
		Signatures []struct{ Protected string }
	}
	if err := json.Unmarshal([]byte(msg), &m); err != nil {
		t.Fatalf("%v: %s", err, msg)
	}
	var algs []string
	for _, s := range m.Signatures {
		b, _ := base64.RawURLEncoding.DecodeString(s.Protected)
		var h struct{ Alg string }
		json.Unmarshal(b, &h)
		algs = append(algs, h.Alg)
	}
	return algs
}

// TestJWSSignSeveralKeysGeneralJSON: jws sign --json with --key repeated
// writes the general JSON serialization, one signature per key, each with
// its key's algorithm (its "alg", or the one an Ed25519 PEM key
// determines); jws verify verifies it with either public key, and
// VerifyAll with both verifies every signature. With --detached the
// payload is left out and verifies with --payload. Before, --key given
// twice was a usage error and a JWS had one signature.
func TestJWSSignSeveralKeysGeneralJSON(t *testing.T) {
	dir := t.TempDir()
	es, ed, esPub, edPub := multiKeys(t, dir)
	payload := filepath.Join(dir, "payload")
	if err := os.WriteFile(payload, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	msg := mustRunCLI(t, "", "jws", "sign", "--json", "--key", es, "--key", ed, payload)
	if got := protectedAlgs(t, msg); len(got) != 2 || got[0] != "ES256" || got[1] != "EdDSA" {
		t.Fatalf("algorithms %v, want [ES256 EdDSA]: %s", got, msg)
	}
	for _, pub := range []string{esPub, edPub} {
		if out := mustRunCLI(t, msg, "jws", "verify", "--key", pub); out != "hello" {
			t.Errorf("jws verify --key %s: %q", filepath.Base(pub), out)
		}
	}
	// Every signature, with the library: both keys verify their own.
	var keys []*jwk.Key
	for _, pub := range []string{esPub, edPub} {
		b, _ := os.ReadFile(pub)
		k, err := jwk.Parse(b)
		if err != nil {
			if k, err = jwk.ParsePEM(b); err != nil {
				t.Fatal(err)
			}
		}
		keys = append(keys, k)
	}
	v, err := jws.NewVerifier(&jwk.Set{Keys: keys}, []string{"ES256", "EdDSA"})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := v.VerifyAll([]byte(msg)); err != nil || len(res) != 2 {
		t.Errorf("VerifyAll: %v, %v", res, err)
	}

	det := filepath.Join(dir, "det.json")
	mustRunCLI(t, "", "jws", "sign", "--json", "--detached", "--key", es, "--key", ed, "-o", det, payload)
	if b, _ := os.ReadFile(det); strings.Contains(string(b), `"payload"`) {
		t.Errorf("--detached wrote a payload: %s", b)
	}
	for _, pub := range []string{esPub, edPub} {
		if code, out, e := runCLI(t, "", "jws", "verify", "--key", pub, "--payload", payload, det); code != 0 || out != "" {
			t.Errorf("jws verify --payload, --key %s: exit %d, %q, %s", filepath.Base(pub), code, out, e)
		}
	}
}

// TestJWSSignSeveralKeysAlgRule: with several --key, --alg is one
// algorithm for every key or a comma-separated list of one per --key, in
// order; another count is a usage error (exit 2), as are several --key
// without --json (a compact JWS holds one signature) and --key - among
// them; a key that cannot do its algorithm is exit 1 naming its position.
func TestJWSSignSeveralKeysAlgRule(t *testing.T) {
	dir := t.TempDir()
	var octs []string
	for i, k := range []string{
		"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
		"hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg0jUEa5YKbCHC3R6PSLmpsWYIvm2e1FFoWdzgO49k2Bg",
	} {
		p := filepath.Join(dir, string(rune('a'+i))+".jwk")
		if err := os.WriteFile(p, []byte(`{"kty":"oct","k":"`+k+`"}`), 0o600); err != nil {
			t.Fatal(err)
		}
		octs = append(octs, p)
	}
	msg := mustRunCLI(t, "hi", "jws", "sign", "--json", "--key", octs[0], "--key", octs[1], "--alg", "HS256, HS512")
	if got := protectedAlgs(t, msg); strings.Join(got, " ") != "HS256 HS512" {
		t.Errorf("--alg HS256,HS512: %v", got)
	}
	msg = mustRunCLI(t, "hi", "jws", "sign", "--json", "--key", octs[0], "--key", octs[1], "--alg", "HS384")
	if got := protectedAlgs(t, msg); strings.Join(got, " ") != "HS384 HS384" {
		t.Errorf("--alg HS384: %v", got)
	}
	es, ed, _, _ := multiKeys(t, dir)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--key", octs[0], "--key", octs[1]}, 2, "has no \"alg\""},
		{[]string{"--key", octs[0], "--key", octs[1], "--alg", "HS256,HS384,HS512"}, 2, "names 3 algorithms for 2 --key"},
		{[]string{"--key", octs[0], "--key", octs[1], "--alg", "HS256,"}, 2, "empty algorithm"},
		{[]string{"--key", octs[0], "--key", octs[1], "--alg", "HS256,none"}, 2, "never accepted"},
		{[]string{"--key", es, "--key", "-"}, 2, "standard input holds one key"},
		{[]string{"--key", es, "--key", ed, "--alg", "ES256"}, 1, "--key 2 of 2: "},
		{[]string{"--key", es, "--key", ""}, 2, "--key is empty"},
	} {
		args := append([]string{"jws", "sign", "--json"}, tc.args...)
		code, out, e := runCLI(t, "hi", args...)
		if code != tc.code || out != "" || !strings.Contains(e, tc.want) || !strings.Contains(e, "lwscrypto: error: ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", tc.args, code, out, e, tc.code, tc.want)
		}
	}
	code, out, e := runCLI(t, "hi", "jws", "sign", "--key", es, "--key", ed)
	if code != 2 || out != "" || !strings.Contains(e, "compact JWS holds one signature") || !strings.Contains(e, "hint: add --json") {
		t.Errorf("several --key without --json: exit %d, stdout %q, stderr %q; want exit 2 with a hint", code, out, e)
	}
}

// TestInteropPanvaVerifiesSeveralKeys: panva jose's generalVerify verifies
// each signature of jws sign --json with two keys, given each public key.
func TestInteropPanvaVerifiesSeveralKeys(t *testing.T) {
	testenv.PanvaJose(t) // skip before running the CLI when the peer is missing
	dir := t.TempDir()
	es, ed, esPub, edPub := multiKeys(t, dir)
	msg := mustRunCLI(t, "hello", "jws", "sign", "--json", "--key", es, "--key", ed)
	esJWK, _ := os.ReadFile(esPub)
	pubs := []json.RawMessage{esJWK, json.RawMessage(mustRunCLI(t, "", "jwk", "from-pem", edPub))}
	in, _ := json.Marshal(map[string]any{"jws": json.RawMessage(msg), "keys": pubs, "algs": []string{"ES256", "EdDSA"}})
	cmd := testenv.PanvaCommand(t, `
const jose = await import(process.env.PEER_JOSE);
const chunks = []; for await (const c of process.stdin) chunks.push(c);
const r = JSON.parse(Buffer.concat(chunks).toString());
const out = [];
for (let i = 0; i < r.keys.length; i++) {
  const v = await jose.generalVerify(r.jws, await jose.importJWK(r.keys[i], r.algs[i]), {algorithms: [r.algs[i]]});
  out.push(v.protectedHeader.alg + ":" + Buffer.from(v.payload).toString());
}
process.stdout.write(out.join(" "));
`)
	cmd.Stdin = strings.NewReader(string(in))
	got, err := cmd.CombinedOutput()
	if err != nil || string(got) != "ES256:hello EdDSA:hello" {
		t.Fatalf("panva: %v: %s", err, got)
	}
}
