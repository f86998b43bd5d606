package jws_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// detachedKeys returns an ES256 key "e" and an EdDSA key "d", private,
// and a verifier over both public keys.
func detachedKeys(t *testing.T) (e, d *jwk.Key, v *jws.Verifier) {
	t.Helper()
	var pubs []*jwk.Key
	for _, kid := range []string{"e", "d"} {
		alg := map[string]string{"e": "ES256", "d": "EdDSA"}[kid]
		k, err := jwk.Generate(alg, nil)
		if err != nil {
			t.Fatal(err)
		}
		k.Kid = kid
		p, err := k.PublicKey()
		if err != nil {
			t.Fatal(err)
		}
		pubs = append(pubs, p)
		if kid == "e" {
			e = k
		} else {
			d = k
		}
	}
	v, err := jws.NewVerifier(&jwk.Set{Keys: pubs}, []string{"ES256", "EdDSA"})
	if err != nil {
		t.Fatal(err)
	}
	return e, d, v
}

// TestVerifyAllDetachedMultiSignature: a general JSON JWS with two
// signatures and a detached payload (RFC 7515 Appendix F), encoded or
// unencoded (RFC 7797), verifies signature by signature with
// VerifyAllDetached and VerifyEachDetached; VerifyAll and VerifyEach
// refuse it (they take an attached payload), and before these methods a
// detached multi-signature message could only be checked for its first
// verifying signature (VerifyDetached, VerifyReader).
func TestVerifyAllDetachedMultiSignature(t *testing.T) {
	e, d, v := detachedKeys(t)
	only, err := jws.NewVerifier(e, []string{"ES256", "EdDSA"})
	if err != nil {
		t.Fatal(err)
	}
	payload := []byte("$.02 a detached payload, with dots.")
	for _, unencoded := range []bool{false, true} {
		keys := []jws.SigningKey{{Alg: "ES256", Key: e}, {Alg: "EdDSA", Key: d}}
		msg, err := jws.SignJSON(payload, keys, false, &jws.SignOptions{Detached: true, Unencoded: unencoded})
		if err != nil {
			t.Fatal(err)
		}
		res, err := v.VerifyAllDetached(msg, payload)
		if err != nil {
			t.Fatalf("unencoded=%v: VerifyAllDetached: %v", unencoded, err)
		}
		if len(res) != 2 || res[0].Index != 0 || res[1].Index != 1 || res[0].Key.Kid != "e" || res[1].Key.Kid != "d" || res[0].Payload != nil {
			t.Fatalf("unencoded=%v: results %+v %+v", unencoded, res[0], res[1])
		}
		if _, err := v.VerifyAllDetached(msg, append(payload, '!')); !errors.Is(err, jose.ErrVerify) {
			t.Errorf("unencoded=%v: another payload: %v, want jose.ErrVerify", unencoded, err)
		}
		if _, err := v.VerifyAll(msg); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("unencoded=%v: VerifyAll of a detached message: %v, want jose.ErrMalformed", unencoded, err)
		}

		// One key of the two: VerifyEachDetached says which verified,
		// VerifyAllDetached fails.
		each, err := only.VerifyEachDetached(msg, payload)
		if err != nil || len(each) != 2 || each[0].Err != nil || each[0].Key.Kid != "e" || each[1].Err == nil {
			t.Fatalf("unencoded=%v: VerifyEachDetached with one key: %+v, %v", unencoded, each, err)
		}
		if _, err := only.VerifyAllDetached(msg, payload); err == nil {
			t.Errorf("unencoded=%v: VerifyAllDetached passed with one key of two", unencoded)
		}
		each, err = v.VerifyEachDetached(msg, []byte("other"))
		if err != nil || each[0].Err == nil || each[1].Err == nil {
			t.Errorf("unencoded=%v: VerifyEachDetached over another payload: %+v, %v", unencoded, each, err)
		}

		// The message with its payload attached is not detached.
		att, err := jws.SignJSON(payload, keys, false, &jws.SignOptions{Unencoded: unencoded})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.VerifyAllDetached(att, payload); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("unencoded=%v: VerifyAllDetached of an attached payload: %v, want jose.ErrMalformed", unencoded, err)
		}
		if _, err := v.VerifyEachDetached(att, payload); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("unencoded=%v: VerifyEachDetached of an attached payload: %v, want jose.ErrMalformed", unencoded, err)
		}

		// Compact: one signature.
		tok, err := jws.Sign(payload, jws.SigningKey{Alg: "EdDSA", Key: d}, &jws.SignOptions{Detached: true, Unencoded: unencoded})
		if err != nil {
			t.Fatal(err)
		}
		if res, err := v.VerifyAllDetached(tok, payload); err != nil || len(res) != 1 || res[0].Key.Kid != "d" {
			t.Errorf("unencoded=%v: compact: %v, %v", unencoded, res, err)
		}
		if each, err := v.VerifyEachDetached(tok, payload); err != nil || len(each) != 1 || each[0].Err != nil {
			t.Errorf("unencoded=%v: compact VerifyEachDetached: %+v, %v", unencoded, each, err)
		}
	}
}

