package std

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"

	"golang.org/x/crypto/chacha20poly1305"
)

// NewAEAD returns an AEAD for primAESGCM, primAESCCM, primChaCha20Poly1305
// or primAESCBCHMAC. nonceSize and tagSize are in bytes; h is the HMAC hash
// of primAESCBCHMAC and is ignored otherwise.
//
// AES-GCM takes a 16-, 24- or 32-byte key and either the standard 12-byte
// nonce with a tag of 12…16 bytes, or a 16-byte tag with any non-empty nonce
// (crypto/cipher offers no other combination). ChaCha20-Poly1305 takes a
// 32-byte key, a 12-byte nonce (24 selects XChaCha20-Poly1305) and a 16-byte
// tag. AES-CCM and AES-CBC-HMAC are described at newCCM and newCBCHMAC.
func (*Backend) NewAEAD(primitive string, key []byte, nonceSize, tagSize int, h crypto.Hash) (cipher.AEAD, error) {
	if err := checkFIPS(primitive); err != nil {
		return nil, err
	}
	switch primitive {
	case primAESGCM:
		return newGCM(key, nonceSize, tagSize)
	case primAESCCM:
		if !aesKeySize(len(key)) {
			return nil, errKeySize
		}
		b, err := aes.NewCipher(key)
		if err != nil {
			return nil, err
		}
		return newCCM(b, nonceSize, tagSize)
	case primChaCha20Poly1305:
		if len(key) != chacha20poly1305.KeySize {
			return nil, errKeySize
		}
		if tagSize != chacha20poly1305.Overhead {
			return nil, errParameter
		}
		switch nonceSize {
		case chacha20poly1305.NonceSize:
			return chacha20poly1305.New(key)
		case chacha20poly1305.NonceSizeX:
			return chacha20poly1305.NewX(key)
		}
		return nil, errParameter
	case primAESCBCHMAC:
		return newCBCHMAC(key, nonceSize, tagSize, h)
	}
	return nil, unsupported("aead " + primitive)
}

func aesKeySize(n int) bool { return n == 16 || n == 24 || n == 32 }

func newGCM(key []byte, nonceSize, tagSize int) (cipher.AEAD, error) {
	if !aesKeySize(len(key)) {
		return nil, errKeySize
	}
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	switch {
	case nonceSize == 12 && tagSize == 16:
		return cipher.NewGCM(b)
	case nonceSize == 12 && tagSize >= 12 && tagSize <= 16:
		return cipher.NewGCMWithTagSize(b, tagSize)
	case tagSize == 16 && nonceSize > 0:
		return cipher.NewGCMWithNonceSize(b, nonceSize)
	}
	return nil, errParameter
}

// sliceForAppend extends in by n bytes, reusing its capacity when it can,
// and returns the whole slice and the n new bytes.
func sliceForAppend(in []byte, n int) (head, tail []byte) {
	if total := len(in) + n; cap(in) >= total {
		head = in[:total]
	} else {
		head = make([]byte, total)
		copy(head, in)
	}
	tail = head[len(in):]
	return
}
