package gencrypto

import (
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/gencrypto/internal/sentinel"
)

// The values live in gencrypto/internal/sentinel so that the std backend,
// which this package imports, can wrap them: its own errors match them with
// errors.Is when it is called directly too (see package std, "Errors").
var (
	// ErrVerify is returned for every failed authentication: a signature, MAC
	// or AEAD tag that does not check, an AES-KW integrity check or an
	// RSA-OAEP decryption that fails, whatever the reason. It carries no
	// detail on purpose, so that callers cannot become an oracle.
	ErrVerify = sentinel.Verify

	// ErrUnsupported is returned when a backend does not implement what was
	// asked, and by every operation of the zero value of an algorithm type
	// (new(MAC), say), which is no algorithm: only the registry's functions
	// (HS256, ByName…) give usable ones. It is errors.ErrUnsupported, so
	// backends written without this package can return it too.
	ErrUnsupported = errors.ErrUnsupported

	// ErrKeyType is returned when a key's type does not fit the algorithm, as
	// an ECDSA key given to an RSA algorithm or a P-384 key given to ES256.
	// The key type is checked before any computation.
	ErrKeyType = sentinel.KeyType

	// ErrKeySize is returned for a key of the right type but a size the
	// algorithm does not allow: an AES key of the wrong length, an RSA
	// modulus below the minimum, an HMAC key shorter than the hash output.
	ErrKeySize = sentinel.KeySize

	// ErrInvalidKey is returned for a key of the right type and size that is
	// not a valid key: an ECDSA public point that is not on its curve (the
	// point at infinity has no encoding and is never on it), an RSA key
	// whose modulus is even or whose exponent is even, below 3 or above
	// 2³¹−1, an *ecdsa.PrivateKey or *rsa.PrivateKey without a private
	// scalar D in range, an Ed25519 public key that is not the canonical
	// encoding of a curve point or is of small order, and an
	// ed25519.PrivateKey whose public half is not the public key its seed
	// derives (Sign, PublicKeyOf). A MACKey that MAC.New did not make (the
	// zero MACKey) holds no key: its operations return it too.
	ErrInvalidKey = sentinel.InvalidKey

	// ErrInvalidInput is returned for malformed inputs other than keys: a
	// key to wrap or a wrapped key whose length is not a multiple of 8 or
	// too short, a requested KDF output length or PBKDF2 iteration count
	// out of range, a digest that is not the hash's output length, an
	// RSA-OAEP message too long for the key, and an ECDH peer key the
	// computation refuses (an X25519 key of low order). An AEAD nonce of
	// the wrong size is not among them: Open reports it as ErrVerify (the
	// nonce of a received message is attacker input) and Seal panics (see
	// AEAD.New).
	ErrInvalidInput = sentinel.InvalidInput
)

// isUnsupported reports whether err wraps ErrUnsupported.
func isUnsupported(err error) bool { return errors.Is(err, ErrUnsupported) }

// zeroAlgorithm is the error of an operation on the zero value of an
// algorithm type (a *MAC made by new(MAC), say), which is no algorithm: it
// has no hash, key size or primitive to run. It wraps ErrUnsupported.
func zeroAlgorithm(a Algorithm) error {
	return fmt.Errorf("gencrypto: the zero value of %T is not a registered algorithm: %w", a, ErrUnsupported)
}

// errNoMACKey is the error of an operation on a MACKey that MAC.New did
// not make (the zero MACKey): it holds no key. It wraps ErrInvalidKey.
var errNoMACKey = fmt.Errorf("gencrypto: a MACKey not made by MAC.New holds no key: %w", ErrInvalidKey)

// errBackendOutput is returned when a backend's result breaks its contract
// (a signature, key, secret or KDF output of the wrong length); it is a bug
// in the backend. It is not exported: no caller decision hangs on it.
var errBackendOutput = errors.New("gencrypto: backend returned a malformed result")

// exactOutput passes on a backend's result when the call succeeded and the
// result is n bytes long, the length the algorithm defines; a result of
// another length is errBackendOutput. The refused bytes are dropped, not
// cleared: a broken backend may have returned memory of the caller's (an
// input, a key), which is not the registry's to overwrite.
func exactOutput(out []byte, err error, n int) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	if len(out) != n {
		return nil, errBackendOutput
	}
	return out, nil
}
