package jws_test

// Interop with go-jose v4 (in process), both directions, for every
// algorithm it supports: compact, general JSON, detached and RFC 7797
// unencoded payloads.

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"sync"
	"testing"

	gojose "github.com/go-jose/go-jose/v4"

	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// interopKeys returns a private key per algorithm (generated once).
var interopKeys = sync.OnceValue(func() map[string]any {
	r, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p521, _ := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	return map[string]any{
		"HS256": bytes.Repeat([]byte{1}, 32), "HS384": bytes.Repeat([]byte{2}, 48), "HS512": bytes.Repeat([]byte{3}, 64),
		"RS256": r, "RS384": r, "RS512": r, "PS256": r, "PS384": r, "PS512": r,
		"ES256": p256, "ES384": p384, "ES512": p521, "EdDSA": ed, "Ed25519": ed,
	}
})

func publicOf(k any) any {
	if s, ok := k.(crypto.Signer); ok {
		return s.Public()
	}
	return k
}

var goJoseAlgs = map[string]bool{"HS256": true, "HS384": true, "HS512": true, "RS256": true, "RS384": true,
	"RS512": true, "PS256": true, "PS384": true, "PS512": true, "ES256": true, "ES384": true, "ES512": true, "EdDSA": true}

func TestInteropGoJose(t *testing.T) {
	payload := []byte(`{"iss":"lwscrypto","n":1}` + "\n\x00\xff")
	for _, alg := range jws.Algorithms() {
		if !goJoseAlgs[alg] {
			t.Logf("%s: go-jose v4 does not implement it (RFC 9864 name); skipped for this peer", alg)
			continue
		}
		t.Run(alg, func(t *testing.T) {
			priv := interopKeys()[alg]
			pub := publicOf(priv)
			ga := gojose.SignatureAlgorithm(alg)
			v, err := jws.NewVerifier(pub, []string{alg})
			if err != nil {
				t.Fatal(err)
			}

			// lwscrypto → go-jose: compact, general JSON, detached, unencoded.
			tok, err := jws.Sign(payload, jws.SigningKey{Alg: alg, Key: priv, KeyID: "k"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			obj, err := gojose.ParseSignedCompact(string(tok), []gojose.SignatureAlgorithm{ga})
			if err != nil {
				t.Fatal(err)
			}
			if got, err := obj.Verify(pub); err != nil || !bytes.Equal(got, payload) {
				t.Fatalf("go-jose verifying our compact: %v", err)
			}
			js, _ := jws.SignJSON(payload, []jws.SigningKey{{Alg: alg, Key: priv}}, false, nil)
			obj, err = gojose.ParseSignedJSON(string(js), []gojose.SignatureAlgorithm{ga})
			if err != nil {
				t.Fatal(err)
			}
			if got, err := obj.Verify(pub); err != nil || !bytes.Equal(got, payload) {
				t.Fatalf("go-jose verifying our general JSON: %v", err)
			}
			det, _ := jws.Sign(payload, jws.SigningKey{Alg: alg, Key: priv}, &jws.SignOptions{Detached: true})
			obj, err = gojose.ParseDetached(string(det), payload, []gojose.SignatureAlgorithm{ga})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := obj.Verify(pub); err != nil {
				t.Fatalf("go-jose verifying our detached: %v", err)
			}
			text := []byte("$.02 unencoded, UTF-8: \u00e9")
			if _, err := jws.SignJSON(payload, []jws.SigningKey{{Alg: alg, Key: priv}}, true, &jws.SignOptions{Unencoded: true}); err == nil {
				t.Fatal("unencoded JSON payload that is not UTF-8 was signed")
			}
			un, err := jws.SignJSON(text, []jws.SigningKey{{Alg: alg, Key: priv}}, true, &jws.SignOptions{Unencoded: true})
			if err != nil {
				t.Fatal(err)
			}
			// go-jose v4 signs unencoded payloads but cannot parse them:
			// ParseSignedJSON base64-decodes "payload" before reading "b64".
			// Its verification of ours is therefore not checked here; the
			// other direction is, below.
			if _, err := gojose.ParseSignedJSON(string(un), []gojose.SignatureAlgorithm{ga}); err == nil {
				t.Log("go-jose now parses unencoded JSON; extend this test to verify it")
			}

			// go-jose → lwscrypto.
			for _, b64 := range []bool{true, false} {
				opts := (&gojose.SignerOptions{}).WithType("JWT")
				if !b64 {
					opts = opts.WithBase64(false)
				}
				s, err := gojose.NewSigner(gojose.SigningKey{Algorithm: ga, Key: priv}, opts)
				if err != nil {
					t.Fatal(err)
				}
				p := payload
				if !b64 {
					p = []byte("$.02 unencoded")
				}
				o, err := s.Sign(p)
				if err != nil {
					t.Fatal(err)
				}
				full := o.FullSerialize()
				if !b64 {
					// go-jose v4.1.8 writes "payload" base64url-encoded
					// although "b64" is false (the bug of go-jose PR #212,
					// catalog row 19): per RFC 7797 §3 the payload member is
					// then the payload itself, so the signature cannot match
					// and must be rejected. Its detached form is correct.
					if _, err := v.Verify([]byte(full)); err == nil {
						t.Fatal("accepted go-jose's misencoded unencoded JSON")
					}
					d, err := o.DetachedCompactSerialize()
					if err != nil {
						t.Fatal(err)
					}
					if _, err := v.VerifyDetached([]byte(d), p); err != nil {
						t.Fatalf("verifying go-jose detached unencoded: %v", err)
					}
					if _, err := v.VerifyReader([]byte(d), bytes.NewReader(p)); err != nil {
						t.Fatalf("streaming go-jose detached unencoded: %v", err)
					}
					continue
				}
				r, err := v.Verify([]byte(full))
				if err != nil || !bytes.Equal(r.Payload, p) {
					t.Fatalf("verifying go-jose JSON (b64 %v): %v", b64, err)
				}
				if b64 {
					c, err := o.CompactSerialize()
					if err != nil {
						t.Fatal(err)
					}
					out, err := v.AppendVerifyCompact(nil, []byte(c))
					if err != nil || !bytes.Equal(out, payload) {
						t.Fatalf("verifying go-jose compact: %v", err)
					}
					d, err := o.DetachedCompactSerialize()
					if err != nil {
						t.Fatal(err)
					}
					if _, err := v.VerifyDetached([]byte(d), payload); err != nil {
						t.Fatalf("verifying go-jose detached: %v", err)
					}
					if _, err := v.VerifyReader([]byte(d), bytes.NewReader(payload)); err != nil {
						t.Fatalf("streaming go-jose detached: %v", err)
					}
				}
			}
		})
	}
}
