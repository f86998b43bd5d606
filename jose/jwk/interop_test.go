package jwk

import (
	"bytes"
	"crypto"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
)

func thumb(t *testing.T, k *Key) string {
	t.Helper()
	tp, err := k.Thumbprint(crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	return string(jose.AppendBase64URL(nil, tp))
}

// TestInteropLatchset checks thumbprints and key exchange both ways with
// the latchset jose CLI (which has no OKP keys).
func TestInteropLatchset(t *testing.T) {
	bin := testenv.Peer(t, "jose")
	dir := t.TempDir()
	run := func(args ...string) []byte {
		t.Helper()
		out, err := exec.Command(bin, args...).Output()
		if err != nil {
			t.Fatalf("jose %s: %v", strings.Join(args, " "), err)
		}
		return out
	}
	algs := []string{"ES256", "ES384", "ES512", "RS256", "PS384", "HS256", "HS512", "A128KW", "A256GCM", "RSA-OAEP-256", "ECDH-ES"}
	for _, alg := range algs {
		// Ours → theirs: same thumbprint, and their public half is ours.
		k, err := Generate(alg, nil)
		if err != nil {
			t.Fatal(err)
		}
		k.Kid = "kid-" + alg
		f := filepath.Join(dir, alg+".jwk")
		os.WriteFile(f, mustJSON(t, k), 0o600)
		if got := strings.TrimSpace(string(run("jwk", "thp", "-i", f))); got != thumb(t, k) {
			t.Errorf("%s: latchset thumbprint %s, ours %s", alg, got, thumb(t, k))
		}
		if k.KeyType() != KeyTypeOct {
			pub, err := Parse(run("jwk", "pub", "-i", f))
			if err != nil {
				t.Errorf("%s: their public half: %v", alg, err)
			} else if want, _ := k.PublicKey(); !pub.Equal(want) {
				t.Errorf("%s: their public half differs", alg)
			}
		}
		// Theirs → ours: their generated key parses strictly here (RSA with
		// all CRT members, EC with full-length coordinates).
		tmpl := `{"alg":"` + alg + `"}`
		if strings.HasPrefix(alg, "RSA-OAEP") { // its generator needs the size spelled out for these
			tmpl = `{"kty":"RSA","bits":2048,"alg":"` + alg + `"}`
		}
		theirs, err := Parse(run("jwk", "gen", "-i", tmpl))
		if err != nil {
			t.Errorf("%s: their key: %v", alg, err)
			continue
		}
		f2 := filepath.Join(dir, alg+".theirs.jwk")
		os.WriteFile(f2, mustJSON(t, theirs), 0o600)
		if got := strings.TrimSpace(string(run("jwk", "thp", "-i", f2))); got != thumb(t, theirs) {
			t.Errorf("%s: thumbprint of their key: theirs %s, ours %s", alg, got, thumb(t, theirs))
		}
		if theirs.Alg != alg || !theirs.IsPrivate() {
			t.Errorf("%s: their key parsed as %v", alg, theirs)
		}
	}
}

// npmPeer returns node and the directory holding node_modules/jose
// (panva, the pinned release), or skips (testenv.PanvaJose).
func npmPeer(t *testing.T) (node, dir string) {
	t.Helper()
	return testenv.PanvaJose(t)
}

// panvaScript reads {"ours":[{alg,jwk}], "gen":[{alg,crv}]} on stdin. For
// each of ours it imports the key for its alg and computes the RFC 7638
// thumbprint; for each gen it generates a key pair (a secret for HS* and
// A*KW) and exports the private JWK with its thumbprint.
const panvaScript = `
const j = await import('jose');
let input = '';
for await (const c of process.stdin) input += c;
const req = JSON.parse(input);
const out = {ours: [], theirs: []};
for (const {alg, jwk} of req.ours) {
  await j.importJWK(jwk, alg);
  out.ours.push(await j.calculateJwkThumbprint(jwk, 'sha256'));
}
for (const {alg, crv} of req.gen) {
  const opts = {extractable: true};
  if (crv) opts.crv = crv;
  const secret = /^(HS|A[0-9]+KW$)/.test(alg);
  const key = secret ? await j.generateSecret(alg, opts) : (await j.generateKeyPair(alg, opts)).privateKey;
  const jwk = await j.exportJWK(key);
  out.theirs.push({alg, jwk, thumb: await j.calculateJwkThumbprint(jwk, 'sha256')});
}
console.log(JSON.stringify(out));
`

// TestInteropPanva checks key import and thumbprints both ways with panva
// jose (node), including OKP keys.
func TestInteropPanva(t *testing.T) {
	node, dir := npmPeer(t)
	type ourKey struct {
		Alg string          `json:"alg"`
		JWK json.RawMessage `json:"jwk"`
	}
	type genReq struct {
		Alg string `json:"alg"`
		Crv string `json:"crv,omitempty"`
	}
	var req struct {
		Ours []ourKey `json:"ours"`
		Gen  []genReq `json:"gen"`
	}
	var ours []*Key
	for _, g := range []struct {
		alg string
		o   *GenerateOptions
	}{{"ES256", nil}, {"ES384", nil}, {"ES512", nil}, {"RS256", nil}, {"PS256", nil}, {"EdDSA", nil},
		{"Ed25519", nil}, {"HS256", nil}, {"ECDH-ES", nil}, {"ECDH-ES", &GenerateOptions{Curve: "X25519"}},
		{"RSA-OAEP-256", nil}, {"A128KW", nil}} {
		k, err := Generate(g.alg, g.o)
		if err != nil {
			t.Fatal(err)
		}
		ours = append(ours, k)
		req.Ours = append(req.Ours, ourKey{g.alg, mustJSON(t, k)})
	}
	req.Gen = []genReq{{"ES256", ""}, {"ES384", ""}, {"ES512", ""}, {"RS256", ""}, {"PS512", ""},
		{"EdDSA", ""}, {"Ed25519", ""}, {"ECDH-ES", "P-256"}, {"ECDH-ES", "X25519"}, {"RSA-OAEP-256", ""},
		{"HS256", ""}, {"HS512", ""}, {"A128KW", ""}}
	in, _ := json.Marshal(req)
	cmd := exec.Command(node, "--input-type=module", "-e", panvaScript)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var res struct {
		Ours   []string `json:"ours"`
		Theirs []struct {
			Alg   string          `json:"alg"`
			JWK   json.RawMessage `json:"jwk"`
			Thumb string          `json:"thumb"`
		} `json:"theirs"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for i, k := range ours {
		if res.Ours[i] != thumb(t, k) {
			t.Errorf("%s (%s): panva thumbprint %s, ours %s", req.Ours[i].Alg, k.Curve(), res.Ours[i], thumb(t, k))
		}
	}
	if len(res.Theirs) != len(req.Gen) {
		t.Fatalf("%d keys from panva", len(res.Theirs))
	}
	for _, th := range res.Theirs {
		k, err := Parse(th.JWK)
		if err != nil {
			t.Errorf("%s: panva key: %v", th.Alg, err)
			continue
		}
		if thumb(t, k) != th.Thumb {
			t.Errorf("%s: thumbprint %s, panva %s", th.Alg, thumb(t, k), th.Thumb)
		}
		op := OpSign
		switch {
		case strings.HasPrefix(th.Alg, "ECDH-ES"):
			op = OpDeriveKey
		case strings.HasPrefix(th.Alg, "RSA-OAEP"):
			op = OpDecrypt
		case strings.HasSuffix(th.Alg, "KW"):
			op = OpWrapKey
		}
		if err := k.CheckUse(th.Alg, op); err != nil {
			t.Errorf("%s: panva key not usable here: %v", th.Alg, err)
		}
	}
}