// TestVerifyAllDetachedB64Disagree: signatures of one message that
// disagree on "b64" are refused (jose.ErrCrit) before any is checked,
// detached as attached: the one payload cannot be both.
func TestVerifyAllDetachedB64Disagree(t *testing.T) {
	e, d, v := detachedKeys(t)
	payload := []byte("payload")
	sig := func(k *jwk.Key, alg string, unencoded bool) json.RawMessage {
		msg, err := jws.SignJSON(payload, []jws.SigningKey{{Alg: alg, Key: k}}, false, &jws.SignOptions{Detached: true, Unencoded: unencoded})
		if err != nil {
			t.Fatal(err)
		}
		var m struct{ Signatures []json.RawMessage }
		if err := json.Unmarshal(msg, &m); err != nil {
			t.Fatal(err)
		}
		return m.Signatures[0]
	}
	mixed, err := json.Marshal(map[string]any{"signatures": []json.RawMessage{sig(e, "ES256", false), sig(d, "EdDSA", true)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.VerifyAllDetached(mixed, payload); !errors.Is(err, jose.ErrCrit) {
		t.Errorf("VerifyAllDetached: %v, want jose.ErrCrit", err)
	}
	if _, err := v.VerifyEachDetached(mixed, payload); !errors.Is(err, jose.ErrCrit) {
		t.Errorf("VerifyEachDetached: %v, want jose.ErrCrit", err)
	}
}

// TestVerifyAllDetachedAllocs: checking a detached payload allocates no
// more than checking the same message with its payload attached (the
// signing input is built in one buffer reused for every signature, and the
// payload is not copied), and the count does not grow with the payload
// (within a growth step or two of the reused buffer).
func TestVerifyAllDetachedAllocs(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	secret := []byte("0123456789abcdef0123456789abcdef")
	keys := []jws.SigningKey{{Alg: "HS256", Key: secret, KeyID: "a"}, {Alg: "HS256", Key: secret, KeyID: "b"}}
	v, err := jws.NewVerifier(secret, []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	count := func(size int) (attached, detached float64) {
		payload := bytes.Repeat([]byte("x"), size)
		att, err := jws.SignJSON(payload, keys, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		det, err := jws.SignJSON(payload, keys, false, &jws.SignOptions{Detached: true})
		if err != nil {
			t.Fatal(err)
		}
		attached = testenv.AllocsPerRun(20, func() {
			if _, err := v.VerifyAll(att); err != nil {
				t.Fatal(err)
			}
		})
		detached = testenv.AllocsPerRun(20, func() {
			if _, err := v.VerifyAllDetached(det, payload); err != nil {
				t.Fatal(err)
			}
		})
		return attached, detached
	}
	a1, d1 := count(1 << 10)
	_, d2 := count(256 << 10)
	t.Logf("VerifyAll %v allocs, VerifyAllDetached %v (1 KiB), %v (256 KiB)", a1, d1, d2)
	if d1 > a1 {
		t.Errorf("VerifyAllDetached: %v allocs, more than VerifyAll's %v", d1, a1)
	}
	// Not one per byte or per chunk: a growth step of the signing input
	// buffer may differ between the two. (Counted with the collector off:
	// with it on, the collections that 20 verifications of 256 KiB start
	// empty the pools, and the refills made d2 45 to 47 by chance: 47,
	// the bound itself, in 12 of 20 runs at GOGC=50.)
	if d2 > d1+2 {
		t.Errorf("VerifyAllDetached: %v allocs for 256 KiB, %v for 1 KiB", d2, d1)
	}
}

// panvaDetachedScript signs a general JSON JWS with two keys in panva jose
// (the payload encoded or, with b64 false, as is), and verifies one of ours
// given its detached payload.
const panvaDetachedScript = `
const jose = await import(process.env.PEER_JOSE);
const chunks = []; for await (const c of process.stdin) chunks.push(c);
const reqs = JSON.parse(Buffer.concat(chunks).toString());
const out = [];
for (const r of reqs) {
  try {
    const payload = Buffer.from(r.payload, 'base64url');
    const extra = r.unencoded ? {b64: false, crit: ['b64']} : {};
    if (r.op === 'sign') {
      const s = new jose.GeneralSign(payload);
      for (const k of r.keys) s.addSignature(await jose.importJWK(k.jwk, k.alg)).setProtectedHeader({alg: k.alg, ...extra});
      out.push({token: JSON.stringify(await s.sign())});
    } else {
      const ok = [];
      for (const k of r.keys) {
        const j = JSON.parse(r.token);
        j.payload = r.unencoded ? payload.toString() : payload.toString('base64url');
        const v = await jose.generalVerify(j, await jose.importJWK(k.jwk, k.alg), {algorithms: [k.alg]});
        ok.push(v.protectedHeader.alg);
      }
      out.push({verified: ok});
    }
  } catch (e) { out.push({error: String(e && e.code || e)}); }
}
process.stdout.write(JSON.stringify(out));
`

type panvaDetachedKey struct {
	Alg string          `json:"alg"`
	JWK json.RawMessage `json:"jwk"`
}

type panvaDetachedReq struct {
	Op        string             `json:"op"`
	Keys      []panvaDetachedKey `json:"keys"`
	Payload   string             `json:"payload"`
	Unencoded bool               `json:"unencoded"`
	Token     string             `json:"token,omitempty"`
}

type panvaDetachedResp struct {
	Token    string   `json:"token"`
	Verified []string `json:"verified"`
	Error    string   `json:"error"`
}

// TestInteropPanvaDetachedMultiSignature: panva jose's general JSON with
// an ES256 and an EdDSA signature, its payload then detached (removed, or
// the "payload": "" panva writes for b64 false), verifies with
// VerifyAllDetached, both signatures; and panva verifies each signature of
// ours given the detached payload.
func TestInteropPanvaDetachedMultiSignature(t *testing.T) {
	testenv.PanvaJose(t) // skip before making keys when the peer is missing
	e, d, v := detachedKeys(t)
	payload := []byte("$.02 detached, \u00e9")
	var keys, pubs []panvaDetachedKey
	for _, k := range []struct {
		alg string
		key *jwk.Key
	}{{"ES256", e}, {"EdDSA", d}} {
		j, err := k.key.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, panvaDetachedKey{Alg: k.alg, JWK: j})
		p, err := k.key.PublicKey()
		if err != nil {
			t.Fatal(err)
		}
		if j, err = p.AppendJSON(nil); err != nil {
			t.Fatal(err)
		}
		pubs = append(pubs, panvaDetachedKey{Alg: k.alg, JWK: j})
	}
	p64 := jose.AppendBase64URL(nil, payload)
	var reqs []panvaDetachedReq
	for _, unencoded := range []bool{false, true} {
		ours, err := jws.SignJSON(payload, []jws.SigningKey{{Alg: "ES256", Key: e}, {Alg: "EdDSA", Key: d}}, false, &jws.SignOptions{Detached: true, Unencoded: unencoded})
		if err != nil {
			t.Fatal(err)
		}
		reqs = append(reqs,
			panvaDetachedReq{Op: "sign", Keys: keys, Payload: string(p64), Unencoded: unencoded},
			panvaDetachedReq{Op: "verify", Keys: pubs, Payload: string(p64), Unencoded: unencoded, Token: string(ours)})
	}
	resp := testenv.RunBatch[panvaDetachedReq, panvaDetachedResp](t, testenv.PanvaCommand(t, panvaDetachedScript), reqs)
	for i, r := range reqs {
		got := resp[i]
		if got.Error != "" {
			t.Errorf("%s unencoded=%v: panva: %s", r.Op, r.Unencoded, got.Error)
			continue
		}
		if r.Op == "verify" {
			if len(got.Verified) != 2 {
				t.Errorf("unencoded=%v: panva verified %v of ours", r.Unencoded, got.Verified)
			}
			continue
		}
		// Detach panva's payload: drop the member (an encoded payload);
		// with b64 false panva already writes "payload": "".
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(got.Token), &m); err != nil {
			t.Fatal(err)
		}
		if r.Unencoded {
			if string(m["payload"]) != `""` {
				t.Fatalf("panva's unencoded payload member: %s", m["payload"])
			}
		} else {
			delete(m, "payload")
		}
		msg, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		res, err := v.VerifyAllDetached(msg, payload)
		if err != nil || len(res) != 2 {
			t.Errorf("unencoded=%v: VerifyAllDetached of panva's: %v, %v", r.Unencoded, res, err)
			continue
		}
		if res[0].Header.Alg != "ES256" || res[1].Header.Alg != "EdDSA" {
			t.Errorf("unencoded=%v: algorithms %s, %s", r.Unencoded, res[0].Header.Alg, res[1].Header.Alg)
		}
		if _, err := v.VerifyAllDetached(msg, payload[1:]); !errors.Is(err, jose.ErrVerify) {
			t.Errorf("unencoded=%v: panva's over another payload: %v", r.Unencoded, err)
		}
	}
}
