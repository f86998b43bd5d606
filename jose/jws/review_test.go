package jws

// Defects found by the session 9 review of the JSON serializations, RFC
// 7797 and the verifier's options; each test failed before its fix.

import (
	"bytes"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestRequireTypeProtected: RequireType is satisfied only by a protected
// "typ". In a JSON serialization the unprotected header is not signed, so
// anyone can add "typ": "JWT" to it and pass a JWS of another type off as
// the required one (RFC 8725 §3.11, explicit typing, needs the type under
// the signature). Before, an unprotected "typ" passed RequireType.
func TestRequireTypeProtected(t *testing.T) {
	secret := testKeys()["HS256"]
	v := must(NewVerifier(verifyKey("HS256"), []string{"HS256"}, RequireType("JWT")))
	unprot := []jose.Member{{Name: "typ", Value: []byte(`"JWT"`)}}
	for _, flattened := range []bool{true, false} {
		js, err := SignJSON([]byte("p"), []SigningKey{{Alg: "HS256", Key: secret, Unprotected: unprot}}, flattened, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(js); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("unprotected typ (flattened %v): %v, want ErrMalformed", flattened, err)
		}
		each, _, err := v.VerifyEach(js)
		if err != nil || each[0].Err == nil {
			t.Errorf("VerifyEach, unprotected typ (flattened %v): %v", flattened, err)
		}
		if _, err := v.VerifyAll(js); err == nil {
			t.Errorf("VerifyAll, unprotected typ (flattened %v) verified", flattened)
		}
		det, err := SignJSON([]byte("p"), []SigningKey{{Alg: "HS256", Key: secret, Unprotected: unprot}}, flattened, &SignOptions{Detached: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.VerifyDetached(det, []byte("p")); err == nil {
			t.Errorf("VerifyDetached, unprotected typ (flattened %v) verified", flattened)
		}
		if _, err := v.VerifyReader(det, bytes.NewReader([]byte("p"))); err == nil {
			t.Errorf("VerifyReader, unprotected typ (flattened %v) verified", flattened)
		}
	}
	// the same typ, protected, passes on every form
	for _, flattened := range []bool{true, false} {
		js, err := SignJSON([]byte("p"), []SigningKey{{Alg: "HS256", Key: secret, Type: "JWT"}}, flattened, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(js); err != nil {
			t.Errorf("protected typ (flattened %v): %v", flattened, err)
		}
	}
}

// TestJSONUnencodedNotUTF8: Message.JSON refuses an attached unencoded
// payload that is not UTF-8 (a compact JWS may carry one), as SignJSON
// does: a JSON string cannot hold those bytes, and the writer would put
// U+FFFD in their place, so the JSON serialization it returned carried
// another payload and no longer verified. Before, JSON returned it.
func TestJSONUnencodedNotUTF8(t *testing.T) {
	secret := testKeys()["HS256"]
	v := must(NewVerifier(verifyKey("HS256"), []string{"HS256"}))
	tok, err := Sign([]byte("a\xffb"), SigningKey{Alg: "HS256", Key: secret}, &SignOptions{Unencoded: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(tok); err != nil {
		t.Fatal(err)
	}
	m, err := ParseCompact(tok)
	if err != nil {
		t.Fatal(err)
	}
	for _, flattened := range []bool{true, false} {
		if js, err := m.JSON(flattened); !errors.Is(err, jose.ErrMalformed) {
			_, verr := v.Verify(js)
			t.Errorf("JSON(%v) = %s, %v (verifies: %v), want ErrMalformed", flattened, js, err, verr)
		}
	}
	// UTF-8 text converts and verifies
	tok, _ = Sign([]byte("é\"\\"), SigningKey{Alg: "HS256", Key: secret}, &SignOptions{Unencoded: true})
	m, _ = ParseCompact(tok)
	for _, flattened := range []bool{true, false} {
		js, err := m.JSON(flattened)
		if err != nil {
			t.Fatal(err)
		}
		if r, err := v.Verify(js); err != nil || string(r.Payload) != "é\"\\" {
			t.Errorf("JSON(%v): %v", flattened, err)
		}
	}
}

// TestEmptyAllowListSentinel: NewVerifier without algorithms fails with an
// error that wraps jose.ErrAlgorithm, as package jose documents for every
// error of the JOSE packages and as an allow-list naming an unknown
// algorithm does. Before, it matched no sentinel.
func TestEmptyAllowListSentinel(t *testing.T) {
	for _, algs := range [][]string{nil, {}} {
		if _, err := NewVerifier(verifyKey("HS256"), algs); !errors.Is(err, jose.ErrAlgorithm) {
			t.Errorf("NewVerifier(key, %#v): %v, want ErrAlgorithm", algs, err)
		}
	}
}

// TestSignReaderUnprotected: SignReader returns a compact serialization,
// which has no unprotected header, so it refuses a SigningKey with
// Unprotected members as AppendCompact does. Before, it signed and
// silently left them out.
func TestSignReaderUnprotected(t *testing.T) {
	k := SigningKey{Alg: "HS256", Key: testKeys()["HS256"], Unprotected: []jose.Member{{Name: "kid", Value: []byte(`"a"`)}}}
	for _, opts := range []*SignOptions{nil, {Unencoded: true}} {
		if tok, err := SignReader(bytes.NewReader([]byte("p")), k, opts); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("SignReader (%+v): %s, %v, want ErrMalformed", opts, tok, err)
		}
	}
	if _, err := Sign([]byte("p"), k, &SignOptions{Detached: true}); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("Sign, detached: %v, want ErrMalformed", err)
	}
}

// TestAttack03AllowList: a token whose algorithm is not in the caller's
// allow-list fails on every entry point, even when its signature is valid
// under the very key the verifier holds (RS256 allowed, PS256 or RS512
// token from the same RSA key; HS256 allowed, HS512 token from the same
// secret; EdDSA allowed, "Ed25519" token from the same key), and whatever
// form the key takes (catalog row 3: the token never chooses the
// algorithm). No other test failed when the allow-list check was removed:
// the key's own binding refused the tokens they tried.
func TestAttack03AllowList(t *testing.T) {
	keys := testKeys()
	rk := keys["RS256"].(*rsa.PrivateKey)
	ek := keys["EdDSA"].(ed25519.PrivateKey)
	secret := keys["HS512"].([]byte) // long enough for every HS*
	rj, _ := jwk.New(&rk.PublicKey)
	rj.Kid = "r"
	for _, tc := range []struct {
		allowed []string
		keys    []any
		sign    any
		algs    []string
	}{
		{[]string{"RS256"}, []any{&rk.PublicKey, rj, &jwk.Set{Keys: []*jwk.Key{rj}}}, rk, []string{"RS384", "RS512", "PS256", "PS384", "PS512"}},
		{[]string{"HS256"}, []any{secret}, secret, []string{"HS384", "HS512"}},
		{[]string{"EdDSA"}, []any{ek.Public()}, ek, []string{"Ed25519"}},
		{[]string{"Ed25519"}, []any{ek.Public()}, ek, []string{"EdDSA"}},
	} {
		for _, key := range tc.keys {
			v := must(NewVerifier(key, tc.allowed))
			for _, alg := range tc.algs {
				tok, err := Sign([]byte("x"), SigningKey{Alg: alg, Key: tc.sign}, nil)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := v.Verify(tok); !errors.Is(err, jose.ErrAlgorithm) {
					t.Errorf("%s token, %v allowed, key %T: %v, want ErrAlgorithm", alg, tc.allowed, key, err)
				}
				for api, err := range everyEntryPoint(v, tok) {
					if err == nil {
						t.Errorf("%s token, %v allowed, key %T: verified by %s", alg, tc.allowed, key, api)
					}
				}
				// the same token verifies once its algorithm is allowed
				if _, err := must(NewVerifier(key, append([]string{alg}, tc.allowed...))).Verify(tok); err != nil {
					t.Errorf("%s token, %s allowed too, key %T: %v", alg, alg, key, err)
				}
			}
		}
	}
}

// TestAttack04AnchorRules: with TrustEmbeddedJWK, an embedded "jwk" is
// only a pointer to a trust anchor: a key equal to no anchor is
// jose.ErrKey, as documented, and when it equals one, the anchor's "alg",
// "use" and "key_ops" apply, not the token's copy of the key (catalog row
// 4). Before, TestAttack04EmbeddedJWK passed with the anchor comparison
// removed (the first anchor's signature check refused the token instead)
// and with the token's key used in place of the anchor (mutations).
func TestAttack04AnchorRules(t *testing.T) {
	rk := testKeys()["RS256"].(*rsa.PrivateKey)
	embedded, _ := jwk.New(&rk.PublicKey) // no alg, use or key_ops
	embedded.Alg = "PS256"
	ej, err := embedded.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := Sign([]byte("x"), SigningKey{Alg: "PS256", Key: rk,
		Protected: []jose.Member{{Name: "jwk", Value: ej}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rs256, _ := jwk.New(&rk.PublicKey)
	rs256.Alg = "RS256"
	enc, _ := jwk.New(&rk.PublicKey)
	enc.Use = "enc"
	ops, _ := jwk.New(&rk.PublicKey)
	ops.KeyOps = []string{"sign"}
	for name, anchor := range map[string]*jwk.Key{"alg RS256": rs256, "use enc": enc, "key_ops sign": ops} {
		v := must(NewVerifier(nil, []string{"RS256", "PS256"}, TrustEmbeddedJWK(anchor)))
		if _, err := v.Verify(tok); !errors.Is(err, jose.ErrKey) {
			t.Errorf("anchor with %s: %v, want ErrKey", name, err)
		}
	}
	plain, _ := jwk.New(&rk.PublicKey)
	if _, err := must(NewVerifier(nil, []string{"PS256"}, TrustEmbeddedJWK(plain))).Verify(tok); err != nil {
		t.Errorf("unrestricted anchor: %v", err)
	}
	// a key equal to no anchor is ErrKey, before any signature check
	other, _ := jwk.Generate("PS256", nil)
	otherPub, _ := other.PublicKey()
	for _, anchors := range [][]*jwk.Key{{otherPub}, {otherPub, otherPub}} {
		v := must(NewVerifier(nil, []string{"PS256"}, TrustEmbeddedJWK(anchors...)))
		if _, err := v.Verify(tok); !errors.Is(err, jose.ErrKey) {
			t.Errorf("%d anchors, none equal: %v, want ErrKey", len(anchors), err)
		}
	}
}

// TestAppendVerifyCompactCrit: a caller that names an extension with
// Critical must process it, reading it from Result.Header; an
// AppendVerifyCompact caller gets no header, so a token whose "crit"
// lists such an extension is ErrCrit there (Verify accepts it). Before,
// AppendVerifyCompact returned the payload and the critical extension
// went unseen (catalog row 18) — through package jwt too, which verifies
// with it.
func TestAppendVerifyCompactCrit(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}, Critical("exp")))
	tok := hs256(`{"alg":"HS256","crit":["exp"],"exp":1}`, "payload", secret)
	if r, err := v.Verify(tok); err != nil || string(r.Header.Crit[0]) != "exp" {
		t.Fatalf("Verify: %v", err)
	}
	if out, err := v.AppendVerifyCompact(nil, tok); !errors.Is(err, jose.ErrCrit) || out != nil {
		t.Errorf("AppendVerifyCompact: %q, %v, want ErrCrit", out, err)
	}
	// refused with the header, before any signature is computed
	forged := hs256(`{"alg":"HS256","crit":["exp"],"exp":1}`, "payload", []byte("another secret, 32 bytes long..."))
	if _, err := v.AppendVerifyCompact(nil, forged); !errors.Is(err, jose.ErrCrit) {
		t.Errorf("AppendVerifyCompact, forged: %v, want ErrCrit", err)
	}
	// "b64", which the package processes itself, is no obstacle
	tok = hs256(`{"alg":"HS256","b64":true,"crit":["b64"]}`, "payload", secret)
	if out, err := v.AppendVerifyCompact(nil, tok); err != nil || string(out) != "payload" {
		t.Errorf("b64 true: %q, %v", out, err)
	}
}

// TestPayloadPartChecks: the checks on the payload part that no test
// exercised (each survived its removal): VerifyDetached refuses a compact
// token that carries a payload, Verify refuses a JSON serialization
// without one, and a signed payload part that is not base64url is
// ErrMalformed from Parse and every entry point, never a verified Result
// without its payload.
func TestPayloadPartChecks(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}))
	tok, _ := Sign([]byte("p"), SigningKey{Alg: "HS256", Key: secret}, nil)
	if _, err := v.VerifyDetached(tok, []byte("p")); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("VerifyDetached, compact with a payload: %v, want ErrMalformed", err)
	}
	empty, _ := SignJSON(nil, []SigningKey{{Alg: "HS256", Key: secret}}, true, &SignOptions{Detached: true})
	if _, err := v.Verify(empty); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("Verify, JSON without a payload: %v, want ErrMalformed", err)
	}
	// "p+q" is not base64url, but an HMAC over it is easily made
	bad := hs256raw(`{"alg":"HS256"}`, "p+q", secret)
	m, _ := ParseCompact(tok)
	js := `{"payload":"p+q","protected":"` + string(m.Signatures[0].Protected) + `","signature":"` +
		string(bad[bytes.LastIndexByte(bad, '.')+1:]) + `"}`
	for name, msg := range map[string][]byte{"compact": bad, "JSON": []byte(js)} {
		if _, err := Parse(msg); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("Parse, %s: %v, want ErrMalformed", name, err)
		}
		for api, err := range everyEntryPoint(v, msg) {
			if err == nil {
				t.Errorf("%s verified by %s", name, api)
			}
		}
	}
}

