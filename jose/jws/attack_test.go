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
	"runtime"
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
			"JWK":      jk.AppendJSON(nil),
			"SSH":      []byte(sshLine(pub)),
			"raw":      []byte(string(rawPub(pub))),
			"ws+PEM":   append([]byte(" \n\t"), pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})...),
			"ws+JWK":   append([]byte("\r\n "), jk.AppendJSON(nil)...),
			"ws+SSH":   []byte("  " + sshLine(pub)),
			"JWK+pad":  append(jk.AppendJSON(nil), ' '),
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
			Protected: []jose.Member{{Name: "jwk", Value: carried.AppendJSON(nil)}}}, nil)
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

// TestAttack15ECDSASignatures: all-zero, r or s out of range, wrongly sized
// and DER-encoded ES256 signatures fail (catalog row 15).
func TestAttack15ECDSASignatures(t *testing.T) {
	v := must(NewVerifier(verifyKey("ES256"), []string{"ES256"}))
	tok, _ := Sign([]byte("payload"), SigningKey{Alg: "ES256", Key: testKeys()["ES256"]}, nil)
	in := tok[:bytes.LastIndexByte(tok, '.')+1]
	sig, _ := jose.DecodeBase64URL(tok[len(in):])
	n, _ := (&p256{}).order()
	der := derSig(sig)
	bad := map[string][]byte{
		"all zero":  make([]byte, 64),
		"r=0":       append(make([]byte, 32), sig[32:]...),
		"s=0":       append(bytes.Clone(sig[:32]), make([]byte, 32)...),
		"r=n":       append(bytes.Clone(n), sig[32:]...),
		"s=n":       append(bytes.Clone(sig[:32]), n...),
		"r,s=0xff":  bytes.Repeat([]byte{0xff}, 64),
		"65 bytes":  append(bytes.Clone(sig), 0),
		"leading 0": append([]byte{0}, sig...),
		"63 bytes":  sig[:63],
		"DER":       der,
		"one byte":  {1},
		"128 bytes": append(bytes.Clone(sig), sig...),
	}
	for name, s := range bad {
		forged := append(bytes.Clone(in), jose.AppendBase64URL(nil, s)...)
		for api, err := range everyEntryPoint(v, forged) {
			if err == nil {
				t.Errorf("%s signature verified by %s", name, api)
			}
		}
	}
	if _, err := v.Verify(tok); err != nil {
		t.Fatal(err)
	}
}

// p256 holds the P-256 order for TestAttack15.
type p256 struct{}

func (*p256) order() ([]byte, error) {
	return []byte{0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51}, nil
}

func derSig(raw []byte) []byte {
	enc := func(x []byte) []byte {
		x = bytes.TrimLeft(x, "\x00")
		if len(x) == 0 || x[0]&0x80 != 0 {
			x = append([]byte{0}, x...)
		}
		return append([]byte{2, byte(len(x))}, x...)
	}
	body := append(enc(raw[:32]), enc(raw[32:])...)
	return append([]byte{0x30, byte(len(body))}, body...)
}

