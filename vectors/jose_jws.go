package vectors

// This file runs the JWS vectors: the RFC 7520 §4 cookbook examples, the
// RFC 7797 and RFC 8037 examples of the jose-cookbook corpus
// (JOSECookbookJWS), the RFC 7515 Appendix A and RFC 7797 §4 values typed
// in below (RFCJWS, a Builtin runner), and Wycheproof
// json_web_signature_test.json (WycheproofJWS, which the Wycheproof runner
// calls for that file).
//
// # How a cookbook example is judged
//
// Every serialization in "output" (compact, json, json_flat) must verify with
// the example's key, allowing only the example's algorithm, and give the
// payload (or, for a detached payload, verify with it); it must re-serialize
// to the same bytes (the JSON compared without insignificant whitespace).
// When "reproducible" is true (HS*, RS*, EdDSA: deterministic algorithms),
// signing the payload with the same protected header must give the same
// signature, and the same compact serialization byte for byte. ECDSA and
// PSS examples are randomized and only verified.
//
// Upstream quirks, decided here:
//
//	rfc7797/4.2.hmac-sha2_b64_false.json  its protected header is {"alg":"HS256","b64":false}
//	    without "crit"; RFC 7797 §6 requires "crit" to list "b64", so the
//	    example must be REJECTED (jose.ErrCrit). The RFC's own §4.2 values,
//	    which do carry "crit", are typed into RFCJWS and verify.
//	rfc7797/hmac-sha2_b64_false.json  "signing.protected_b64u" is garbled upstream
//	    ("b64": with no value); only "output" is used.
//	jws/4_7 (no protected header)  verified; not reproduced, because
//	    jws.Sign always writes a protected header carrying "alg".
//
// # How a Wycheproof JWS case is judged
//
// The group's public key (or, for oct keys, its private key) is parsed as a
// JWK and given to a compact-only verifier (Verifier.AppendVerifyCompact, the
// API JWTs use), allowing only the key's "alg", or every JWS algorithm when
// the key has none (so that "use"/"key_ops" are what is tested). "valid"
// must verify, "invalid" must be rejected. Four "valid" cases (tcId 346, 347,
// 350, 351: RFC 7520 figures 20 and 27) use a key whose "alg" contradicts
// the token's ("PS256" for a PS384 token, "ES521" for ES512) — the very
// condition the same file's WrongPrimitive cases require rejecting. Catalog
// row 3 makes the key's "alg" binding, so such a case is counted as refused
// as expected (Result.Refuse, with that reason) only if the token is
// rejected with the key as given AND verifies once the key's "alg" is
// removed; otherwise it fails. Two more "valid" cases (tcId 372, 373) carry
// a '?' inside a part and are counted as refused when rejected (strict
// base64url), and two "invalid" ones (tcId 367, 370)
// are byte-identical to a valid token of their group and are skipped when
// they verify. A case whose result is neither "valid" nor "invalid" fails.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// JOSECookbookJWS runs the JWS examples of the jose-cookbook corpus. Each
// serialization of a single-signature example must verify with its key,
// re-serialize byte for byte, and be refused with jose.ErrVerify once one
// bit of its signature is flipped (the examples are all valid tokens).
var JOSECookbookJWS = Runner{Name: "jose-cookbook", Run: runCookbookJWS}

// RFCJWS runs RFC 7515 Appendix A.1–A.7 and RFC 7797 §4, typed in below.
var RFCJWS = Runner{Name: "rfc-jws", Builtin: true, Run: runRFCJWS}

type cookbookJWS struct {
	Title        string `json:"title"`
	Reproducible bool   `json:"reproducible"`
	Input        struct {
		Payload string          `json:"payload"`
		Key     json.RawMessage `json:"key"`
		Alg     json.RawMessage `json:"alg"`
	} `json:"input"`
	Signing json.RawMessage `json:"signing"`
	Output  struct {
		Compact  string          `json:"compact"`
		JSON     json.RawMessage `json:"json"`
		JSONFlat json.RawMessage `json:"json_flat"`
	} `json:"output"`
}

type cookbookSigning struct {
	ProtectedB64u string          `json:"protected_b64u"`
	Unprotected   json.RawMessage `json:"unprotected"`
	Sig           string          `json:"sig"`
}

