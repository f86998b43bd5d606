package jws

// Catalog rows about the serialization itself: ECDSA signature encodings
// (15), multi-signature results (16), unprotected security parameters
// (17), crit (18), RFC 7797 (19), duplicate names (20), nesting (28).

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

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
