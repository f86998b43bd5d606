package jws

import (
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestAttack02Certificate: the verifier's public key is also published in
// a certificate, as DER or in base64 (the form of an "x5c" entry, which a
// JWK Set carries beside the key); either offered as an HMAC secret is the
// key confusion of catalog row 2 — anyone holding the certificate could
// sign — and is refused as the bare public key's DER is.
func TestAttack02Certificate(t *testing.T) {
	for _, alg := range []string{"RS256", "ES256", "EdDSA"} {
		priv := testKeys()[alg].(crypto.Signer)
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(1),
			Subject:      pkix.Name{CommonName: "issuer.example"},
			NotBefore:    time.Unix(1700000000, 0),
			NotAfter:     time.Unix(1900000000, 0),
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, priv.Public(), priv)
		if err != nil {
			t.Fatal(err)
		}
		for name, enc := range map[string][]byte{
			"DER":        der,
			"x5c base64": []byte(base64.StdEncoding.EncodeToString(der)),
			"base64url":  []byte(base64.RawURLEncoding.EncodeToString(der)),
		} {
			if _, err := NewVerifier(enc, []string{"HS256"}); !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s certificate (%s) as an HMAC secret: %v, want jose.ErrKey", alg, name, err)
			}
			if _, err := Sign([]byte("x"), SigningKey{Alg: "HS256", Key: enc}, nil); !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s certificate (%s) as an HMAC signing secret: %v, want jose.ErrKey", alg, name, err)
			}
		}
	}
}

// TestAttack02OctJWK: the same encoded public key wrapped in an oct JWK
// (jwk.New of the PEM or DER bytes, or a JWK Set's "k" holding them) is
// the same confusion as the bare []byte: a single key is refused by
// NewVerifier and NewSigner, and in a key set it never verifies, so a token
// forged with the public key as HMAC secret fails while the set's other
// keys still work.
func TestAttack02OctJWK(t *testing.T) {
	der, err := x509.MarshalPKIXPublicKey(verifyKey("ES256"))
	if err != nil {
		t.Fatal(err)
	}
	pemText := []byte("-----BEGIN PUBLIC KEY-----\n" + base64.StdEncoding.EncodeToString(der) + "\n-----END PUBLIC KEY-----\n")
	good := testKeys()["HS256"].([]byte)
	gk, err := jwk.New(good)
	if err != nil {
		t.Fatal(err)
	}
	for name, enc := range map[string][]byte{"PEM": pemText, "DER": der} {
		ok, err := jwk.New(enc)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := NewVerifier(ok, []string{"HS256"}); !errors.Is(err, jose.ErrKey) {
			t.Errorf("oct JWK of a %s public key: NewVerifier %v, want jose.ErrKey", name, err)
		}
		if _, err := NewSigner(SigningKey{Alg: "HS256", Key: ok}, nil); !errors.Is(err, jose.ErrKey) {
			t.Errorf("oct JWK of a %s public key: NewSigner %v, want jose.ErrKey", name, err)
		}
		v := must(NewVerifier(&jwk.Set{Keys: []*jwk.Key{ok, gk}}, []string{"HS256"}))
		if _, err := v.Verify(hs256(`{"alg":"HS256"}`, "forged", enc)); err == nil {
			t.Errorf("a token signed with the %s public key as HMAC secret verified with the key set", name)
		}
		if _, err := v.Verify(hs256(`{"alg":"HS256"}`, "genuine", good)); err != nil {
			t.Errorf("the set's other key: %v", err)
		}
	}
}
