package jws_test

// Interop with the external peers of ../shared/PEERS.md, both directions,
// for every algorithm each supports: the latchset jose CLI (apt "jose";
// HS*, RS*, PS*, ES*, no EdDSA) and panva jose v6 under node (found through
// LWSCRYPTO_NPM_PEERS, a directory holding node_modules/jose). A missing
// peer skips with a message, or fails under LWSCRYPTO_REQUIRE_PEERS=1.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

var latchsetAlgs = []string{"HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}

// peerKey returns the private JWK (with "alg") and its public JWK for alg.
func peerKey(t *testing.T, alg string) (priv, pub *jwk.Key) {
	t.Helper()
	k, err := jwk.New(interopKeys()[alg])
	if err != nil {
		t.Fatal(err)
	}
	k.Alg = alg
	if k.KeyType() == "oct" {
		return k, k
	}
	p, err := k.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	return k, p
}

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestInteropLatchsetJose(t *testing.T) {
	bin := testenv.Peer(t, "jose")
	dir := t.TempDir()
	payload := []byte("It\u2019s a dangerous business, Frodo.\n")
	msg := writeFile(t, dir, "msg", payload)
	for _, alg := range latchsetAlgs {
		t.Run(alg, func(t *testing.T) {
			priv, pub := peerKey(t, alg)
			sj, err := priv.AppendJSON(nil)
			if err != nil {
				t.Fatal(err)
			}
			pj, err := pub.AppendJSON(nil)
			if err != nil {
				t.Fatal(err)
			}
			kf := writeFile(t, dir, alg+".jwk", sj)
			pf := writeFile(t, dir, alg+".pub.jwk", pj)
			v, err := jws.NewVerifier(pub, []string{alg})
			if err != nil {
				t.Fatal(err)
			}
			// latchset signs, we verify: compact and general JSON.
			for _, compact := range []bool{true, false} {
				args := []string{"jws", "sig", "-I", msg, "-k", kf}
				if compact {
					args = append(args, "-c")
				}
				out, err := exec.Command(bin, args...).Output()
				if err != nil {
					t.Fatalf("jose %v: %v", args, err)
				}
				r, err := v.Verify(bytes.TrimSpace(out))
				if err != nil || !bytes.Equal(r.Payload, payload) {
					t.Fatalf("verifying latchset's %s (compact %v): %v", out, compact, err)
				}
			}
			// We sign, latchset verifies (judged by its exit status: it
			// writes part of the payload before a failed check).
			tok, _ := jws.Sign(payload, jws.SigningKey{Alg: alg, Key: priv}, nil)
			js, _ := jws.SignJSON(payload, []jws.SigningKey{{Alg: alg, Key: priv}}, false, nil)
			for name, m := range map[string][]byte{"compact": tok, "json": js} {
				f := writeFile(t, dir, alg+"."+name, m)
				out, err := exec.Command(bin, "jws", "ver", "-i", f, "-k", pf, "-O", "-").Output()
				if err != nil || !bytes.Equal(out, payload) {
					t.Fatalf("latchset verifying our %s: %v (%q)", name, err, out)
				}
			}
			// A tampered token is refused by latchset too.
			bad := bytes.Clone(tok)
			bad[len(bad)-5] ^= 1
			f := writeFile(t, dir, alg+".bad", bad)
			if err := exec.Command(bin, "jws", "ver", "-i", f, "-k", pf, "-O", "-").Run(); err == nil {
				t.Fatal("latchset verified a tampered token")
			}
		})
	}
}

// nodeScript runs a batch of requests against panva jose.
const nodeScript = `
const jose = await import(process.env.PEER_JOSE);
const chunks = []; for await (const c of process.stdin) chunks.push(c);
const reqs = JSON.parse(Buffer.concat(chunks).toString());
const b64 = (u) => Buffer.from(u).toString('base64url');
const out = [];
for (const r of reqs) {
  try {
    const key = await jose.importJWK(r.jwk, r.alg);
    const payload = Buffer.from(r.payload ?? '', 'base64url');
    switch (r.op) {
    case 'verify-compact': { const v = await jose.compactVerify(r.token, key, {algorithms: [r.alg]}); out.push({payload: b64(v.payload)}); break; }
    case 'verify-flattened': { const v = await jose.flattenedVerify(JSON.parse(r.token), key, {algorithms: [r.alg]}); out.push({payload: b64(v.payload)}); break; }
    case 'verify-general': { const v = await jose.generalVerify(JSON.parse(r.token), key, {algorithms: [r.alg]}); out.push({payload: b64(v.payload)}); break; }
    case 'sign-compact': out.push({token: await new jose.CompactSign(payload).setProtectedHeader({alg: r.alg, kid: 'p'}).sign(key)}); break;
    case 'sign-unencoded': out.push({token: JSON.stringify(await new jose.FlattenedSign(payload).setProtectedHeader({alg: r.alg, b64: false, crit: ['b64']}).sign(key))}); break;
    case 'sign-general': { const s = new jose.GeneralSign(payload); s.addSignature(key).setProtectedHeader({alg: r.alg}); out.push({token: JSON.stringify(await s.sign())}); break; }
    default: out.push({error: 'unknown op'});
    }
  } catch (e) { out.push({error: String(e && e.code || e)}); }
}
process.stdout.write(JSON.stringify(out));
`

type nodeReq struct {
	Op      string          `json:"op"`
	Alg     string          `json:"alg"`
	JWK     json.RawMessage `json:"jwk"`
	Token   string          `json:"token,omitempty"`
	Payload string          `json:"payload,omitempty"`
}

type nodeResp struct {
	Payload string `json:"payload"`
	Token   string `json:"token"`
	Error   string `json:"error"`
}

func runNode(t *testing.T, reqs []nodeReq) []nodeResp {
	t.Helper()
	return testenv.RunBatch[nodeReq, nodeResp](t, testenv.PanvaCommand(t, nodeScript), reqs)
}

func TestInteropPanvaJose(t *testing.T) {
	payload := []byte("It\u2019s a dangerous business, Frodo.\n")
	text := []byte("$.02 unencoded \u00e9")
	enc := base64.RawURLEncoding.EncodeToString
	var reqs []nodeReq
	for _, alg := range jws.Algorithms() {
		priv, pub := peerKey(t, alg)
		tok, _ := jws.Sign(payload, jws.SigningKey{Alg: alg, Key: priv}, nil)
		flat, _ := jws.SignJSON(text, []jws.SigningKey{{Alg: alg, Key: priv}}, true, &jws.SignOptions{Unencoded: true})
		gen, _ := jws.SignJSON(payload, []jws.SigningKey{{Alg: alg, Key: priv}}, false, nil)
		pj, err := pub.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		sj, err := priv.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		reqs = append(reqs,
			nodeReq{Op: "verify-compact", Alg: alg, JWK: pj, Token: string(tok)},
			nodeReq{Op: "verify-flattened", Alg: alg, JWK: pj, Token: string(flat)},
			nodeReq{Op: "verify-general", Alg: alg, JWK: pj, Token: string(gen)},
			nodeReq{Op: "sign-compact", Alg: alg, JWK: sj, Payload: enc(payload)},
			nodeReq{Op: "sign-unencoded", Alg: alg, JWK: sj, Payload: enc(text)},
			nodeReq{Op: "sign-general", Alg: alg, JWK: sj, Payload: enc(payload)},
		)
	}
	resp := runNode(t, reqs)
	for i, r := range reqs {
		got := resp[i]
		if got.Error != "" {
			// The pinned panva release implements every algorithm of
			// jws.Algorithms, so its NOT_SUPPORTED too is a failure: it
			// means our JWK or token names what panva cannot read (a
			// misspelled "kty" gives exactly that).
			t.Errorf("%s %s: panva: %s", r.Alg, r.Op, got.Error)
			continue
		}
		_, pub := peerKey(t, r.Alg)
		v, err := jws.NewVerifier(pub, []string{r.Alg})
		if err != nil {
			t.Fatal(err)
		}
		switch r.Op {
		case "verify-compact", "verify-general":
			if got.Payload != enc(payload) {
				t.Errorf("%s %s: payload %q", r.Alg, r.Op, got.Payload)
			}
		case "verify-flattened":
			if got.Payload != enc(text) {
				t.Errorf("%s %s: payload %q", r.Alg, r.Op, got.Payload)
			}
		case "sign-compact":
			out, err := v.AppendVerifyCompact(nil, []byte(got.Token))
			if err != nil || !bytes.Equal(out, payload) {
				t.Errorf("%s: verifying panva's compact: %v", r.Alg, err)
			}
		case "sign-unencoded":
			// panva writes "payload": "" for unencoded payloads (detached
			// by convention); the payload travels separately.
			if _, err := v.VerifyDetached([]byte(got.Token), text); err != nil {
				t.Errorf("%s: verifying panva's unencoded flattened JSON: %v", r.Alg, err)
			}
			if _, err := v.VerifyReader([]byte(got.Token), bytes.NewReader(text)); err != nil {
				t.Errorf("%s: streaming panva's unencoded flattened JSON: %v", r.Alg, err)
			}
		case "sign-general":
			res, err := v.Verify([]byte(got.Token))
			if err != nil || !bytes.Equal(res.Payload, payload) {
				t.Errorf("%s: verifying panva's general JSON: %v", r.Alg, err)
			}
		}
	}
}
