package jws

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// hs256 forges an HS256 token over header and payload with secret.
func hs256(header, payload string, secret []byte) []byte {
	in := b64(header) + "." + b64(payload)
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(in))
	return []byte(in + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil)))
}

// everyEntryPoint runs tok through every verification API of v and
// returns the errors (nil entries mean it verified).
func everyEntryPoint(v *Verifier, tok []byte) map[string]error {
	out := map[string]error{}
	_, out["Verify"] = v.Verify(tok)
	_, out["AppendVerifyCompact"] = v.AppendVerifyCompact(nil, tok)
	_, out["VerifyAll"] = v.VerifyAll(tok)
	res, _, err := v.VerifyEach(tok)
	if err == nil {
		err = errVerify
		for _, r := range res {
			if r.Err == nil {
				err = nil
			}
		}
	}
	out["VerifyEach"] = err
	if m, err := Parse(tok); err == nil {
		if js, err := m.JSON(true); err == nil {
			_, out["Verify(flattened)"] = v.Verify(js)
		}
		if js, err := m.JSON(false); err == nil {
			_, out["Verify(general)"] = v.Verify(js)
		}
	}
	if i := bytes.IndexByte(tok, '.'); i > 0 {
		if j := bytes.LastIndexByte(tok, '.'); j > i {
			det := append(append(bytes.Clone(tok[:i]), '.', '.'), tok[j+1:]...)
			p, _ := jose.DecodeBase64URL(tok[i+1 : j])
			_, out["VerifyDetached"] = v.VerifyDetached(det, p)
			_, out["VerifyReader"] = v.VerifyReader(det, bytes.NewReader(p))
		}
	}
	return out
}

// TestAttack01AlgNone: a valid token rewritten to "none" (any case) with an
// empty signature fails on every entry point with any key (catalog row 1).
func TestAttack01AlgNone(t *testing.T) {
	set := &jwk.Set{}
	for _, alg := range []string{"HS256", "ES256", "RS256", "EdDSA"} {
		k, _ := jwk.New(verifyKey(alg))
		set.Keys = append(set.Keys, k)
	}
	for _, alg := range []string{"HS256", "ES256", "RS256", "EdDSA"} {
		tok, _ := Sign([]byte(`{"sub":"x"}`), SigningKey{Alg: alg, Key: testKeys()[alg]}, nil)
		payload := tok[bytes.IndexByte(tok, '.')+1 : bytes.LastIndexByte(tok, '.')]
		for _, none := range []string{"none", "None", "NONE", "nOnE"} {
			for _, sig := range []string{"", string(tok[bytes.LastIndexByte(tok, '.')+1:])} {
				forged := []byte(b64(`{"alg":"`+none+`"}`) + "." + string(payload) + "." + sig)
				for _, key := range []any{verifyKey(alg), set} {
					v, err := NewVerifier(key, Algorithms())
					if err != nil {
						t.Fatal(err)
					}
					for api, err := range everyEntryPoint(v, forged) {
						if err == nil {
							t.Errorf("%s: %q verified by %s", alg, none, api)
						}
					}
				}
			}
		}
	}
	for _, none := range []string{"none", "None"} {
		if _, err := NewVerifier(verifyKey("HS256"), []string{none}); !errors.Is(err, jose.ErrAlgorithm) {
			t.Errorf("allow-list %q: %v", none, err)
		}
		if _, err := Sign([]byte("x"), SigningKey{Alg: none, Key: testKeys()["HS256"]}, nil); err == nil {
			t.Errorf("signed with %q", none)
		}
	}
}

// sshLine returns the OpenSSH authorized_keys form of pub.
func sshLine(pub any) string {
	str := func(b []byte) []byte {
		var l [4]byte
		binary.BigEndian.PutUint32(l[:], uint32(len(b)))
		return append(l[:], b...)
	}
	var blob []byte
	var typ string
	switch k := pub.(type) {
	case ed25519.PublicKey:
		typ = "ssh-ed25519"
		blob = append(str([]byte(typ)), str(k)...)
	case *rsa.PublicKey:
		typ = "ssh-rsa"
		blob = append(append(str([]byte(typ)), str([]byte{1, 0, 1})...), str(append([]byte{0}, k.N.Bytes()...))...)
	case *ecdsa.PublicKey:
		typ = "ecdsa-sha2-nistp256"
		pt, _ := k.Bytes()
		blob = append(append(str([]byte(typ)), str([]byte("nistp256"))...), str(pt)...)
	}
	return typ + " " + base64.StdEncoding.EncodeToString(blob) + " user@host"
}

