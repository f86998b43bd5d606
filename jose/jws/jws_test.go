package jws

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// testKeys holds one private key per algorithm family, generated once.
var testKeys = sync.OnceValue(func() map[string]any {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p521, _ := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	return map[string]any{
		"HS256": bytes.Repeat([]byte{1}, 32), "HS384": bytes.Repeat([]byte{2}, 48), "HS512": bytes.Repeat([]byte{3}, 64),
		"RS256": rsaKey, "RS384": rsaKey, "RS512": rsaKey, "PS256": rsaKey, "PS384": rsaKey, "PS512": rsaKey,
		"ES256": p256, "ES384": p384, "ES512": p521, "EdDSA": ed, "Ed25519": ed,
	}
})

// verifyKey returns what a verifier is given for alg: the secret or the
// public key.
func verifyKey(alg string) any {
	k := testKeys()[alg]
	if s, ok := k.(interface{ Public() any }); ok {
		_ = s
	}
	switch k := k.(type) {
	case []byte:
		return k
	case *rsa.PrivateKey:
		return &k.PublicKey
	case *ecdsa.PrivateKey:
		return &k.PublicKey
	case ed25519.PrivateKey:
		return k.Public()
	}
	panic(alg)
}

func TestRoundTripEveryAlgorithm(t *testing.T) {
	payload := []byte(`{"iss":"joe","exp":1300819380}`)
	for _, alg := range Algorithms() {
		t.Run(alg, func(t *testing.T) {
			sk := SigningKey{Alg: alg, Key: testKeys()[alg], KeyID: "k1"}
			v, err := NewVerifier(verifyKey(alg), []string{alg})
			if err != nil {
				t.Fatal(err)
			}
			tok, err := Sign(payload, sk, nil)
			if err != nil {
				t.Fatal(err)
			}
			r, err := v.Verify(tok)
			if err != nil {
				t.Fatalf("compact: %v", err)
			}
			if !bytes.Equal(r.Payload, payload) || r.Header.Alg != alg || r.Header.Kid != "k1" {
				t.Fatalf("compact result %+v", r)
			}
			got, err := v.AppendVerifyCompact(nil, tok)
			if err != nil || !bytes.Equal(got, payload) {
				t.Fatalf("AppendVerifyCompact = %q, %v", got, err)
			}
			for _, flat := range []bool{true, false} {
				js, err := SignJSON(payload, []SigningKey{sk}, flat, nil)
				if err != nil {
					t.Fatal(err)
				}
				if r, err := v.Verify(js); err != nil || !bytes.Equal(r.Payload, payload) {
					t.Fatalf("JSON flat=%v: %v", flat, err)
				}
			}
			// Detached and unencoded, whole and streamed.
			for _, opts := range []SignOptions{{Detached: true}, {Detached: true, Unencoded: true}} {
				tok, err := Sign(payload, sk, &opts)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := v.VerifyDetached(tok, payload); err != nil {
					t.Fatalf("detached %+v: %v", opts, err)
				}
				if _, err := v.VerifyReader(tok, bytes.NewReader(payload)); err != nil {
					t.Fatalf("reader %+v: %v", opts, err)
				}
				if _, err := v.VerifyDetached(tok, append(payload, 'x')); !errors.Is(err, jose.ErrVerify) {
					t.Fatalf("detached tampered: %v", err)
				}
				if _, err := v.VerifyReader(tok, bytes.NewReader(payload[1:])); !errors.Is(err, jose.ErrVerify) {
					t.Fatalf("reader tampered: %v", err)
				}
				st, err := SignReader(bytes.NewReader(payload), sk, &opts)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := v.VerifyDetached(st, payload); err != nil {
					t.Fatalf("SignReader %+v then VerifyDetached: %v", opts, err)
				}
			}
			// Tampering anywhere fails.
			bad := bytes.Clone(tok)
			i := bytes.IndexByte(bad, '.') + 2
			bad[i] ^= 1
			if _, err := v.Verify(bad); err == nil {
				t.Fatal("tampered payload verified")
			}
		})
	}
}

func TestNoAllowListIsAnError(t *testing.T) {
	if _, err := NewVerifier(verifyKey("HS256"), nil); err == nil {
		t.Fatal("empty allow-list accepted")
	}
	if _, err := NewVerifier(verifyKey("HS256"), []string{"none"}); !errors.Is(err, jose.ErrAlgorithm) {
		t.Fatalf("none allowed: %v", err)
	}
}

func TestAlgorithmNotAllowed(t *testing.T) {
	tok, _ := Sign([]byte("x"), SigningKey{Alg: "ES384", Key: testKeys()["ES384"]}, nil)
	v, _ := NewVerifier(verifyKey("ES384"), []string{"ES256", "ES384"})
	if _, err := v.Verify(tok); err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(verifyKey("ES384"), []string{"ES256"})
	if err == nil {
		if _, err := v.Verify(tok); !errors.Is(err, jose.ErrAlgorithm) {
			t.Fatalf("ES384 token, ES256 allowed: %v", err)
		}
	} else if !errors.Is(err, jose.ErrKey) {
		t.Fatalf("NewVerifier: %v", err)
	}
}

func TestKeySetByKid(t *testing.T) {
	a, _ := jwk.Generate("ES256", nil)
	b, _ := jwk.Generate("ES256", nil)
	a.Kid, b.Kid = "A", "B"
	pa, _ := a.PublicKey()
	pb, _ := b.PublicKey()
	set := &jwk.Set{Keys: []*jwk.Key{pa, pb}}
	v, err := NewVerifier(set, []string{"ES256"})
	if err != nil {
		t.Fatal(err)
	}
	tok, _ := Sign([]byte("hi"), SigningKey{Alg: "ES256", Key: b}, nil)
	r, err := v.Verify(tok)
	if err != nil || r.Key.Kid != "B" {
		t.Fatalf("kid B: %v %v", r, err)
	}
	if !strings.Contains(string(mustDecodeHeader(t, tok)), `"kid":"B"`) {
		t.Fatal("kid not in header")
	}
}

func mustDecodeHeader(t *testing.T, tok []byte) []byte {
	t.Helper()
	h, err := jose.DecodeBase64URL(tok[:bytes.IndexByte(tok, '.')])
	if err != nil {
		t.Fatal(err)
	}
	return h
}