// hs256raw is hs256 with the payload part given as is, not encoded.
func hs256raw(header, payloadPart string, secret []byte) []byte {
	tok := hs256(header, "", secret)
	in := string(tok[:bytes.IndexByte(tok, '.')+1]) + payloadPart
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(in))
	return []byte(in + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil)))
}

// TestJSONResultOwnsItsBytes: what Parse and Verify return for a JSON
// serialization does not alias the caller's input, as it does not for a
// compact one: a caller that reuses its buffer (a pooled or bufio one)
// must not see a verified Result's header change under it. Before, the
// unprotected header's values (Signature.Unprotected, Header.Get,
// Header.JWK) pointed into the input.
func TestJSONResultOwnsItsBytes(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}))
	js, err := SignJSON([]byte("p"), []SigningKey{{Alg: "HS256", Key: secret, Unprotected: []jose.Member{
		{Name: "x-note", Value: []byte(`"approved"`)}}}}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	buf := bytes.Clone(js)
	m, err := ParseJSON(buf)
	if err != nil {
		t.Fatal(err)
	}
	r, err := v.Verify(buf)
	if err != nil {
		t.Fatal(err)
	}
	copy(buf, bytes.Repeat([]byte{'#'}, len(buf))) // the caller reuses its buffer
	if got, _ := r.Header.Get("x-note"); string(got) != `"approved"` {
		t.Errorf("verified header member now %q", got)
	}
	if got, _ := m.Signatures[0].Header.Get("x-note"); string(got) != `"approved"` {
		t.Errorf("parsed header member now %q", got)
	}
	if got := string(m.Signatures[0].Unprotected); got != `{"x-note":"approved"}` {
		t.Errorf("Unprotected now %q", got)
	}
}