func runCookbookJWS(dir string, progress func(string)) ([]Result, error) {
	var files []string
	for _, sub := range []string{"jws", "rfc7797"} {
		fs, err := jsonFiles(filepath.Join(dir, sub))
		if err != nil {
			return nil, fmt.Errorf("vectors: jose-cookbook: %w", err)
		}
		for _, f := range fs {
			files = append(files, sub+"/"+f)
		}
	}
	files = append(files, "curve25519/jws.json")
	var out []Result
	for _, f := range files {
		if progress != nil {
			progress(f)
		}
		out = append(out, runCookbookJWSFile(filepath.Join(dir, filepath.FromSlash(f)), "jose-cookbook/"+f))
	}
	return out, nil
}

// cookbookVerifier is what runCookbookJWSFile asks of a verifier.
type cookbookVerifier interface {
	Verify(msg []byte) (*jws.Result, error)
	VerifyDetached(msg, payload []byte) (*jws.Result, error)
}

// newCookbookVerifier builds the verifier of a single-key cookbook example;
// the tests replace it with a broken one to prove the runner notices.
var newCookbookVerifier = func(k *jwk.Key, algs []string) (cookbookVerifier, error) {
	return jws.NewVerifier(k, algs)
}

// alterSignature returns msg, a compact or JSON-serialized JWS of the given
// form, with the lowest bit of the first byte of each signature flipped,
// and false if one is not a non-empty base64url string.
func alterSignature(form string, msg []byte) ([]byte, bool) {
	var start, end int
	if form == "compact" {
		start = bytes.LastIndexByte(msg, '.') + 1
		end = len(msg)
		if start == 0 {
			return nil, false
		}
	} else {
		key := []byte(`"signature":"`)
		i := bytes.Index(msg, key)
		if i < 0 {
			return nil, false
		}
		start = i + len(key)
		j := bytes.IndexByte(msg[start:], '"')
		if j < 0 {
			return nil, false
		}
		end = start + j
		if bytes.Contains(msg[end:], key) {
			// A general serialization with more signatures: alter
			// them all, so no other signature can still verify.
			rest, ok := alterSignature(form, msg[end:])
			if !ok {
				return nil, false
			}
			msg = append(append([]byte{}, msg[:end]...), rest...)
		}
	}
	sig, err := base64.RawURLEncoding.Strict().DecodeString(string(msg[start:end]))
	if err != nil || len(sig) == 0 {
		return nil, false
	}
	sig[0] ^= 1
	out := append([]byte{}, msg[:start]...)
	out = base64.RawURLEncoding.AppendEncode(out, sig)
	return append(out, msg[end:]...), true
}

