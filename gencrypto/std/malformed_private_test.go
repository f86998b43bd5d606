package std

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestMalformedPrivateKeysNoPanic: the package doc promises no panic on a
// request the backend cannot serve, and a private key of the standard
// library's types that cannot sign is one. A typed nil *rsa.PrivateKey
// (SignDigest, DecryptOAEP) or *ed25519.PrivateKey, whose Public
// dereferences nil, an ed25519.PrivateKey shorter than 64 bytes, whose
// Public slices past its end, and an *ecdsa.PrivateKey with a public half
// but D nil, which crypto/ecdsa dereferences, each panicked; now each is
// an error: errKeyType for a nil pointer, errKeySize for an Ed25519 key of
// the wrong length, errNoPrivate without D. So did an *ecdsa.PrivateKey
// with D but without its public point (X or Y nil), which crypto/ecdsa
// dereferences when it signs; it is now errPublicKey, as for verification.
// (gencrypto refuses them before calling the backend, so this is tested on
// the backend itself.)
func TestMalformedPrivateKeysNoPanic(t *testing.T) {
	b := New()
	ek, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	d := make([]byte, 32)
	for _, tc := range []struct {
		name string
		call func() error
	}{
		{"SignDigest ECDSA with D nil", func() error {
			_, err := b.SignDigest(primECDSAP256, &ecdsa.PrivateKey{PublicKey: ek.PublicKey}, crypto.SHA256, d)
			return err
		}},
		{"Sign ECDSA with D nil", func() error {
			_, err := b.Sign(primECDSAP256, &ecdsa.PrivateKey{PublicKey: ek.PublicKey}, crypto.SHA256, d)
			return err
		}},
		{"SignDigest ECDSA without its public point", func() error {
			_, err := b.SignDigest(primECDSAP256, &ecdsa.PrivateKey{PublicKey: ecdsa.PublicKey{Curve: elliptic.P256()}, D: ek.D}, crypto.SHA256, d)
			return err
		}},
		{"Sign ECDSA without its public x", func() error {
			_, err := b.Sign(primECDSAP256, &ecdsa.PrivateKey{PublicKey: ecdsa.PublicKey{Curve: elliptic.P256(), Y: ek.Y}, D: ek.D}, crypto.SHA256, d)
			return err
		}},
		{"SignDigest nil *rsa.PrivateKey", func() error {
			_, err := b.SignDigest(primRSAPSS, (*rsa.PrivateKey)(nil), crypto.SHA256, d)
			return err
		}},
		{"SignDigest nil *ecdsa.PrivateKey", func() error {
			_, err := b.SignDigest(primECDSAP256, (*ecdsa.PrivateKey)(nil), crypto.SHA256, d)
			return err
		}},
		{"DecryptOAEP nil *rsa.PrivateKey", func() error {
			_, err := b.DecryptOAEP(crypto.SHA256, (*rsa.PrivateKey)(nil), make([]byte, 256), nil)
			return err
		}},
		{"Sign nil *ed25519.PrivateKey", func() error {
			_, err := b.Sign(primEd25519, (*ed25519.PrivateKey)(nil), 0, d)
			return err
		}},
		{"Sign 31-byte ed25519.PrivateKey", func() error {
			_, err := b.Sign(primEd25519, ed25519.PrivateKey(make([]byte, 31)), 0, d)
			return err
		}},
		{"Sign 32-byte ed25519.PrivateKey (a seed)", func() error {
			_, err := b.Sign(primEd25519, ed25519.PrivateKey(make([]byte, 32)), 0, d)
			return err
		}},
	} {
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			return tc.call()
		}()
		want := errKeyType
		switch {
		case strings.Contains(tc.name, "D nil"):
			want = errNoPrivate
		case strings.Contains(tc.name, "without its public"):
			want = errPublicKey
		case strings.Contains(tc.name, "-byte ed25519.PrivateKey"):
			want = errKeySize
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", tc.name, err, want)
		}
	}
}