// TestAttack02Base64DER: a public key's DER in base64 without PEM armor —
// what some identity providers publish as "public_key", and so what ends up
// in configuration — is refused as an HMAC secret like PEM and DER are
// (catalog row 2), in standard and URL-safe base64, padded or not, on one
// line or wrapped. Before, it was taken as a secret, so anyone who knew the
// public key could forge HS256 tokens for a verifier configured with it.
func TestAttack02Base64DER(t *testing.T) {
	for _, alg := range []string{"RS256", "ES256", "EdDSA"} {
		der, err := x509.MarshalPKIXPublicKey(verifyKey(alg))
		if err != nil {
			t.Fatal(err)
		}
		priv, _ := x509.MarshalPKCS8PrivateKey(testKeys()[alg])
		std := base64.StdEncoding.EncodeToString(der)
		wrapped := ""
		for s := std; s != ""; {
			n := min(64, len(s))
			wrapped, s = wrapped+s[:n]+"\n", s[n:]
		}
		for name, enc := range map[string]string{
			"std":     std,
			"raw std": base64.RawStdEncoding.EncodeToString(der),
			"url":     base64.URLEncoding.EncodeToString(der),
			"raw url": base64.RawURLEncoding.EncodeToString(der),
			"wrapped": wrapped,
			"ws+std":  " " + std + "\n",
			"PKCS8":   base64.StdEncoding.EncodeToString(priv),
		} {
			if _, err := NewVerifier([]byte(enc), []string{"HS256"}); !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s key, base64 DER (%s), as an HMAC secret: %v, want ErrKey", alg, name, err)
			}
			if _, err := Sign([]byte("x"), SigningKey{Alg: "HS256", Key: []byte(enc)}, nil); !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s key, base64 DER (%s), as an HMAC signing secret: %v, want ErrKey", alg, name, err)
			}
		}
	}
	// a random secret that happens to be base64 text is still a secret
	for _, s := range []string{"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY"} {
		if _, err := NewVerifier([]byte(s), []string{"HS256"}); err != nil {
			t.Errorf("secret %q: %v", s, err)
		}
	}
}

// TestTypPrefixSymmetric: RFC 7515 §4.1.9 reads a "typ" without '/' as if
// "application/" were prepended, so "application/X" and "X" are one type
// whenever X has no '/' — media type parameters included, and on either
// side of RequireType. Before, a token's "application/jwt;v=1" failed
// RequireType("jwt;v=1") though "jwt;v=1" passed RequireType("application/jwt;v=1").
func TestTypPrefixSymmetric(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		match bool
	}{
		{"application/jwt;v=1", "jwt;v=1", true},
		{"application/JWT;v=1", "jwt;v=1", true},
		{"application/a/b", "a/b", false},
		{"application/jwt;v=1", "jwt;v=2", false},
		{"application/jwt;v=1", "jwt", false},
	} {
		for _, p := range [][2]string{{tc.a, tc.b}, {tc.b, tc.a}} {
			v := must(NewVerifier(edgeSecret, []string{"HS256"}, RequireType(p[1])))
			_, err := v.Verify(hs256(`{"alg":"HS256","typ":"`+p[0]+`"}`, "p", edgeSecret))
			if (err == nil) != tc.match {
				t.Errorf("RequireType(%q), typ %q: %v", p[1], p[0], err)
			}
		}
	}
}
