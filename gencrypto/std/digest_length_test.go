package std

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"testing"
)

// TestDigestLength: SignDigest and VerifyDigest take exactly the hash's
// output length (gencrypto checks it too, in front of the backend); a digest
// one byte short or long is errLength for ECDSA and RSA, and a digest of the
// right length signs and verifies.
func TestDigestLength(t *testing.T) {
	b := New()
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	rk, err := rsa.GenerateKey(rand.Reader, 1024) // the backend has no size floor; gencrypto's policy does
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		prim string
		key  crypto.Signer
		pub  crypto.PublicKey
		h    crypto.Hash
	}{
		{primECDSAP256, ec, &ec.PublicKey, crypto.SHA256},
		{primECDSAP256, ec, &ec.PublicKey, crypto.SHA384},
		{primRSAPKCS1v15, rk, &rk.PublicKey, crypto.SHA256},
		{primRSAPSS, rk, &rk.PublicKey, crypto.SHA384},
	} {
		n := tc.h.Size()
		sig, err := b.SignDigest(tc.prim, tc.key, tc.h, make([]byte, n))
		if err != nil {
			t.Fatalf("%s-%v: %v", tc.prim, tc.h, err)
		}
		if err := b.VerifyDigest(tc.prim, tc.pub, tc.h, make([]byte, n), sig); err != nil {
			t.Errorf("%s-%v: VerifyDigest of its own signature: %v", tc.prim, tc.h, err)
		}
		for _, m := range []int{n - 1, n + 1} {
			if _, err := b.SignDigest(tc.prim, tc.key, tc.h, make([]byte, m)); !errors.Is(err, errLength) {
				t.Errorf("%s-%v: SignDigest of %d bytes: %v, want errLength", tc.prim, tc.h, m, err)
			}
			if err := b.VerifyDigest(tc.prim, tc.pub, tc.h, make([]byte, m), sig); !errors.Is(err, errLength) {
				t.Errorf("%s-%v: VerifyDigest of %d bytes: %v, want errLength", tc.prim, tc.h, m, err)
			}
		}
	}
}
