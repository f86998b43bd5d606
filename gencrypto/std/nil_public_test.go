package std

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"testing"
)

// nilPublicSigner is a crypto.Signer whose Public answers a typed nil
// pointer, as a remote key whose fetch failed might.
type nilPublicSigner struct{ pub crypto.PublicKey }

func (s nilPublicSigner) Public() crypto.PublicKey { return s.pub }
func (s nilPublicSigner) Sign(io.Reader, []byte, crypto.SignerOpts) ([]byte, error) {
	return nil, errors.New("no key")
}

// TestSignNilPublicKey: the package doc promises that no method panics on
// a request it cannot serve. A signer whose public key is a typed nil
// pointer is such a request for every signature primitive: an error, never
// a nil dereference. (gencrypto refuses such keys before calling the
// backend, so this is tested on the backend itself.)
func TestSignNilPublicKey(t *testing.T) {
	b := New()
	for _, tc := range []struct {
		prim string
		pub  crypto.PublicKey
		h    crypto.Hash
	}{
		{primECDSAP256, (*ecdsa.PublicKey)(nil), crypto.SHA256},
		{primECDSAP384, (*ecdsa.PublicKey)(nil), crypto.SHA384},
		{primRSAPKCS1v15, (*rsa.PublicKey)(nil), crypto.SHA256},
		{primRSAPSS, (*rsa.PublicKey)(nil), crypto.SHA256},
		{primEd25519, ed25519.PublicKey(nil), 0},
	} {
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			_, err = b.Sign(tc.prim, nilPublicSigner{tc.pub}, tc.h, []byte("m"))
			return err
		}()
		want := errKeyType
		if tc.prim == primEd25519 {
			want = errKeySize // a nil ed25519.PublicKey is a slice of length 0
		}
		if !errors.Is(err, want) {
			t.Errorf("%s Sign with a %T nil public key: %v, want %v", tc.prim, tc.pub, err, want)
		}
	}
}
