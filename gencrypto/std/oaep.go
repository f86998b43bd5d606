package std

import (
	"crypto"
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
	"errors"

	"github.com/lwscrypto/lwscrypto/gencrypto/internal/sentinel"
)

// oaepHash returns an unsupported error for h when the Go Cryptographic
// Module would refuse it: in FIPS 140-only mode OAEP takes SHA-2 or SHA-3.
func oaepHash(h crypto.Hash) error {
	if _, err := hashFunc(h); err != nil {
		return err
	}
	switch h {
	case crypto.SHA1:
		if fips140.Enforced() {
			return unsupported("RSA-OAEP with SHA-1 in FIPS 140-only mode")
		}
	}
	return nil
}

// EncryptOAEP encrypts msg to pub with RSAES-OAEP (RFC 8017 §7.1), h being
// both the OAEP hash and the MGF1 hash.
func (*Backend) EncryptOAEP(h crypto.Hash, pub crypto.PublicKey, msg, label []byte) ([]byte, error) {
	if err := oaepHash(h); err != nil {
		return nil, err
	}
	f, _ := hashFunc(h)
	k, err := rsaPublic(pub)
	if err != nil {
		return nil, err
	}
	if err := fipsRSA(k, nil); err != nil {
		return nil, err
	}
	ct, err := rsa.EncryptOAEP(f(), rand.Reader, k, msg, label)
	if err != nil {
		if errors.Is(err, rsa.ErrMessageTooLong) {
			return nil, withKind(err, sentinel.InvalidInput)
		}
		return nil, rsaKeyError(k, err)
	}
	return ct, nil
}

// DecryptOAEP decrypts ciphertext with key, any crypto.Decrypter over an RSA
// key that understands *rsa.OAEPOptions (as *rsa.PrivateKey does), h being
// both the OAEP hash and the MGF1 hash. A ciphertext that is not k octets
// long for a k-octet modulus is a decryption error (RFC 8017 §7.1.2 step
// 1b; crypto/rsa would read a shorter one as an integer), reported as
// every other failure is: one error value, with rsa.ErrDecryption's
// message, that matches both rsa.ErrDecryption and gencrypto.ErrVerify
// with errors.Is (it is not rsa.ErrDecryption itself: compare with
// errors.Is, not ==). Under GODEBUG=fips140=only a
// key the Go Cryptographic Module refuses (below 2048 bits, say) is
// unsupported, as it is for EncryptOAEP and the RSA signatures.
func (*Backend) DecryptOAEP(h crypto.Hash, key crypto.Decrypter, ciphertext, label []byte) ([]byte, error) {
	pub, err := publicOf(key)
	if err != nil {
		return nil, err
	}
	k, err := rsaPublic(pub)
	if err != nil {
		return nil, err
	}
	if err := oaepHash(h); err != nil {
		return nil, err
	}
	priv, inMemory := key.(*rsa.PrivateKey)
	if err := fipsRSA(k, priv); err != nil {
		return nil, err
	}
	if len(ciphertext) != k.Size() {
		return nil, errDecryption
	}
	msg, err := key.Decrypt(rand.Reader, ciphertext, &rsa.OAEPOptions{Hash: h, MGFHash: h, Label: label})
	if err != nil {
		if inMemory {
			return nil, rsaKeyError(k, err)
		}
		if errors.Is(err, rsa.ErrDecryption) {
			return nil, errDecryption
		}
		return nil, err
	}
	return msg, nil
}