// TestAttack02HMACKeyConfusion: a token MACed with the verifier's public
// key, in every encoding, never verifies: the key kind is bound to the
// algorithm family before any MAC is computed (catalog row 2).
func TestAttack02HMACKeyConfusion(t *testing.T) {
	for _, alg := range []string{"RS256", "ES256", "EdDSA"} {
		pub := verifyKey(alg)
		der, _ := x509.MarshalPKIXPublicKey(pub)
		jk, _ := jwk.New(pub)
		encodings := map[string][]byte{
			"DER":      der,
			"PEM":      pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}),
			"JWK":      jwkJSON(t, jk),
			"SSH":      []byte(sshLine(pub)),
			"raw":      []byte(string(rawPub(pub))),
			"ws+PEM":   append([]byte(" \n\t"), pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})...),
			"ws+JWK":   append([]byte("\r\n "), jwkJSON(t, jk)...),
			"ws+SSH":   []byte("  " + sshLine(pub)),
			"JWK+pad":  append(jwkJSON(t, jk), ' '),
			"PEM+tail": append(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), "\n\n"...),
		}
		if k, ok := pub.(*rsa.PublicKey); ok {
			p1 := x509.MarshalPKCS1PublicKey(k)
			encodings["PKCS1 DER"] = p1
			encodings["PKCS1 PEM"] = pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: p1})
		}
		set := &jwk.Set{Keys: []*jwk.Key{jk}}
		for name, enc := range encodings {
			forged := hs256(`{"alg":"HS256"}`, `{"sub":"admin"}`, enc)
			for _, key := range []any{pub, jk, set} {
				v, err := NewVerifier(key, []string{"HS256", alg})
				if err != nil {
					t.Fatal(err)
				}
				for api, err := range everyEntryPoint(v, forged) {
					if err == nil {
						t.Errorf("%s %s: forged HS256 verified by %s with %T", alg, name, api, key)
					}
				}
			}
			if name == "raw" {
				continue // raw key bytes are indistinguishable from a secret; typed keys stop it
			}
			if _, err := NewVerifier(enc, []string{"HS256"}); !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s %s offered as an HMAC secret: %v", alg, name, err)
			}
			if _, err := Sign([]byte("x"), SigningKey{Alg: "HS256", Key: enc}, nil); !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s %s used as an HMAC signing secret: %v", alg, name, err)
			}
		}
	}
}

func rawPub(pub any) []byte {
	switch k := pub.(type) {
	case ed25519.PublicKey:
		return k
	case *ecdsa.PublicKey:
		b, _ := k.Bytes()
		return b
	case *rsa.PublicKey:
		return k.N.Bytes()
	}
	return nil
}

