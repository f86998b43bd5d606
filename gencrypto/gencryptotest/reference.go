package gencryptotest

import (
	"crypto"
	"crypto/cipher"
	"crypto/fips140"
	"hash"

	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// reference is the std backend as the suite's reference: every call runs
// with the Go Cryptographic Module's FIPS 140-only enforcement lifted, so
// that under GODEBUG=fips140=only it still answers for the approved
// primitives std does not serve in that mode (AES-GCM, AES-CCM, AES-KW, the
// Concat KDF), which a backend under test may serve. Reference values are
// fixtures, made like the suite's keys; the backend under test runs with
// enforcement on. The values reference returns (an AEAD, a hash) are made
// under the lifted enforcement, which the standard library checks only
// when making them.
type reference struct{ b *std.Backend }

func bypass[T any](f func() (T, error)) (v T, err error) {
	fips140.WithoutEnforcement(func() { v, err = f() })
	return v, err
}

func (r reference) Name() string { return "std (reference)" }

func (r reference) Supports(p string) bool {
	var ok bool
	fips140.WithoutEnforcement(func() { ok = r.b.Supports(p) })
	return ok
}

func (r reference) NewHash(h crypto.Hash) (hash.Hash, error) {
	return bypass(func() (hash.Hash, error) { return r.b.NewHash(h) })
}

func (r reference) NewHMAC(h crypto.Hash, key []byte) (hash.Hash, error) {
	return bypass(func() (hash.Hash, error) { return r.b.NewHMAC(h, key) })
}

func (r reference) NewAEAD(p string, key []byte, n, t int, h crypto.Hash) (cipher.AEAD, error) {
	return bypass(func() (cipher.AEAD, error) { return r.b.NewAEAD(p, key, n, t, h) })
}

func (r reference) Wrap(p string, kek, key []byte) ([]byte, error) {
	return bypass(func() ([]byte, error) { return r.b.Wrap(p, kek, key) })
}

func (r reference) Unwrap(p string, kek, w []byte) ([]byte, error) {
	return bypass(func() ([]byte, error) { return r.b.Unwrap(p, kek, w) })
}

func (r reference) Sign(p string, key crypto.Signer, h crypto.Hash, msg []byte) ([]byte, error) {
	return bypass(func() ([]byte, error) { return r.b.Sign(p, key, h, msg) })
}

func (r reference) Verify(p string, pub crypto.PublicKey, h crypto.Hash, msg, sig []byte) error {
	_, err := bypass(func() (struct{}, error) { return struct{}{}, r.b.Verify(p, pub, h, msg, sig) })
	return err
}

func (r reference) SignDigest(p string, key crypto.Signer, h crypto.Hash, d []byte) ([]byte, error) {
	return bypass(func() ([]byte, error) { return r.b.SignDigest(p, key, h, d) })
}

func (r reference) VerifyDigest(p string, pub crypto.PublicKey, h crypto.Hash, d, sig []byte) error {
	_, err := bypass(func() (struct{}, error) { return struct{}{}, r.b.VerifyDigest(p, pub, h, d, sig) })
	return err
}

func (r reference) EncryptOAEP(h crypto.Hash, pub crypto.PublicKey, msg, label []byte) ([]byte, error) {
	return bypass(func() ([]byte, error) { return r.b.EncryptOAEP(h, pub, msg, label) })
}

func (r reference) DecryptOAEP(h crypto.Hash, key crypto.Decrypter, ct, label []byte) ([]byte, error) {
	return bypass(func() ([]byte, error) { return r.b.DecryptOAEP(h, key, ct, label) })
}

func (r reference) ECDH(p string, priv crypto.PrivateKey, pub crypto.PublicKey) ([]byte, error) {
	return bypass(func() ([]byte, error) { return r.b.ECDH(p, priv, pub) })
}

func (r reference) HKDF(h crypto.Hash, secret, salt, info []byte, n int) ([]byte, error) {
	return bypass(func() ([]byte, error) { return r.b.HKDF(h, secret, salt, info, n) })
}

func (r reference) PBKDF2(h crypto.Hash, pw, salt []byte, iter, n int) ([]byte, error) {
	return bypass(func() ([]byte, error) { return r.b.PBKDF2(h, pw, salt, iter, n) })
}

func (r reference) ConcatKDF(h crypto.Hash, z, other []byte, n int) ([]byte, error) {
	return bypass(func() ([]byte, error) { return r.b.ConcatKDF(h, z, other, n) })
}