func runCookbookJWSFile(path, name string) Result {
	res := Result{Name: name}
	var ex cookbookJWS
	if err := loadJSON(path, &ex); err != nil {
		res.Fail("file: %v", err)
		return res
	}
	var keys []json.RawMessage
	var algs []string
	if len(ex.Input.Key) > 0 && ex.Input.Key[0] == '[' {
		json.Unmarshal(ex.Input.Key, &keys)
		json.Unmarshal(ex.Input.Alg, &algs)
	} else {
		keys = []json.RawMessage{ex.Input.Key}
		var a string
		json.Unmarshal(ex.Input.Alg, &a)
		algs = []string{a}
	}
	if len(keys) != len(algs) || len(keys) == 0 {
		res.Fail("file: %d keys for %d algorithms", len(keys), len(algs))
		return res
	}
	priv := make([]*jwk.Key, len(keys))
	pub := make([]*jwk.Key, len(keys))
	for i, raw := range keys {
		k, err := jwk.Parse(raw)
		if err != nil {
			res.Fail("key %d: %v", i, err)
			return res
		}
		priv[i] = k
		if pub[i], err = k.PublicKey(); err != nil || k.KeyType() == "oct" {
			pub[i] = k
		}
	}
	payload := []byte(ex.Input.Payload)
	badB64 := strings.HasPrefix(filepath.Base(path), "4.2.hmac-sha2_b64_false")

	verify := func(form string, msg []byte) {
		if badB64 {
			v, err := jws.NewVerifier(pub[0], algs)
			if err == nil {
				_, err = v.Verify(msg)
			}
			if errors.Is(err, jose.ErrCrit) {
				res.Pass()
			} else {
				res.Fail("%s: b64 without crit must be rejected with ErrCrit, got %v", form, err)
			}
			return
		}
		if len(keys) > 1 {
			verifyEach(&res, form, msg, pub, algs, payload)
			return
		}
		v, err := newCookbookVerifier(pub[0], algs)
		if err != nil {
			res.Fail("%s: verifier: %v", form, err)
			return
		}
		m, err := jws.Parse(msg)
		if err != nil {
			res.Fail("%s: parse: %v", form, err)
			return
		}
		if m.Detached() {
			_, err = v.VerifyDetached(msg, payload)
		} else {
			var r *jws.Result
			if r, err = v.Verify(msg); err == nil && !bytes.Equal(r.Payload, payload) {
				err = fmt.Errorf("payload %q", r.Payload)
			}
		}
		if err != nil {
			res.Fail("%s: %v", form, err)
			return
		}
		// The same token with one bit of its signature flipped must be
		// refused: the examples are all valid, so without this a
		// verifier accepting every signature would pass them all.
		bad, ok := alterSignature(form, msg)
		if !ok {
			res.Fail("%s: no signature to alter", form)
			return
		}
		if m.Detached() {
			_, err = v.VerifyDetached(bad, payload)
		} else {
			_, err = v.Verify(bad)
		}
		if !errors.Is(err, jose.ErrVerify) {
			res.Fail("%s: token with an altered signature: %v, want jose.ErrVerify", form, err)
			return
		}
		// Re-serialization is byte-exact.
		var again []byte
		switch form {
		case "compact":
			again, err = m.Compact()
		case "json":
			again, err = m.JSON(false)
		case "json_flat":
			again, err = m.JSON(true)
		}
		if err != nil || !bytes.Equal(again, msg) {
			res.Fail("%s: re-serialized as %s (%v)", form, again, err)
			return
		}
		res.Pass()
	}
	if ex.Output.Compact != "" {
		verify("compact", []byte(ex.Output.Compact))
	}
	for _, o := range []struct {
		form string
		raw  json.RawMessage
	}{{"json", ex.Output.JSON}, {"json_flat", ex.Output.JSONFlat}} {
		if len(o.raw) == 0 {
			continue
		}
		var c bytes.Buffer
		if err := json.Compact(&c, o.raw); err != nil {
			res.Fail("%s: %v", o.form, err)
			continue
		}
		verify(o.form, c.Bytes())
	}
	if ex.Reproducible && !badB64 {
		reproduceCookbook(&res, &ex, priv[0], algs[0], payload)
	}
	return res
}

// verifyEach checks a multi-signature example: signature i with key i only.
func verifyEach(res *Result, form string, msg []byte, pub []*jwk.Key, algs []string, payload []byte) {
	for i := range pub {
		v, err := jws.NewVerifier(pub[i], algs[i:i+1])
		if err != nil {
			res.Fail("%s: verifier %d: %v", form, i, err)
			return
		}
		out, p, err := v.VerifyEach(msg)
		if err != nil || len(out) != len(pub) || out[i].Err != nil || !bytes.Equal(p, payload) {
			res.Fail("%s: signature %d: %v %v", form, i, err, out)
			return
		}
		for j := range out {
			if j != i && out[j].Err == nil {
				res.Fail("%s: signature %d verified with key %d", form, j, i)
				return
			}
		}
	}
	res.Pass()
}

