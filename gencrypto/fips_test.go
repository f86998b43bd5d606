package gencrypto_test

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestFIPSOnly re-runs itself in a child process with GODEBUG=fips140=only
// (the setting is read once, at start-up) and checks there that the
// registry refuses what is not approved, cleanly and up front, and that
// the approved algorithms the Go Cryptographic Module serves still work.
func TestFIPSOnly(t *testing.T) {
	if !testenv.FIPSOnly(t, "fips140=only checks done") {
		return
	}

	var notApproved []string
	for _, a := range gencrypto.All() {
		if a.FIPSApproved() {
			continue
		}
		notApproved = append(notApproved, a.Name())
		var err error
		switch a := a.(type) {
		case *gencrypto.AEAD:
			_, err = a.New(make([]byte, a.KeySize()))
		case *gencrypto.KeyAgreement:
			var p, q *ecdh.PrivateKey
			fips140.WithoutEnforcement(func() { p, _ = a.GenerateKey(); q, _ = a.GenerateKey() })
			_, err = a.SharedSecret(p, q.PublicKey())
		case *gencrypto.KeyEncryption:
			var k *rsa.PrivateKey
			fips140.WithoutEnforcement(func() { k, _ = rsa.GenerateKey(rand.Reader, 2048) })
			_, err = a.Encrypt(&k.PublicKey, make([]byte, 16))
		default:
			t.Errorf("%s: unexpected non-approved %T", a.Name(), a)
			continue
		}
		var ue *gencrypto.UnsupportedError
		if !errors.As(err, &ue) || !ue.NotApproved || !errors.Is(err, gencrypto.ErrUnsupported) {
			t.Errorf("%s: %v, want *UnsupportedError with NotApproved", a.Name(), err)
		}
	}
	if got := strings.Join(notApproved, ","); got != "ChaCha20/Poly1305,RSA-OAEP,X25519" {
		t.Errorf("not approved: %s", got)
	}

	// Approved, but the std backend does not serve them in this mode.
	for _, a := range []*gencrypto.AEAD{gencrypto.A128GCM(), gencrypto.AESCCM16_64_128()} {
		_, err := a.New(make([]byte, a.KeySize()))
		var ue *gencrypto.UnsupportedError
		if !errors.As(err, &ue) || ue.NotApproved {
			t.Errorf("%s: %v, want *UnsupportedError from the backend", a, err)
		}
	}
	if _, err := gencrypto.A128KW().Wrap(make([]byte, 16), make([]byte, 16)); !errors.Is(err, gencrypto.ErrUnsupported) {
		t.Errorf("A128KW: %v", err)
	}

	// What the module serves works.
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := gencrypto.ES256().Sign(key, []byte("m"))
	if err != nil || gencrypto.ES256().Verify(&key.PublicKey, []byte("m"), sig) != nil {
		t.Errorf("ES256 under fips140=only: %v", err)
	}
	if _, err := gencrypto.HS256().Sum(make([]byte, 32), []byte("m")); err != nil {
		t.Errorf("HS256: %v", err)
	}
	c, err := gencrypto.A128CBCHS256().New(make([]byte, 32))
	if err != nil {
		t.Fatalf("A128CBC-HS256: %v", err)
	}
	iv := make([]byte, 16)
	if _, err := c.Open(nil, iv, c.Seal(nil, iv, []byte("m"), nil), nil); err != nil {
		t.Errorf("A128CBC-HS256 round trip: %v", err)
	}
	if _, err := gencrypto.HKDFSHA256().Derive(make([]byte, 32), nil, nil, 32); err != nil {
		t.Errorf("HKDF: %v", err)
	}
	if _, err := gencrypto.PBKDF2SHA256().Derive([]byte("a long password"), make([]byte, 16), 1000, 16); err != nil {
		t.Errorf("PBKDF2: %v", err)
	}
	priv, _ := gencrypto.ECDHP256().GenerateKey()
	if _, err := gencrypto.ECDHP256().SharedSecret(priv, priv.PublicKey()); err != nil {
		t.Errorf("ECDH-P256: %v", err)
	}
	t.Log("fips140=only checks done")
}
