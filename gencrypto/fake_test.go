package gencrypto_test

import (
	"crypto"
	"crypto/cipher"
	"errors"
	"hash"
	"sync/atomic"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// fakeBackend wraps the default backend: it supports only the primitives
// listed in only (all when nil), counts the calls that reach it, and can be
// told to fail every verification with a chatty error or with
// ErrUnsupported.
type fakeBackend struct {
	inner   gencrypto.Backend
	only    map[string]bool
	calls   atomic.Int64
	failErr error // returned by Verify, VerifyDigest, Unwrap, DecryptOAEP, ECDH when set
}

func newFake(only ...string) *fakeBackend {
	f := &fakeBackend{inner: gencrypto.DefaultBackend()}
	if only != nil {
		f.only = map[string]bool{}
		for _, p := range only {
			f.only[p] = true
		}
	}
	return f
}

var errChatty = errors.New("fake: padding byte 0x17 at offset 211 was wrong")

func (f *fakeBackend) Name() string { return "fake" }

func (f *fakeBackend) Supports(p string) bool {
	return (f.only == nil || f.only[p]) && f.inner.Supports(p)
}

func (f *fakeBackend) NewHash(h crypto.Hash) (hash.Hash, error) {
	f.calls.Add(1)
	return f.inner.NewHash(h)
}

func (f *fakeBackend) NewHMAC(h crypto.Hash, key []byte) (hash.Hash, error) {
	f.calls.Add(1)
	return f.inner.NewHMAC(h, key)
}

func (f *fakeBackend) NewAEAD(p string, key []byte, n, t int, h crypto.Hash) (cipher.AEAD, error) {
	f.calls.Add(1)
	return f.inner.NewAEAD(p, key, n, t, h)
}

func (f *fakeBackend) Wrap(p string, kek, key []byte) ([]byte, error) {
	f.calls.Add(1)
	return f.inner.Wrap(p, kek, key)
}

func (f *fakeBackend) Unwrap(p string, kek, w []byte) ([]byte, error) {
	f.calls.Add(1)
	if f.failErr != nil {
		return nil, f.failErr
	}
	return f.inner.Unwrap(p, kek, w)
}

func (f *fakeBackend) Sign(p string, key crypto.Signer, h crypto.Hash, msg []byte) ([]byte, error) {
	f.calls.Add(1)
	return f.inner.Sign(p, key, h, msg)
}

func (f *fakeBackend) Verify(p string, pub crypto.PublicKey, h crypto.Hash, msg, sig []byte) error {
	f.calls.Add(1)
	if f.failErr != nil {
		return f.failErr
	}
	return f.inner.Verify(p, pub, h, msg, sig)
}

func (f *fakeBackend) SignDigest(p string, key crypto.Signer, h crypto.Hash, d []byte) ([]byte, error) {
	f.calls.Add(1)
	return f.inner.SignDigest(p, key, h, d)
}

func (f *fakeBackend) VerifyDigest(p string, pub crypto.PublicKey, h crypto.Hash, d, sig []byte) error {
	f.calls.Add(1)
	if f.failErr != nil {
		return f.failErr
	}
	return f.inner.VerifyDigest(p, pub, h, d, sig)
}

func (f *fakeBackend) EncryptOAEP(h crypto.Hash, pub crypto.PublicKey, msg, label []byte) ([]byte, error) {
	f.calls.Add(1)
	return f.inner.EncryptOAEP(h, pub, msg, label)
}

func (f *fakeBackend) DecryptOAEP(h crypto.Hash, key crypto.Decrypter, ct, label []byte) ([]byte, error) {
	f.calls.Add(1)
	if f.failErr != nil {
		return nil, f.failErr
	}
	return f.inner.DecryptOAEP(h, key, ct, label)
}

func (f *fakeBackend) ECDH(p string, priv crypto.PrivateKey, pub crypto.PublicKey) ([]byte, error) {
	f.calls.Add(1)
	if f.failErr != nil {
		return nil, f.failErr
	}
	return f.inner.ECDH(p, priv, pub)
}

func (f *fakeBackend) HKDF(h crypto.Hash, secret, salt, info []byte, n int) ([]byte, error) {
	f.calls.Add(1)
	return f.inner.HKDF(h, secret, salt, info, n)
}

func (f *fakeBackend) PBKDF2(h crypto.Hash, pw, salt []byte, iter, n int) ([]byte, error) {
	f.calls.Add(1)
	return f.inner.PBKDF2(h, pw, salt, iter, n)
}

func (f *fakeBackend) ConcatKDF(h crypto.Hash, z, other []byte, n int) ([]byte, error) {
	f.calls.Add(1)
	return f.inner.ConcatKDF(h, z, other, n)
}