// reproduceCookbook signs the example again and compares.
func reproduceCookbook(res *Result, ex *cookbookJWS, key *jwk.Key, alg string, payload []byte) {
	var sg cookbookSigning
	if err := json.Unmarshal(ex.Signing, &sg); err != nil {
		res.Fail("reproduce: signing: %v", err)
		return
	}
	if i := strings.IndexByte(ex.Output.Compact, '.'); i > 0 {
		// The header as serialized (rfc7797/hmac-sha2_b64_false.json has a
		// garbled protected_b64u).
		sg.ProtectedB64u = ex.Output.Compact[:i]
	}
	if sg.ProtectedB64u == "" {
		res.Skip("no protected header: jws.Sign always writes one with \"alg\"")
		return
	}
	hdr, err := jose.DecodeBase64URL([]byte(sg.ProtectedB64u))
	if err != nil {
		res.Fail("reproduce: protected_b64u: %v", err)
		return
	}
	h, err := jose.ParseHeader(hdr)
	if err != nil {
		res.Fail("reproduce: header: %v", err)
		return
	}
	opts := &jws.SignOptions{Unencoded: !h.B64, Detached: strings.Contains(ex.Output.Compact, "..")}
	sk := jws.SigningKey{Alg: alg, Key: key, Header: hdr}
	if len(sg.Unprotected) > 0 {
		o, err := jose.ParseObject(sg.Unprotected)
		if err != nil {
			res.Fail("reproduce: unprotected: %v", err)
			return
		}
		sk.Unprotected = o.Members
		js, err := jws.SignJSON(payload, []jws.SigningKey{sk}, true, opts)
		if err != nil {
			res.Fail("reproduce: %v", err)
			return
		}
		m, err := jws.ParseJSON(js)
		if err != nil || string(jose.AppendBase64URL(nil, m.Signatures[0].Signature)) != sg.Sig {
			res.Fail("reproduce: signature differs: %s (%v)", js, err)
			return
		}
		res.Pass()
		return
	}
	tok, err := jws.Sign(payload, sk, opts)
	if err != nil {
		res.Fail("reproduce: %v", err)
		return
	}
	if ex.Output.Compact == "" {
		// No compact serialization to compare with: the signature must
		// be the example's.
		if sig := tok[bytes.LastIndexByte(tok, '.')+1:]; string(sig) != sg.Sig {
			res.Fail("reproduce: signature %s, want %s", sig, sg.Sig)
			return
		}
	} else if string(tok) != ex.Output.Compact {
		res.Fail("reproduce: compact %s, want %s", tok, ex.Output.Compact)
		return
	}
	res.Pass()
}

// rfcJWS is one example typed in from an RFC.
type rfcJWS struct {
	name    string // "rfc7515/A.1"
	key     string // JWK, private when reproduce is set
	alg     string
	payload string // the decoded payload
	msg     string // the JWS, any serialization
	// reproduce: signing with the same header gives msg byte for byte.
	reproduce bool
	// detached: msg carries no payload; payload is given separately.
	detached bool
	// reject: the example must be rejected by every entry point (A.5).
	reject bool
}

const (
	rfcPayload7515 = "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"
	rfcPayloadB64  = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
	rfcHMACKey     = `{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}`
	rfcRSAKey      = `{"kty":"RSA",` +
		`"n":"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ",` +
		`"e":"AQAB",` +
		`"d":"Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI9JYanrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ",` +
		`"p":"4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8cQn7ouZ2KKDcmnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc",` +
		`"q":"uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_YwD66t62wDmpe_HlB-TnBA-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc",` +
		`"dp":"BwKfV3Akq5_MFZDFZCnW-wzl-CCo83WoZvnLQwCTeDv8uzluRSnm71I3QCLdhrqE2e9YkxvuxdBfpT_PI7Yz-FOKnu1R6HsJeDCjn12Sk3vmAktV2zb34MCdy7cpdTh_YVr7tss2u6vneTwrA86rZtu5Mbr1C1XsmvkxHQAdYo0",` +
		`"dq":"h_96-mK1R_7glhsum81dZxjTnYynPbZpHziZjeeHcXYsXaaMwkOlODsWa7I9xXDoRwbKgB719rrmI2oKr6N3Do9U0ajaHF-NKJnwgjMd2w9cjz3_-kyNlxAr2v4IKhGNpmM5iIgOS1VZnOZ68m6_pbLBSp3nssTdlqvd0tIiTHU",` +
		`"qi":"IYd7DHOhrWvxkwPQsRM2tOgrjbcrfvtQJipd-DlcxyVuuM9sQLdgjVk2oy26F0EmpScGLq2MowX7fhd_QJQ3ydy5cY7YIBi87w93IKLEdfnbJtoOPLUW0ITrJReOgo1cq9SbsxYawBgfp_gh6A5603k2-ZQwVK0JKSHuLFkuQ3U"}`
	rfcP256Key = `{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}`
	rfcP521Key = `{"kty":"EC","crv":"P-521",` +
		`"x":"AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk",` +
		`"y":"ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2",` +
		`"d":"AY5pb7A0UFiB3RELSD64fTLOSV_jazdF7fLYyuTw8lOfRhWg6Y6rUrPAxerEzgdRhajnu0ferB0d53vM9mE15j2C"}`
	rfcRS256Sig = "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw"
	rfcES256Sig = "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
)

