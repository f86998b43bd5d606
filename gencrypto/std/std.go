// Package std is the default gencrypto backend, built on the Go standard
// library (and golang.org/x/crypto only where the standard library has
// nothing, as for ChaCha20-Poly1305).
//
// It implements primitives only; policy (which key fits which algorithm,
// which lengths are legal, how failures are reported) lives in package
// gencrypto, which uses this package as its default. This package imports
// nothing of gencrypto but its error values (from gencrypto/internal/sentinel,
// below both), so its method set is written against the standard library's
// types alone, and its primitive names are the strings of gencrypto's Prim*
// constants.
//
// # Errors
//
// Every error a method returns for a bad input matches, with errors.Is, the
// gencrypto error that names its reason: gencrypto.ErrKeyType,
// ErrKeySize or ErrInvalidKey for a key, ErrInvalidInput for another input
// (a length, a nonce or tag size, a digest, an X25519 peer of low order),
// ErrVerify for a signature, MAC, tag, key-wrap check or RSA-OAEP
// decryption that fails, and ErrUnsupported for what the backend does not
// implement or, under GODEBUG=fips140=only, refuses by policy. Errors of
// the standard library keep their message and still match its own values
// (rsa.ErrDecryption, rsa.ErrMessageTooLong). Three exceptions: the AEADs
// of AES-GCM and ChaCha20-Poly1305 are the standard library's and
// x/crypto's own, whose Open fails with their own error; an error of a key
// that is not in memory (a crypto.Signer, crypto.Decrypter or
// ecdh.KeyExchanger of a token) is the key's, passed on as it is; and an
// ECDSA public point off its curve is a failed verification (ErrVerify),
// as crypto/ecdsa reports it (gencrypto checks the point first).
//
// # Primitives
//
// Everything comes from the standard library (crypto/aes, crypto/cipher,
// crypto/ecdsa, crypto/ecdh, crypto/ed25519, crypto/rsa, crypto/hmac,
// crypto/hkdf, crypto/pbkdf2, crypto/sha1, crypto/sha256, crypto/sha512,
// crypto/sha3), except ChaCha20-Poly1305 (golang.org/x/crypto/chacha20poly1305)
// and four constructions this package writes, three on top of crypto/aes and
// crypto/cipher and one on the hashes, each in its own file:
//
//   - AES-CCM (NIST SP 800-38C, RFC 3610): ccm.go
//   - AES Key Wrap (RFC 3394): keywrap.go
//   - AES_CBC_HMAC_SHA2 (RFC 7518 §5.2): cbchmac.go
//   - the Concat KDF (NIST SP 800-56A §5.8.1, RFC 7518 §4.6.2): kdf.go
//
// A method asked for a primitive or a hash it does not implement returns an
// error for which errors.Is(err, errors.ErrUnsupported) holds; it never
// panics on a request it cannot serve.
//
// # FIPS 140-3 mode
//
// Under GODEBUG=fips140=only the backend offers only what the Go
// Cryptographic Module serves: ECDSA, Ed25519, RSA (OAEP with SHA-2 or
// SHA-3 only), ECDH on the NIST curves, HMAC, HKDF, PBKDF2 (with the
// module's minimum key and salt lengths), and AES-CBC with HMAC, which
// composes the module's CBC and HMAC services. AES-GCM is not offered
// because the module accepts only nonces it generates itself; AES-CCM,
// AES-KW and the Concat KDF are written in this package, outside the
// module; ChaCha20-Poly1305 and X25519 are not approved. Supports reports
// false for those, and their methods return an unsupported error. So do,
// rather than the standard library's panic or plain error, SHA-1 wherever
// a hash is taken, HMAC keys and HKDF secrets shorter than 112 bits,
// PBKDF2 salts shorter than 128 bits or outputs shorter than 112 bits, and
// RSA keys the module refuses (below 2048 bits, of odd size, with a public
// exponent of 2¹⁶ or less or even, or a private key of other than two
// primes of one size), on every RSA method, verification included.
package std

import (
	"crypto/fips140"
	"crypto/rsa"
	"errors"

	"github.com/lwscrypto/lwscrypto/gencrypto/internal/sentinel"
)

// Primitive names, identical to gencrypto's Prim* constants (this package
// cannot import gencrypto; gencrypto's tests check the two lists agree).
const (
	primAESGCM           = "aes-gcm"
	primAESCCM           = "aes-ccm"
	primChaCha20Poly1305 = "chacha20-poly1305"
	primAESCBCHMAC       = "aes-cbc-hmac-sha2"
	primAESKW            = "aes-kw"
	primECDSAP256        = "ecdsa-p256"
	primECDSAP384        = "ecdsa-p384"
	primECDSAP521        = "ecdsa-p521"
	primEd25519          = "ed25519"
	primRSAPKCS1v15      = "rsa-pkcs1v15"
	primRSAPSS           = "rsa-pss"
	primRSAOAEP          = "rsa-oaep"
	primECDHP256         = "ecdh-p256"
	primECDHP384         = "ecdh-p384"
	primECDHP521         = "ecdh-p521"
	primX25519           = "x25519"
	primHMAC             = "hmac"
	primHKDF             = "hkdf"
	primPBKDF2           = "pbkdf2"
	primConcatKDF        = "concat-kdf"
)