// TestAttack16WhichSignature: in a general JSON JWS, the result names the
// signature that verified, with its own headers; VerifyAll needs all
// (catalog row 16).
func TestAttack16WhichSignature(t *testing.T) {
	trusted, _ := jwk.Generate("ES256", nil)
	trusted.Kid = "trusted"
	untrusted, _ := jwk.Generate("ES256", nil)
	untrusted.Kid = "untrusted"
	payload := []byte(`{"sub":"x"}`)
	js, err := SignJSON(payload, []SigningKey{{Alg: "ES256", Key: untrusted}, {Alg: "ES256", Key: trusted}}, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	tp, _ := trusted.PublicKey()
	v := must(NewVerifier(tp, []string{"ES256"}))
	r, err := v.Verify(js)
	if err != nil || r.Index != 1 || r.Header.Kid != "trusted" || !bytes.Equal(r.Payload, payload) {
		t.Fatalf("Verify: %+v %v", r, err)
	}
	each, p, err := v.VerifyEach(js)
	if err != nil || len(each) != 2 || each[0].Err == nil || each[1].Err != nil || each[1].Header.Kid != "trusted" || !bytes.Equal(p, payload) {
		t.Fatalf("VerifyEach: %+v %v", each, err)
	}
	if _, err := v.VerifyAll(js); err == nil {
		t.Fatal("VerifyAll passed with an untrusted signature")
	}
	// Untrusted + invalid: nothing verifies.
	m, _ := ParseJSON(js)
	m.Signatures[1].Signature[5] ^= 1
	bad, _ := m.JSON(false)
	if _, err := v.Verify(bad); err == nil {
		t.Fatal("untrusted + invalid verified")
	}
	if each, p, _ := v.VerifyEach(bad); each[0].Err == nil || each[1].Err == nil || p != nil {
		t.Fatal("VerifyEach reported a verified signature")
	}
	// Both trusted: VerifyAll passes.
	set := &jwk.Set{Keys: []*jwk.Key{tp, must2(untrusted.PublicKey())}}
	if rs, err := must(NewVerifier(set, []string{"ES256"})).VerifyAll(js); err != nil || len(rs) != 2 || rs[0].Key.Kid != "untrusted" {
		t.Fatalf("VerifyAll with both keys: %v", err)
	}
}

func must2(k *jwk.Key, err error) *jwk.Key {
	if err != nil {
		panic(err)
	}
	return k
}

// TestAttack17UnprotectedSecurityParams: "b64" and "crit" in an
// unprotected header are rejected (catalog row 17, JWS part).
func TestAttack17UnprotectedSecurityParams(t *testing.T) {
	v := must(NewVerifier(verifyKey("HS256"), []string{"HS256"}))
	tok, _ := Sign([]byte("$.02"), SigningKey{Alg: "HS256", Key: testKeys()["HS256"]}, nil)
	m, _ := ParseCompact(tok)
	prot := string(m.Signatures[0].Protected)
	sig := base64.RawURLEncoding.EncodeToString(m.Signatures[0].Signature)
	for _, hdr := range []string{`{"b64":false}`, `{"b64":true}`, `{"crit":["b64"]}`, `{"crit":["exp"],"exp":1}`} {
		js := `{"payload":"` + string(m.payload) + `","protected":"` + prot + `","header":` + hdr + `,"signature":"` + sig + `"}`
		if _, err := v.Verify([]byte(js)); !errors.Is(err, jose.ErrCrit) {
			t.Errorf("unprotected %s: %v", hdr, err)
		}
	}
	// alg both protected and unprotected (also by case) is malformed.
	for _, hdr := range []string{`{"alg":"HS256"}`, `{"Alg":"HS256"}`} {
		js := `{"payload":"` + string(m.payload) + `","protected":"` + prot + `","header":` + hdr + `,"signature":"` + sig + `"}`
		if _, err := v.Verify([]byte(js)); err == nil {
			t.Errorf("unprotected %s accepted", hdr)
		}
	}
}

// TestAttack18CritAtJWS: every malformed or not-understood "crit" is
// rejected by the JWS entry points (catalog row 18).
func TestAttack18CritAtJWS(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}))
	vx := must(NewVerifier(secret, []string{"HS256"}, Critical("exp")))
	for _, tc := range []struct {
		hdr    string
		okForX bool
	}{
		{`{"alg":"HS256","crit":["exp"],"exp":1}`, true},
		{`{"alg":"HS256","crit":["nope"]}`, false},
		{`{"alg":"HS256","crit":["alg"]}`, false},
		{`{"alg":"HS256","crit":["exp","exp"],"exp":1}`, false},
		{`{"alg":"HS256","crit":[]}`, false},
		{`{"alg":"HS256","crit":"exp","exp":1}`, false},
		{`{"alg":"HS256","crit":[1]}`, false},
		{`{"alg":"HS256","crit":null}`, false},
		{`{"alg":"HS256","b64":true}`, false},
		{`{"alg":"HS256","b64":false}`, false},
		{`{"alg":"HS256","b64":"false","crit":["b64"]}`, false},
	} {
		tok := hs256(tc.hdr, "payload", secret)
		for api, err := range everyEntryPoint(v, tok) {
			if err == nil {
				t.Errorf("%s verified by %s", tc.hdr, api)
			}
		}
		if _, err := vx.Verify(tok); (err == nil) != tc.okForX {
			t.Errorf("%s with exp understood: %v", tc.hdr, err)
		}
	}
}

