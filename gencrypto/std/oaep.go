package std

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
)

// EncryptOAEP encrypts msg to pub with RSAES-OAEP (RFC 8017 §7.1), h being
// both the OAEP hash and the MGF1 hash.
func (*Backend) EncryptOAEP(h crypto.Hash, pub crypto.PublicKey, msg, label []byte) ([]byte, error) {
	f, err := hashFunc(h)
	if err != nil {
		return nil, err
	}
	k, ok := pub.(*rsa.PublicKey)
	if !ok || k == nil || k.N == nil {
		return nil, errKeyType
	}
	return rsa.EncryptOAEP(f(), rand.Reader, k, msg, label)
}

// DecryptOAEP decrypts ciphertext with key, any crypto.Decrypter over an RSA
// key that understands *rsa.OAEPOptions (as *rsa.PrivateKey does).
func (*Backend) DecryptOAEP(h crypto.Hash, key crypto.Decrypter, ciphertext, label []byte) ([]byte, error) {
	if key == nil {
		return nil, errKeyType
	}
	if _, ok := key.Public().(*rsa.PublicKey); !ok {
		return nil, errKeyType
	}
	if _, err := hashFunc(h); err != nil {
		return nil, err
	}
	return key.Decrypt(rand.Reader, ciphertext, &rsa.OAEPOptions{Hash: h, MGFHash: h, Label: label})
}
