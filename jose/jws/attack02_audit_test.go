package jws

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestAttack02EncodingsNotYetRefused (catalog row 2) covers encodings of
// an asymmetric key offered as an HMAC secret that no other test offered,
// so that removing their branch of looksLikeEncodedKey failed nothing
// (mutation audit): a PEM whose END line was cut off (pem.Decode finds no
// block; only the "-----BEGIN" test sees it), an OpenSSH FIDO "sk-" key
// line, and private keys in PKCS #1 and SEC 1 DER, raw and in base64.
// Each is refused by NewVerifier, by Sign and as an oct JWK's secret.
func TestAttack02EncodingsNotYetRefused(t *testing.T) {
	rk := testKeys()["RS256"].(*rsa.PrivateKey)
	ek := testKeys()["ES256"].(*ecdsa.PrivateKey)
	spki, _ := x509.MarshalPKIXPublicKey(&rk.PublicKey)
	full := string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: spki}))
	truncated := full[:strings.Index(full, "-----END")]
	sec1, err := x509.MarshalECPrivateKey(ek)
	if err != nil {
		t.Fatal(err)
	}
	pkcs1 := x509.MarshalPKCS1PrivateKey(rk)
	sshBlob := base64.StdEncoding.EncodeToString([]byte("\x00\x00\x00\x1ask-ssh-ed25519@openssh.com"))
	secrets := map[string][]byte{
		"PEM without END line":    []byte(truncated),
		"ws + PEM without END":    []byte("\n " + truncated),
		"sk-ssh-ed25519 line":     []byte("sk-ssh-ed25519@openssh.com " + sshBlob + " user@host"),
		"sk-ecdsa line":           []byte("sk-ecdsa-sha2-nistp256@openssh.com " + sshBlob + " user@host"),
		"PKCS#1 private DER":      pkcs1,
		"PKCS#1 private base64":   []byte(base64.StdEncoding.EncodeToString(pkcs1)),
		"SEC 1 EC private DER":    sec1,
		"SEC 1 EC private base64": []byte(base64.StdEncoding.EncodeToString(sec1)),
	}
	for name, s := range secrets {
		if _, err := NewVerifier(s, []string{"HS256"}); !errors.Is(err, jose.ErrKey) {
			t.Errorf("%s as an HMAC verification secret: %v, want jose.ErrKey", name, err)
		}
		if _, err := Sign([]byte("x"), SigningKey{Alg: "HS256", Key: s}, nil); !errors.Is(err, jose.ErrKey) {
			t.Errorf("%s as an HMAC signing secret: %v, want jose.ErrKey", name, err)
		}
		oct, err := jwk.New(s)
		if err != nil {
			t.Fatalf("%s: jwk.New: %v", name, err)
		}
		if _, err := NewVerifier(oct, []string{"HS256"}); !errors.Is(err, jose.ErrKey) {
			t.Errorf("%s as an oct JWK's secret: %v, want jose.ErrKey", name, err)
		}
	}
	// The secrets are refused for what they are, not for their length or
	// bytes: an ordinary secret of the same length is accepted.
	if _, err := NewVerifier([]byte(strings.Repeat("s", len(truncated))), []string{"HS256"}); err != nil {
		t.Fatalf("an ordinary secret: %v", err)
	}
}