// TestAttack19Unencoded: RFC 7797 rules — b64 without crit, mixed b64
// across signatures — and a large payload streamed in constant memory
// (catalog row 19; the RFC vectors are in package vectors).
func TestAttack19Unencoded(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}))
	if _, err := v.VerifyDetached(hs256(`{"alg":"HS256","b64":false}`, "", secret), []byte("$.02")); !errors.Is(err, jose.ErrCrit) {
		t.Errorf("b64 without crit: %v", err)
	}
	unenc, _ := SignJSON([]byte("$.02"), []SigningKey{{Alg: "HS256", Key: secret}}, false, &SignOptions{Unencoded: true})
	enc, _ := SignJSON([]byte("$.02"), []SigningKey{{Alg: "HS256", Key: secret}}, false, nil)
	mu, _ := ParseJSON(unenc)
	me, _ := ParseJSON(enc)
	mixed := `{"payload":"$.02","signatures":[` + sigJSON(mu.Signatures[0]) + `,` + sigJSON(me.Signatures[0]) + `]}`
	if _, err := v.Verify([]byte(mixed)); err == nil {
		t.Error("mixed b64 accepted")
	}
	if _, err := v.Verify(unenc); err != nil {
		t.Errorf("unencoded JSON: %v", err)
	}
	// Unencoded compact with a '.' in the payload cannot be attached.
	if _, err := Sign([]byte("a.b"), SigningKey{Alg: "HS256", Key: secret}, &SignOptions{Unencoded: true}); err == nil {
		t.Error("attached unencoded payload with '.' signed")
	}

	// 64 MiB streamed through sign and verify with O(1) memory.
	const size = 64 << 20
	for _, alg := range []string{"HS256", "ES256", "RS256"} {
		sk := SigningKey{Alg: alg, Key: testKeys()[alg]}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		tok, err := SignReader(io.LimitReader(zeroReader{}, size), sk, &SignOptions{Unencoded: true})
		if err != nil {
			t.Fatal(err)
		}
		vv := must(NewVerifier(verifyKey(alg), []string{alg}))
		if _, err := vv.VerifyReader(tok, io.LimitReader(zeroReader{}, size)); err != nil {
			t.Fatalf("%s: %v", alg, err)
		}
		if _, err := vv.VerifyReader(tok, io.LimitReader(zeroReader{}, size-1)); err == nil {
			t.Fatalf("%s: truncated stream verified", alg)
		}
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 4<<20 {
			t.Errorf("%s: streaming 64 MiB twice allocated %d bytes", alg, grew)
		}
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func sigJSON(s *Signature) string {
	return `{"protected":"` + string(s.Protected) + `","signature":"` + base64.RawURLEncoding.EncodeToString(s.Signature) + `"}`
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

// TestAttack20DuplicateHeader: a protected header with two "alg" (or two
// "kid", or "alg" and "Alg") is rejected on every entry point, fast path
// and slow path alike (catalog row 20).
func TestAttack20DuplicateHeader(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}))
	for _, hdr := range []string{
		`{"alg":"HS256","alg":"HS256"}`,
		`{"alg":"HS256","alg":"none"}`,
		`{"alg":"HS256","Alg":"HS256"}`,
		`{"alg":"HS256","ALG":"none"}`,
		`{"alg":"HS256","kid":"a","kid":"b"}`,
		`{"alg":"HS256","kid":"a","Kid":"b"}`,
		`{"alg":"HS256","typ":"JWT","\u0074yp":"JWT"}`,
		`{"alg":"HS256","x":1,"X":2}`,
	} {
		tok := hs256(hdr, "payload", secret)
		for api, err := range everyEntryPoint(v, tok) {
			if err == nil {
				t.Errorf("%s verified by %s", hdr, api)
			}
		}
		if _, err := ParseCompact(tok); err == nil {
			t.Errorf("ParseCompact accepted %s", hdr)
		}
	}
	// Unprotected duplicates in JSON serializations too.
	tok := hs256(`{"alg":"HS256"}`, "payload", secret)
	m, _ := ParseCompact(tok)
	js := `{"payload":"` + string(m.payload) + `","protected":"` + string(m.Signatures[0].Protected) +
		`","header":{"kid":"a","kid":"b"},"signature":"` + base64.RawURLEncoding.EncodeToString(m.Signatures[0].Signature) + `"}`
	if _, err := v.Verify([]byte(js)); err == nil {
		t.Error("duplicate unprotected kid accepted")
	}
}

// TestAttack28DeepHeader: a header nested 1,000,000 levels deep is a
// depth error at 64, with bounded work (catalog row 28).
func TestAttack28DeepHeader(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}))
	deep := `{"alg":"HS256","x":` + strings.Repeat("[", 1_000_000) + `}`
	tok := hs256(deep, "payload", secret)
	_, err := v.Verify(tok)
	if !errors.Is(err, jose.ErrLimit) {
		t.Fatalf("deep header: %v", err)
	}
	js := `{"payload":"eA","header":{"alg":"HS256","x":` + strings.Repeat("[", 1_000_000) + `},"signature":"c2ln"}`
	if _, err := v.Verify([]byte(js)); !errors.Is(err, jose.ErrLimit) {
		t.Fatalf("deep unprotected header: %v", err)
	}
	ok := `{"alg":"HS256","x":` + strings.Repeat("[", 62) + strings.Repeat("]", 62) + `}`
	if _, err := v.Verify(hs256(ok, "payload", secret)); err != nil {
		t.Fatalf("depth 63: %v", err)
	}
}

// TestConcurrentVerify exercises the pooled state and the remembered
// header from many goroutines (run with -race).
func TestConcurrentVerify(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}))
	toks := [][]byte{
		hs256(`{"alg":"HS256","kid":"a"}`, "one", secret),
		hs256(`{"alg":"HS256","kid":"b"}`, "two", secret),
		hs256(`{"alg":"HS256","typ":"JWT"}`, "three", secret),
	}
	want := []string{"one", "two", "three"}
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- true }()
			for i := 0; i < 300; i++ {
				n := (i + g) % len(toks)
				out, err := v.AppendVerifyCompact(nil, toks[n])
				if err != nil || string(out) != want[n] {
					t.Errorf("token %d: %q %v", n, out, err)
					return
				}
				r, err := v.Verify(toks[n])
				if err != nil || string(r.Payload) != want[n] {
					t.Errorf("token %d: %v", n, err)
					return
				}
			}
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}
