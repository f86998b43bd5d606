package gencrypto

import (
	"crypto"
	"crypto/rsa"
)

// KeyEncryption is RSAES-OAEP key transport (RFC 7518 §4.3, RFC 8230 §3),
// with the same hash for OAEP and MGF1.
//
// The zero KeyEncryption is no algorithm (use RSAOAEP256 and the others):
// Encrypt and Decrypt return an error wrapping ErrUnsupported before
// looking at the key, and Hash and MinRSABits return 0.
type KeyEncryption struct {
	algInfo
	hash    crypto.Hash
	minBits int
}

var (
	rsaOAEP    = KeyEncryption{algInfo{"RSA-OAEP", -40, true, KindKeyEncryption, KeyRSA, false}, crypto.SHA1, 2048}
	rsaOAEP256 = KeyEncryption{algInfo{"RSA-OAEP-256", -41, true, KindKeyEncryption, KeyRSA, true}, crypto.SHA256, 2048}
	rsaOAEP384 = KeyEncryption{algInfo{"RSA-OAEP-384", 0, false, KindKeyEncryption, KeyRSA, true}, crypto.SHA384, 2048}
	rsaOAEP512 = KeyEncryption{algInfo{"RSA-OAEP-512", -42, true, KindKeyEncryption, KeyRSA, true}, crypto.SHA512, 2048}
)

// RSAOAEP is RSAES-OAEP with SHA-1 and MGF1-SHA-1 (RFC 7518 §4.3; COSE -40).
// It is not reported FIPS-approved: the Go Cryptographic Module refuses
// SHA-1 in OAEP in FIPS 140-only mode; use RSAOAEP256.
func RSAOAEP() *KeyEncryption { return &rsaOAEP }

// RSAOAEP256 is RSAES-OAEP with SHA-256 and MGF1-SHA-256 (COSE -41).
func RSAOAEP256() *KeyEncryption { return &rsaOAEP256 }

// RSAOAEP384 is RSAES-OAEP with SHA-384 and MGF1-SHA-384.
func RSAOAEP384() *KeyEncryption { return &rsaOAEP384 }

// RSAOAEP512 is RSAES-OAEP with SHA-512 and MGF1-SHA-512 (COSE -42).
func RSAOAEP512() *KeyEncryption { return &rsaOAEP512 }

// Primitive returns PrimRSAOAEP.
func (k *KeyEncryption) Primitive() string { return PrimRSAOAEP }

// Hash returns the OAEP and MGF1 hash.
func (k *KeyEncryption) Hash() crypto.Hash { return k.hash }

// MinRSABits returns the smallest modulus accepted, in bits.
func (k *KeyEncryption) MinRSABits() int { return k.minBits }

// Encrypt encrypts msg (a content-encryption key) to pub with an empty label.
// pub must be an *rsa.PublicKey of MinRSABits to 16384 bits. msg may be at
// most k − 2·hLen − 2 bytes for a k-byte modulus (RFC 8017 §7.1.1); a
// longer one is ErrInvalidInput.
func (k *KeyEncryption) Encrypt(pub crypto.PublicKey, msg []byte, opts ...Option) ([]byte, error) {
	if k.isZero() {
		return nil, zeroAlgorithm(k)
	}
	if err := k.checkKey(pub); err != nil {
		return nil, err
	}
	if len(msg) > pub.(*rsa.PublicKey).Size()-2*k.hash.Size()-2 {
		return nil, ErrInvalidInput
	}
	b, err := backendWith(opts, k, PrimRSAOAEP)
	if err != nil {
		return nil, err
	}
	if err := fipsRSAKey(k, b, pub.(*rsa.PublicKey), nil); err != nil {
		return nil, err
	}
	out, err := b.EncryptOAEP(k.hash, pub, msg, nil)
	return exactOutput(out, err, pub.(*rsa.PublicKey).Size()) // RFC 8017 §7.1.1: k octets
}

// Decrypt decrypts ciphertext with key. A key that does not fit the
// algorithm, or an *rsa.PrivateKey without its private exponent D, is
// ErrKeyType, ErrKeySize or ErrInvalidKey, reported before the ciphertext
// is looked at; every decryption failure is ErrVerify, so padding errors
// cannot be told apart.
func (k *KeyEncryption) Decrypt(key crypto.Decrypter, ciphertext []byte, opts ...Option) ([]byte, error) {
	if k.isZero() {
		return nil, zeroAlgorithm(k)
	}
	// Public is asked once: what is checked is what is used. An Ed25519
	// key is the wrong type here (checkKey), whatever its seed.
	pub, err := publicHalf(key, false)
	if err != nil {
		return nil, err
	}
	if err := k.checkKey(pub); err != nil {
		return nil, err
	}
	if err := checkPrivateScalar(key); err != nil {
		return nil, err
	}
	size := pub.(*rsa.PublicKey).Size()
	b, err := backendWith(opts, k, PrimRSAOAEP)
	if err != nil {
		return nil, err
	}
	if err := fipsRSAKey(k, b, pub.(*rsa.PublicKey), key); err != nil {
		return nil, err
	}
	if len(ciphertext) != size {
		return nil, ErrVerify // RFC 8017 §7.1.2 step 1b, before any RSA operation
	}
	out, err := b.DecryptOAEP(k.hash, key, ciphertext, nil)
	if err != nil {
		return nil, passUnsupported(err, ErrVerify)
	}
	// RFC 8017 §7.1.2 step 3: what follows the hash, the padding and the
	// 0x01 byte in k − 1 octets, so at most k − 2·hLen − 2 octets. A longer
	// result is a backend's bug, but it is reported as every other
	// decryption failure is, so that no two can be told apart (a backend
	// that returned the unpadded block for some padding failures and an
	// error for others would otherwise be a Manger oracle).
	if len(out) > size-2*k.hash.Size()-2 {
		return nil, ErrVerify
	}
	return out, nil
}

func (k *KeyEncryption) checkKey(pub crypto.PublicKey) error {
	return checkRSAKey(pub, k.minBits)
}
