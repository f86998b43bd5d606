package gencryptotest

import (
	"crypto"
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// rsaEncodings checks the two RSA rules the registry cannot check, since
// both are inside the RSA operation, so every backend must: RSASSA-PSS
// takes a salt of exactly the hash's length (RFC 7518 §3.5, RFC 8230 §2),
// and RSASSA-PKCS1-v1_5 compares the whole encoded message, the DigestInfo
// naming the algorithm's hash included (RFC 8017 §8.2.2 step 4). Valid
// signatures under the right key over the right digest that break either
// rule (another salt length; no DigestInfo, or the DigestInfo of the SHA-3
// hash of the same size) are ErrVerify, in Verify and in VerifyDigest.
// They are made with crypto/rsa, as fixtures (under fips140=only with the
// enforcement lifted: the module refuses to make some of them).
func (s *suite) rsaEncodings(t *testing.T, a *gencrypto.Signature) {
	t.Helper()
	priv := s.keys.rsa[0]
	h := a.Hash()
	msg := []byte("signed with another encoding")
	d := sum(h, msg)
	bad := map[string][]byte{}
	var errs []error
	fips140.WithoutEnforcement(func() {
		add := func(name string, sig []byte, err error) {
			bad[name] = sig
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			}
		}
		switch a.Primitive() {
		case gencrypto.PrimRSAPSS:
			// (crypto/rsa reads a salt length of 0 as "the longest", so
			// an empty salt cannot be made here.)
			for _, n := range []int{1, h.Size() - 1, h.Size() + 1} {
				sig, err := rsa.SignPSS(rand.Reader, priv, h, d, &rsa.PSSOptions{SaltLength: n})
				add(fmt.Sprintf("PSS with a %d-byte salt", n), sig, err)
			}
		case gencrypto.PrimRSAPKCS1v15:
			sig, err := rsa.SignPKCS1v15(nil, priv, crypto.Hash(0), d)
			add("PKCS #1 v1.5 without a DigestInfo", sig, err)
			other := map[crypto.Hash]crypto.Hash{crypto.SHA256: crypto.SHA3_256, crypto.SHA384: crypto.SHA3_384, crypto.SHA512: crypto.SHA3_512}[h]
			sig, err = rsa.SignPKCS1v15(nil, priv, other, d)
			add(fmt.Sprintf("PKCS #1 v1.5 with the DigestInfo of %v", other), sig, err)
		}
	})
	if len(errs) > 0 || len(bad) == 0 {
		t.Fatalf("making the fixtures for %s: %v", a.Primitive(), errs)
	}
	pub := &priv.PublicKey
	for name, sig := range bad {
		if err := a.Verify(pub, msg, sig, s.opt); err != gencrypto.ErrVerify {
			t.Errorf("Verify(%s): %v, want ErrVerify", name, err)
		}
		if err := a.VerifyDigest(pub, d, sig, s.opt); err != gencrypto.ErrVerify {
			t.Errorf("VerifyDigest(%s): %v, want ErrVerify", name, err)
		}
	}
}
