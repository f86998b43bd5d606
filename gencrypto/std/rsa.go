package std

import (
	"crypto"
	"crypto/fips140"
	"crypto/rsa"
	"errors"

	"github.com/lwscrypto/lwscrypto/gencrypto/internal/sentinel"
)

// rsaPublic returns pub as an *rsa.PublicKey: errKeyType for another type
// or a nil pointer, errPublicKey for one without a modulus.
func rsaPublic(pub crypto.PublicKey) (*rsa.PublicKey, error) {
	k, ok := pub.(*rsa.PublicKey)
	if !ok || k == nil {
		return nil, errKeyType
	}
	if k.N == nil {
		return nil, errPublicKey
	}
	return k, nil
}

// fipsRSA returns, under GODEBUG=fips140=only, an unsupported error for an
// RSA key the Go Cryptographic Module refuses: crypto/rsa checks the same
// in that mode but reports it with a plain error, indistinguishable from a
// broken key. priv, when not nil, is the private key in memory. Outside
// that mode, and for a key the module takes, it returns nil.
func fipsRSA(pub *rsa.PublicKey, priv *rsa.PrivateKey) error {
	if !fips140.Enforced() {
		return nil
	}
	var detail string
	switch bits := pub.N.BitLen(); {
	case bits < 2048:
		detail = "RSA keys below 2048 bits"
	case bits%2 == 1:
		detail = "RSA keys of odd bit length"
	case pub.E <= 1<<16:
		detail = "RSA public exponents of 2¹⁶ or less"
	case pub.E&1 == 0:
		detail = "even RSA public exponents"
	case priv != nil && len(priv.Primes) != 2:
		detail = "RSA private keys of other than two primes"
	case priv != nil && (priv.Primes[0] == nil || priv.Primes[1] == nil || priv.Primes[0].BitLen() != priv.Primes[1].BitLen()):
		detail = "RSA private keys of primes of different sizes"
	}
	if detail == "" {
		return nil
	}
	return unsupported(detail + " in FIPS 140-only mode")
}

// rsaKeyError gives err, crypto/rsa's error for a signature or decryption
// with an *rsa.PrivateKey in memory, or its refusal of the public key of a
// verification, key, the gencrypto sentinel that names its reason: a
// decryption failure matches ErrVerify (and stays rsa.ErrDecryption), a
// key too small for the operation (crypto/rsa's ErrMessageTooLong when
// signing, its refusal of keys below 1024 bits) ErrKeySize, anything else
// ErrInvalidKey.
func rsaKeyError(key *rsa.PublicKey, err error) error {
	switch {
	case errors.Is(err, rsa.ErrDecryption):
		return errDecryption
	case errors.Is(err, rsa.ErrMessageTooLong) || key.N.BitLen() < 1024:
		return withKind(err, sentinel.KeySize)
	}
	return withKind(err, sentinel.InvalidKey)
}