// TestAttack03KeyAlgBinding: a key whose "alg" is RS256 verifies neither a
// PS256 nor an ES256 token, even when the signature is valid (catalog row
// 3).
func TestAttack03KeyAlgBinding(t *testing.T) {
	rk := testKeys()["RS256"].(*rsa.PrivateKey)
	jk, _ := jwk.New(&rk.PublicKey)
	jk.Alg = "RS256"
	ek, _ := jwk.New(verifyKey("ES256"))
	ek.Alg = "ES384" // wrong on purpose: the key says ES384
	set := &jwk.Set{Keys: []*jwk.Key{jk, ek}}
	ps, _ := Sign([]byte("x"), SigningKey{Alg: "PS256", Key: rk}, nil)
	es, _ := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: testKeys()["ES256"]}, nil)
	rs, _ := Sign([]byte("x"), SigningKey{Alg: "RS256", Key: rk}, nil)
	for _, key := range []any{jk, set} {
		v, err := NewVerifier(key, []string{"RS256", "PS256", "ES256"})
		if err != nil {
			t.Fatal(err)
		}
		for name, tok := range map[string][]byte{"PS256": ps, "ES256": es} {
			for api, err := range everyEntryPoint(v, tok) {
				if err == nil {
					t.Errorf("%s token verified by %s with an alg-bound key (%T)", name, api, key)
				}
			}
		}
		if _, err := v.Verify(rs); err != nil {
			t.Errorf("RS256 token with its own key: %v", err)
		}
	}
	// Without the key's alg, the PS256 signature is valid: the binding is
	// what rejected it.
	v, _ := NewVerifier(&rk.PublicKey, []string{"PS256"})
	if _, err := v.Verify(ps); err != nil {
		t.Fatal(err)
	}
	// A key with use "enc" or key_ops without "verify" verifies nothing.
	enc, _ := jwk.New(&rk.PublicKey)
	enc.Use = "enc"
	if _, err := NewVerifier(enc, []string{"RS256"}); !errors.Is(err, jose.ErrKey) {
		t.Errorf("use=enc key: %v", err)
	}
	ops, _ := jwk.New(&rk.PublicKey)
	ops.KeyOps = []string{"sign"}
	if _, err := NewVerifier(ops, []string{"RS256"}); !errors.Is(err, jose.ErrKey) {
		t.Errorf("key_ops=[sign] key: %v", err)
	}
}

// TestAttack04EmbeddedJWK: a token signed by an attacker key carried in
// its "jwk" header fails unless embedded keys were opted into and the key
// matches a trust anchor (catalog row 4).
func TestAttack04EmbeddedJWK(t *testing.T) {
	legit, _ := jwk.Generate("ES256", nil)
	legitPub, _ := legit.PublicKey()
	attacker, _ := jwk.Generate("ES256", nil)
	attackerPub, _ := attacker.PublicKey()
	embed := func(signer, carried *jwk.Key) []byte {
		tok, err := Sign([]byte(`{"sub":"admin"}`), SigningKey{Alg: "ES256", Key: signer,
			Protected: []jose.Member{{Name: "jwk", Value: jwkJSON(t, carried)}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	evil := embed(attacker, attackerPub)
	for _, v := range []*Verifier{
		must(NewVerifier(legitPub, []string{"ES256"})),
		must(NewVerifier(nil, []string{"ES256"}, TrustEmbeddedJWK(legitPub))),
		must(NewVerifier(legitPub, []string{"ES256"}, TrustEmbeddedJWK(legitPub))),
	} {
		for api, err := range everyEntryPoint(v, evil) {
			if err == nil {
				t.Errorf("attacker-embedded jwk verified by %s", api)
			}
		}
	}
	if _, err := NewVerifier(nil, []string{"ES256"}); err == nil {
		t.Error("a verifier without keys and without TrustEmbeddedJWK was made")
	}
	good := embed(legit, legitPub)
	if _, err := must(NewVerifier(nil, []string{"ES256"}, TrustEmbeddedJWK(legitPub))).Verify(good); err != nil {
		t.Errorf("embedded anchor key: %v", err)
	}
	if _, err := must(NewVerifier(legitPub, []string{"ES256"})).Verify(good); err != nil {
		t.Errorf("ignored embedded key, configured key: %v", err)
	}
}

func must(v *Verifier, err error) *Verifier {
	if err != nil {
		panic(err)
	}
	return v
}

// TestAttack05NoFetch: "jku" and "x5u" are never followed: verifying tokens
// that point at a local server makes zero requests (catalog row 5), and the
// remote fetcher refuses plain http and unlisted URLs.
func TestAttack05NoFetch(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.WriteString(w, `{"keys":[]}`)
	}))
	defer srv.Close()
	k := testKeys()["ES256"]
	attacker, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	v := must(NewVerifier(verifyKey("ES256"), []string{"ES256"}))
	for _, hdr := range []string{"jku", "x5u"} {
		for _, signer := range []any{k, attacker} {
			tok, err := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: signer,
				Protected: []jose.Member{{Name: hdr, Value: []byte(`"` + srv.URL + `/jwks"`)}}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			everyEntryPoint(v, tok)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("%d HTTP requests made", n)
	}
	if _, err := jwk.NewRemote(srv.URL+"/jwks", jwk.RemoteOptions{}); err == nil {
		t.Error("remote JWKS over plain http accepted")
	}
	if _, err := jwk.NewRemote("https://other.example/jwks", jwk.RemoteOptions{AllowedURLs: []string{"https://idp.example/jwks"}}); err == nil {
		t.Error("remote JWKS outside the allow-list accepted")
	}
}

// TestAttack26KidSelection: with keys A and B, a token with kid A signed by
// B fails; without a kid only keys of the alg's family are tried, and
// RequireKeyID turns that off (catalog row 26).
func TestAttack26KidSelection(t *testing.T) {
	a, _ := jwk.Generate("ES256", nil)
	b, _ := jwk.Generate("ES256", nil)
	r, _ := jwk.Generate("RS256", nil)
	a.Kid, b.Kid, r.Kid = "A", "B", "R"
	set := &jwk.Set{Keys: []*jwk.Key{must2(a.PublicKey()), must2(b.PublicKey()), must2(r.PublicKey())}}
	v := must(NewVerifier(set, []string{"ES256", "RS256"}))
	vk := must(NewVerifier(set, []string{"ES256", "RS256"}, RequireKeyID()))
	forged, _ := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: b, KeyID: "A"}, nil)
	for api, err := range everyEntryPoint(v, forged) {
		if err == nil {
			t.Errorf("kid A signed by B verified by %s", api)
		}
	}
	unknown, _ := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: b, KeyID: "C"}, nil)
	if _, err := v.Verify(unknown); !errors.Is(err, jose.ErrKey) {
		t.Errorf("unknown kid: %v", err)
	}
	noKid, _ := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: b.Secret(), KeyID: ""}, nil)
	_ = noKid
	bs, _ := b.Signer()
	noKid, _ = Sign([]byte("x"), SigningKey{Alg: "ES256", Key: bs}, nil)
	res, err := v.Verify(noKid)
	if err != nil || res.Key.Kid != "B" {
		t.Errorf("no kid, family search: %v", err)
	}
	if _, err := vk.Verify(noKid); !errors.Is(err, jose.ErrKey) {
		t.Errorf("no kid with RequireKeyID: %v", err)
	}
	withKid, _ := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: b}, nil)
	if res, err := vk.Verify(withKid); err != nil || res.Key.Kid != "B" {
		t.Errorf("kid B: %v", err)
	}
	if !strings.Contains(string(mustDecodeHeader(t, withKid)), `"kid":"B"`) {
		t.Error("kid not written from the jwk")
	}
}