// Primitives returns the names of every primitive the backend implements,
// whatever the FIPS 140-3 mode: under GODEBUG=fips140=only, Supports tells
// which of them it serves.
func Primitives() []string {
	return []string{
		primAESGCM, primAESCCM, primChaCha20Poly1305, primAESCBCHMAC, primAESKW,
		primECDSAP256, primECDSAP384, primECDSAP521, primEd25519,
		primRSAPKCS1v15, primRSAPSS, primRSAOAEP,
		primECDHP256, primECDHP384, primECDHP521, primX25519,
		primHMAC, primHKDF, primPBKDF2, primConcatKDF,
	}
}

// Backend is the standard-library backend. The zero value is ready to use,
// and it is safe for concurrent use.
type Backend struct{}

// New returns the standard-library backend.
func New() *Backend { return &Backend{} }

// Name returns "std".
func (*Backend) Name() string { return "std" }

// Supports reports whether the backend implements primitive. Under
// GODEBUG=fips140=only it reports only the primitives whose every security
// function is a service of the Go Cryptographic Module (see "FIPS 140-3
// mode" in the package documentation).
func (*Backend) Supports(primitive string) bool {
	if fips140.Enforced() && !moduleBacked(primitive) {
		return false
	}
	switch primitive {
	case primAESGCM, primAESCCM, primChaCha20Poly1305, primAESCBCHMAC, primAESKW,
		primECDSAP256, primECDSAP384, primECDSAP521, primEd25519,
		primRSAPKCS1v15, primRSAPSS, primRSAOAEP,
		primECDHP256, primECDHP384, primECDHP521, primX25519,
		primHMAC, primHKDF, primPBKDF2, primConcatKDF:
		return true
	}
	return false
}

// moduleBacked reports whether the Go Cryptographic Module serves the
// primitive in FIPS 140-only mode. AES-GCM is refused there because the
// module accepts only nonces it generates itself (JOSE and COSE carry the
// nonce in the message); AES-CCM, AES-KW and the Concat KDF are written in
// this package, outside the module; ChaCha20-Poly1305 and X25519 are not
// approved algorithms.
func moduleBacked(primitive string) bool {
	switch primitive {
	case primAESGCM, primAESCCM, primAESKW, primConcatKDF, primChaCha20Poly1305, primX25519:
		return false
	}
	return true
}

// checkFIPS returns an unsupported error for a primitive the module does not
// serve when FIPS 140-only mode is enforced.
func checkFIPS(primitive string) error {
	if fips140.Enforced() && !moduleBacked(primitive) {
		return unsupported(primitive + " in FIPS 140-only mode")
	}
	return nil
}

// unsupportedError says what was asked for and unwraps to
// errors.ErrUnsupported.
type unsupportedError struct{ what string }

func (e *unsupportedError) Error() string { return "std: unsupported: " + e.what }
func (e *unsupportedError) Unwrap() error { return errors.ErrUnsupported }

func unsupported(what string) error { return &unsupportedError{what} }

// Errors of this package. gencrypto maps every authentication failure to its
// own opaque error; these exist so that a direct caller gets a reason. Each
// wraps the gencrypto sentinel that names its kind (package
// gencrypto/internal/sentinel holds the very values gencrypto exports), so
// errors.Is(err, gencrypto.ErrKeySize) and the like hold for them.
var (
	errOpen      = newError("std: message authentication failed", sentinel.Verify)
	errVerify    = newError("std: signature verification failed", sentinel.Verify)
	errKeySize   = newError("std: invalid key size", sentinel.KeySize)
	errKeyType   = newError("std: key type does not fit the primitive", sentinel.KeyType)
	errNoPrivate = newError("std: private key without its private scalar", sentinel.InvalidKey)
	errPublicKey = newError("std: public key without its point or modulus", sentinel.InvalidKey)
	errParameter = newError("std: invalid parameter", sentinel.InvalidInput)
	errLength    = newError("std: invalid input length", sentinel.InvalidInput)
	// errSignerOutput refuses an ECDSA signature a crypto.Signer returned
	// that is not DER: the signer given as key is broken.
	errSignerOutput = newError("std: the signer returned a malformed ECDSA signature", sentinel.InvalidKey)
	// errDecryption is crypto/rsa's rsa.ErrDecryption, matching ErrVerify too.
	errDecryption = &stdlibError{rsa.ErrDecryption, sentinel.Verify}
)

// stdError is an error of this package: its message, and the gencrypto
// sentinel it unwraps to.
type stdError struct {
	msg  string
	kind error
}

func newError(msg string, kind error) error { return &stdError{msg, kind} }

func (e *stdError) Error() string { return e.msg }
func (e *stdError) Unwrap() error { return e.kind }

// stdlibError is an error of the standard library given the gencrypto
// sentinel that names its reason: it keeps the standard library's message
// and matches both the standard library's error and the sentinel.
type stdlibError struct{ err, kind error }

func (e *stdlibError) Error() string   { return e.err.Error() }
func (e *stdlibError) Unwrap() []error { return []error{e.err, e.kind} }

// withKind returns err, an error of the standard library, matching kind
// too; nil stays nil.
func withKind(err, kind error) error {
	if err == nil {
		return nil
	}
	return &stdlibError{err, kind}
}