var rfcJWSExamples = []rfcJWS{
	{name: "rfc7515/A.1 HS256", key: rfcHMACKey, alg: "HS256", payload: rfcPayload7515, reproduce: true,
		msg: "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9." + rfcPayloadB64 + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"},
	{name: "rfc7515/A.2 RS256", key: rfcRSAKey, alg: "RS256", payload: rfcPayload7515, reproduce: true,
		msg: "eyJhbGciOiJSUzI1NiJ9." + rfcPayloadB64 + "." + rfcRS256Sig},
	{name: "rfc7515/A.3 ES256", key: rfcP256Key, alg: "ES256", payload: rfcPayload7515,
		msg: "eyJhbGciOiJFUzI1NiJ9." + rfcPayloadB64 + "." + rfcES256Sig},
	{name: "rfc7515/A.4 ES512", key: rfcP521Key, alg: "ES512", payload: "Payload",
		msg: "eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn"},
	{name: "rfc7515/A.5 none", key: rfcHMACKey, alg: "HS256", payload: rfcPayload7515, reject: true,
		msg: "eyJhbGciOiJub25lIn0." + rfcPayloadB64 + "."},
	{name: "rfc7515/A.6 general JSON (RS256 signature)", key: rfcRSAKey, alg: "RS256", payload: rfcPayload7515,
		msg: `{"payload":"` + rfcPayloadB64 + `","signatures":[{"protected":"eyJhbGciOiJSUzI1NiJ9","header":{"kid":"2010-12-29"},"signature":"` + rfcRS256Sig + `"},{"protected":"eyJhbGciOiJFUzI1NiJ9","header":{"kid":"e9bc097a-ce51-4036-9562-d2ade882db0d"},"signature":"` + rfcES256Sig + `"}]}`},
	{name: "rfc7515/A.6 general JSON (ES256 signature)", key: rfcP256Key, alg: "ES256", payload: rfcPayload7515,
		msg: `{"payload":"` + rfcPayloadB64 + `","signatures":[{"protected":"eyJhbGciOiJSUzI1NiJ9","header":{"kid":"2010-12-29"},"signature":"` + rfcRS256Sig + `"},{"protected":"eyJhbGciOiJFUzI1NiJ9","header":{"kid":"e9bc097a-ce51-4036-9562-d2ade882db0d"},"signature":"` + rfcES256Sig + `"}]}`},
	{name: "rfc7515/A.7 flattened JSON", key: rfcP256Key, alg: "ES256", payload: rfcPayload7515,
		msg: `{"payload":"` + rfcPayloadB64 + `","protected":"eyJhbGciOiJFUzI1NiJ9","header":{"kid":"e9bc097a-ce51-4036-9562-d2ade882db0d"},"signature":"` + rfcES256Sig + `"}`},
	{name: "rfc7797/4.1 b64 true", key: rfcHMACKey, alg: "HS256", payload: "$.02", reproduce: true,
		msg: "eyJhbGciOiJIUzI1NiJ9.JC4wMg.5mvfOroL-g7HyqJoozehmsaqmvTYGEq5jTI1gVvoEoQ"},
	{name: "rfc7797/4.2 b64 false, compact detached", key: rfcHMACKey, alg: "HS256", payload: "$.02", reproduce: true, detached: true,
		msg: "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY"},
	{name: "rfc7797/4.2 b64 false, flattened JSON", key: rfcHMACKey, alg: "HS256", payload: "$.02",
		msg: `{"protected":"eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19","payload":"$.02","signature":"A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY"}`},
}

func runRFCJWS(_ string, progress func(string)) ([]Result, error) {
	byFile := map[string]*Result{}
	var order []string
	for _, ex := range rfcJWSExamples {
		file := ex.name[:strings.IndexByte(ex.name, '/')]
		r := byFile[file]
		if r == nil {
			if progress != nil {
				progress(file)
			}
			r = &Result{Name: "rfc-jws/" + file}
			byFile[file] = r
			order = append(order, file)
		}
		if err := checkRFCJWS(ex); err != nil {
			r.Fail("%s: %v", ex.name, err)
		} else {
			r.Pass()
		}
	}
	out := make([]Result, 0, len(order))
	for _, f := range order {
		out = append(out, *byFile[f])
	}
	return out, nil
}

func checkRFCJWS(ex rfcJWS) error {
	k, err := jwk.Parse([]byte(ex.key))
	if err != nil {
		return err
	}
	vk := k
	if p, err := k.PublicKey(); err == nil && k.KeyType() != "oct" {
		vk = p
	}
	v, err := jws.NewVerifier(vk, []string{ex.alg})
	if err != nil {
		return err
	}
	msg := []byte(ex.msg)
	if ex.reject {
		// Every entry point, with the key and with "none" asked for.
		if _, err := v.Verify(msg); err == nil {
			return errors.New("alg none accepted by Verify")
		}
		if _, err := v.AppendVerifyCompact(nil, msg); err == nil {
			return errors.New("alg none accepted by AppendVerifyCompact")
		}
		if _, err := jws.NewVerifier(vk, []string{"none"}); err == nil {
			return errors.New(`a verifier allowing "none" was made`)
		}
		return nil
	}
	if ex.detached {
		if _, err := v.VerifyDetached(msg, []byte(ex.payload)); err != nil {
			return err
		}
		if _, err := v.VerifyReader(msg, strings.NewReader(ex.payload)); err != nil {
			return fmt.Errorf("streaming: %w", err)
		}
	} else {
		r, err := v.Verify(msg)
		if err != nil {
			return err
		}
		if string(r.Payload) != ex.payload {
			return fmt.Errorf("payload %q", r.Payload)
		}
	}
	// With one bit of each signature flipped the token must be refused.
	form := "compact"
	if strings.HasPrefix(strings.TrimSpace(ex.msg), "{") {
		form = "json"
	}
	bad, ok := alterSignature(form, msg)
	if !ok {
		return errors.New("no signature to alter")
	}
	cv, err := newCookbookVerifier(vk, []string{ex.alg})
	if err != nil {
		return err
	}
	if ex.detached {
		_, err = cv.VerifyDetached(bad, []byte(ex.payload))
	} else {
		_, err = cv.Verify(bad)
	}
	if err == nil {
		// (A.6 is refused with ErrAlgorithm: its RS256 signature is
		// not of the allowed algorithm.)
		return errors.New("token with an altered signature accepted")
	}
	if !ex.reproduce {
		return nil
	}
	hb := msg[:bytes.IndexByte(msg, '.')]
	hdr, err := jose.DecodeBase64URL(hb)
	if err != nil {
		return err
	}
	h, err := jose.ParseHeader(hdr)
	if err != nil {
		return err
	}
	tok, err := jws.Sign([]byte(ex.payload), jws.SigningKey{Alg: ex.alg, Key: k, Header: hdr},
		&jws.SignOptions{Unencoded: !h.B64, Detached: ex.detached})
	if err != nil {
		return err
	}
	if string(tok) != ex.msg {
		return fmt.Errorf("signed %s, want %s", tok, ex.msg)
	}
	return nil
}

// WycheproofJWS runs Wycheproof json_web_signature_test.json (path) and
// returns its Result, named "wycheproof/json_web_signature_test.json".
func WycheproofJWS(path string) Result {
	res := Result{Name: "wycheproof/" + filepath.Base(path)}
	var f struct {
		NumberOfTests int `json:"numberOfTests"`
		TestGroups    []struct {
			Private json.RawMessage `json:"private"`
			Public  json.RawMessage `json:"public"`
			Tests   []struct {
				TcID    int    `json:"tcId"`
				Comment string `json:"comment"`
				JWS     string `json:"jws"`
				Result  string `json:"result"`
			} `json:"tests"`
		} `json:"testGroups"`
	}
	if err := loadJSON(path, &f); err != nil {
		res.Fail("file: %v", err)
		return res
	}
	for _, g := range f.TestGroups {
		raw := g.Public
		if len(raw) == 0 {
			raw = g.Private
		}
		key, kerr := jwk.Parse(raw)
		validTok := map[string]int{}
		for _, t := range g.Tests {
			if t.Result == "valid" {
				validTok[t.JWS] = t.TcID
			}
		}
		for _, t := range g.Tests {
			id := fmt.Sprintf("tcId %d (%s)", t.TcID, t.Comment)
			if t.Result != "valid" && t.Result != "invalid" {
				// The switch below reads every other result as "invalid".
				res.Fail("%s: result %q has no decision in this runner", id, t.Result)
				continue
			}
			if kerr != nil {
				if t.Result == "valid" {
					res.Fail("%s: key: %v", id, kerr)
				} else {
					res.Pass() // the key itself is refused, so nothing verifies
				}
				continue
			}
			err := wycheproofJWSVerify(key, []byte(t.JWS))
			switch {
			case t.Result == "valid" && err == nil:
				res.Pass()
			case t.Result == "valid" && !jwsPartsBase64URL(t.JWS):
				// Policy: base64url is strict (RFC 7515 §2); a '?' inserted
				// into a part makes the token malformed.
				// Rejected as malformed, or, when the '?' is inside the
				// signed input, as not verifying.
				if err != nil {
					res.Refuse("marked valid with a non-base64url character inserted; strict base64url (RFC 7515 §2) rejects it")
				} else {
					res.Fail("%s: a part that is not base64url was accepted", id)
				}
			case t.Result == "valid" && key.Alg != "" && tokenAlg(t.JWS) != key.Alg:
				// The data conflict described in the file comment.
				if err := wycheproofJWSVerifyNoAlg(key, []byte(t.JWS)); err != nil {
					res.Fail("%s: key alg %s, token alg %s: still fails without the key's alg: %v", id, key.Alg, tokenAlg(t.JWS), err)
				} else {
					res.Refuse("marked valid although the key's \"alg\" contradicts the token's (catalog row 3 rejects); verified with the key's alg removed")
				}
			case t.Result == "valid":
				res.Fail("%s: %v", id, err)
			case err != nil:
				res.Pass()
			case validTok[t.JWS] != 0:
				res.Skip("marked invalid but byte-identical to a valid case of its group: the modification its comment names is missing from the data")
			default:
				res.Fail("%s: invalid token verified", id)
			}
		}
	}
	if f.NumberOfTests != 0 && res.Cases != f.NumberOfTests {
		res.Fail("file: %d cases run, numberOfTests says %d", res.Cases, f.NumberOfTests)
	}
	return res
}

func wycheproofJWSVerify(key *jwk.Key, tok []byte) error {
	algs := jws.Algorithms()
	if key.Alg != "" {
		algs = []string{key.Alg}
	}
	v, err := jws.NewVerifier(key, algs)
	if err != nil {
		return err
	}
	_, err = v.AppendVerifyCompact(nil, tok)
	return err
}

func wycheproofJWSVerifyNoAlg(key *jwk.Key, tok []byte) error {
	raw, err := key.AppendJSON(nil)
	if err != nil {
		return err
	}
	k, err := jwk.Parse(raw)
	if err != nil {
		return err
	}
	k.Alg = ""
	v, err := jws.NewVerifier(k, []string{tokenAlg(string(tok))})
	if err != nil {
		return err
	}
	_, err = v.AppendVerifyCompact(nil, tok)
	return err
}

// jwsPartsBase64URL reports whether every part of a compact token is
// strict base64url.
func jwsPartsBase64URL(tok string) bool {
	for _, p := range strings.Split(tok, ".") {
		if !jose.ValidBase64URL([]byte(p)) {
			return false
		}
	}
	return true
}

// tokenAlg returns the "alg" of a compact token's header, or "".
func tokenAlg(tok string) string {
	i := strings.IndexByte(tok, '.')
	if i < 0 {
		return ""
	}
	h, err := jose.ParseProtected([]byte(tok[:i]))
	if err != nil {
		return ""
	}
	return h.Alg
}
