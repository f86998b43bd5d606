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