// TestAttack26EmptyKid: a token's "kid": "" names no key of a key set,
// not the keys that have no kid (a key's empty Kid means it has none), so
// it cannot get past RequireKeyID by naming "" (catalog row 26), on any
// entry point. Before, such a token verified with a kid-less key of the
// set, RequireKeyID or not.
func TestAttack26EmptyKid(t *testing.T) {
	n, _ := jwk.Generate("ES256", nil) // no kid
	a, _ := jwk.Generate("ES256", nil)
	a.Kid = "A"
	set := &jwk.Set{Keys: []*jwk.Key{must2(n.PublicKey()), must2(a.PublicKey())}}
	ns, _ := n.Signer()
	tok, err := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: ns, Protected: []jose.Member{{Name: "kid", Value: []byte(`""`)}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range [][]Option{nil, {RequireKeyID()}} {
		v := must(NewVerifier(set, []string{"ES256"}, opts...))
		for api, err := range everyEntryPoint(v, tok) {
			// (everyEntryPoint gives VerifyEach's failure as ErrVerify)
			if err == nil || api != "VerifyEach" && !errors.Is(err, jose.ErrKey) {
				t.Errorf("kid \"\" (%d options) by %s: %v, want ErrKey", len(opts), api, err)
			}
		}
	}
	// the same key signs without a kid and verifies by the family search
	plain, _ := Sign([]byte("x"), SigningKey{Alg: "ES256", Key: ns}, nil)
	if _, err := must(NewVerifier(set, []string{"ES256"})).Verify(plain); err != nil {
		t.Errorf("no kid: %v", err)
	}
}
