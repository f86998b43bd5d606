package gencryptotest

import (
	"crypto"
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// checkBackendUnsupported asks the backend itself for a's primitive, which
// it says it lacks: every method that takes the primitive must return an
// error wrapping ErrUnsupported, and never panic (the Backend contract).
// The registry stops such calls before they reach the backend (Supports
// is asked first), so this is the only place the methods are exercised.
func (s *suite) checkBackendUnsupported(t *testing.T, a gencrypto.Algorithm) {
	t.Helper()
	b, k := s.b, s.keys
	msg := []byte("m")
	calls := map[string]func() error{}
	switch a := a.(type) {
	case *gencrypto.Signature:
		key, h := s.signerFor(a), a.Hash()
		sig := make([]byte, max(a.SignatureSize(), k.rsa[0].Size()))
		calls["Sign"] = func() error { _, err := b.Sign(a.Primitive(), key, h, msg); return err }
		calls["Verify"] = func() error { return b.Verify(a.Primitive(), key.Public(), h, msg, sig) }
		if h != 0 {
			d := make([]byte, h.Size())
			calls["SignDigest"] = func() error { _, err := b.SignDigest(a.Primitive(), key, h, d); return err }
			calls["VerifyDigest"] = func() error { return b.VerifyDigest(a.Primitive(), key.Public(), h, d, sig) }
		}
	case *gencrypto.MAC:
		calls["NewHMAC"] = func() error { _, err := b.NewHMAC(a.Hash(), make([]byte, a.MinKeySize())); return err }
	case *gencrypto.AEAD:
		calls["NewAEAD"] = func() error {
			_, err := b.NewAEAD(a.Primitive(), make([]byte, a.KeySize()), a.NonceSize(), a.TagSize(), aeadHash(a))
			return err
		}
	case *gencrypto.KeyWrap:
		kek := make([]byte, a.KeySize())
		calls["Wrap"] = func() error { _, err := b.Wrap(a.Primitive(), kek, make([]byte, 16)); return err }
		calls["Unwrap"] = func() error { _, err := b.Unwrap(a.Primitive(), kek, make([]byte, 24)); return err }
	case *gencrypto.KeyEncryption:
		calls["EncryptOAEP"] = func() error { _, err := b.EncryptOAEP(a.Hash(), &k.rsa[0].PublicKey, msg, nil); return err }
		calls["DecryptOAEP"] = func() error {
			_, err := b.DecryptOAEP(a.Hash(), k.rsa[0], make([]byte, k.rsa[0].Size()), nil)
			return err
		}
	case *gencrypto.KeyAgreement:
		priv := s.ecdhKeys(a)
		calls["ECDH"] = func() error { _, err := b.ECDH(a.Primitive(), priv[0], priv[1].PublicKey()); return err }
	case *gencrypto.HKDF:
		calls["HKDF"] = func() error { _, err := b.HKDF(a.Hash(), make([]byte, 32), nil, nil, 16); return err }
	case *gencrypto.PBKDF2:
		calls["PBKDF2"] = func() error { _, err := b.PBKDF2(a.Hash(), []byte("password"), make([]byte, 16), 1, 16); return err }
	case *gencrypto.ConcatKDF:
		calls["ConcatKDF"] = func() error { _, err := b.ConcatKDF(a.Hash(), make([]byte, 32), nil, 16); return err }
	}
	for name, call := range calls {
		if err := noPanic(call); !errors.Is(err, gencrypto.ErrUnsupported) {
			t.Errorf("backend %s for %s, which it does not support: %v, want an error wrapping ErrUnsupported", name, a.Primitive(), err)
		}
	}
}

// noPanic runs call and turns a panic into an error.
func noPanic(call func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return call()
}

// aeadHash is the HMAC hash of an AES-CBC-HMAC algorithm (RFC 7518 §5.2.3
// to §5.2.5: the tag is half the HMAC output), and 0 for the other AEADs.
func aeadHash(a *gencrypto.AEAD) crypto.Hash {
	if a.Primitive() != gencrypto.PrimAESCBCHMAC {
		return 0
	}
	switch a.TagSize() {
	case 16:
		return crypto.SHA256
	case 24:
		return crypto.SHA384
	}
	return crypto.SHA512
}
