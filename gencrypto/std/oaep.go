package std

import (
	"crypto"
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
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
	k, ok := pub.(*rsa.PublicKey)
	if !ok || k == nil || k.N == nil {
		return nil, errKeyType
	}
	return rsa.EncryptOAEP(f(), rand.Reader, k, msg, label)
}

// DecryptOAEP decrypts ciphertext with key, any crypto.Decrypter over an RSA
// key that understands *rsa.OAEPOptions (as *rsa.PrivateKey does), h being
// both the OAEP hash and the MGF1 hash. A ciphertext that is not k octets
// long for a k-octet modulus is a decryption error (RFC 8017 §7.1.2 step
// 1b; crypto/rsa would read a shorter one as an integer), reported as
// rsa.ErrDecryption, the error crypto/rsa gives for every other failure.
func (*Backend) DecryptOAEP(h crypto.Hash, key crypto.Decrypter, ciphertext, label []byte) ([]byte, error) {
	pub, ok := publicOf(key)
	if !ok {
		return nil, errKeyType
	}
	k, ok := pub.(*rsa.PublicKey)
	if !ok || k == nil || k.N == nil {
		return nil, errKeyType
	}
	if err := oaepHash(h); err != nil {
		return nil, err
	}
	if len(ciphertext) != k.Size() {
		return nil, rsa.ErrDecryption
	}
	return key.Decrypt(rand.Reader, ciphertext, &rsa.OAEPOptions{Hash: h, MGFHash: h, Label: label})
}
