package std

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

// NewAEAD returns an AEAD for the primitives "aes-gcm", "aes-ccm",
// "chacha20-poly1305" and "aes-cbc-hmac-sha2" (gencrypto's PrimAESGCM,
// PrimAESCCM, PrimChaCha20Poly1305 and PrimAESCBCHMAC); any other is
// unsupported. nonceSize and tagSize are in bytes; h is the HMAC hash of
// AES-CBC-HMAC and is ignored otherwise. Sizes the primitive does not define
// are an error matching gencrypto.ErrKeySize (keys) or ErrInvalidInput.
//
// AES-GCM takes a 16-, 24- or 32-byte key and either the standard 12-byte
// nonce with a tag of 12…16 bytes, or a 16-byte tag with any non-empty nonce
// (crypto/cipher offers no other combination; the others NIST SP 800-38D
// allows, a tag of 4 or 8 bytes or one of 12…15 with a nonce other than 12
// bytes, are unsupported, and the rest invalid). ChaCha20-Poly1305 takes a
// 32-byte key, a 12-byte nonce (24 selects XChaCha20-Poly1305) and a 16-byte
// tag. AES-CCM (NIST SP 800-38C, RFC 3610) takes a 16-, 24- or 32-byte key,
// a nonce of 7 to 13 bytes and an even tag of 4 to 16 bytes. AES-CBC-HMAC
// (RFC 7518 §5.2) takes key = MAC_KEY‖ENC_KEY, two halves of 16, 24 or 32
// bytes, a 16-byte IV and a tag of 16 bytes up to h's output (RFC 7518 uses
// half of it); its Seal writes ciphertext‖tag, the ciphertext padded (PKCS
// #7) to whole blocks.
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
	case nonceSize > 0 && (tagSize == 4 || tagSize == 8 || tagSize >= 12 && tagSize <= 16):
		// NIST SP 800-38D §5.2.1.2 allows these tags; crypto/cipher does not.
		return nil, unsupported(fmt.Sprintf("AES-GCM with a %d-byte nonce and a %d-byte tag", nonceSize, tagSize))
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
