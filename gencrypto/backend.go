package gencrypto

import (
	"crypto"
	"crypto/cipher"
	"hash"

	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// Backend performs cryptographic primitives. The registry (this package)
// decides policy — which key type an algorithm takes, which lengths and
// encodings are acceptable, how failures are reported — and a Backend only
// computes. That split keeps every strictness rule in one place, shared by
// all backends, and lets a backend be written against the standard library's
// types alone: a Backend's methods take and return crypto.Hash, cipher.AEAD,
// hash.Hash, crypto.Signer, crypto.Decrypter and the standard key types, so
// the std backend does not import this package and new backends need nothing
// from it but the method set.
//
// Primitives are named by the strings of the Prim* constants. A method asked
// for a primitive the backend does not implement returns an error for which
// errors.Is(err, ErrUnsupported) holds; it never panics. Verification methods
// may return any error for a failed check: the registry turns every failure
// into the one opaque ErrVerify.
//
// Results must have the form the primitive defines: signatures, ciphertexts,
// wrapped and unwrapped keys, KDF outputs and shared secrets their exact
// lengths, hashes and AEADs the sizes asked for, and no nil result without
// an error. The registry checks each and refuses, with an error, a result
// that breaks this, rather than pass it on.
//
// Methods must be safe for concurrent use; the values they return (hash.Hash,
// cipher.AEAD) follow the usual rules of those types.
type Backend interface {
	// Name identifies the backend in reports, e.g. "std" or "circl".
	Name() string

	// Supports reports whether the backend implements the primitive named by
	// one of the Prim* constants.
	Supports(primitive string) bool

	// NewHash returns a hash of the given function.
	NewHash(h crypto.Hash) (hash.Hash, error)
	// NewHMAC returns an HMAC keyed with key over h, with its full output.
	NewHMAC(h crypto.Hash, key []byte) (hash.Hash, error)

	// NewAEAD returns an AEAD for PrimAESGCM, PrimAESCCM, PrimChaCha20Poly1305
	// or PrimAESCBCHMAC. nonceSize and tagSize are in bytes. For
	// PrimAESCBCHMAC (RFC 7518 §5.2) key is MAC_KEY‖ENC_KEY, h is the HMAC
	// hash, tagSize is the truncated tag length and the AEAD's output is
	// ciphertext‖tag; for the other primitives h is ignored. The AEAD's
	// NonceSize must be nonceSize and its Overhead tagSize (plus one
	// 16-byte block of padding for PrimAESCBCHMAC); the registry refuses
	// any other.
	NewAEAD(primitive string, key []byte, nonceSize, tagSize int, h crypto.Hash) (cipher.AEAD, error)

	// Wrap and Unwrap implement PrimAESKW (RFC 3394 with the default IV).
	Wrap(primitive string, kek, key []byte) ([]byte, error)
	Unwrap(primitive string, kek, wrapped []byte) ([]byte, error)

	// Sign signs msg with key. For PrimECDSA* it hashes msg with h and returns
	// the fixed-length r‖s encoding; for PrimRSAPKCS1v15 and PrimRSAPSS (salt
	// length = hash length) it hashes with h; for PrimEd25519 it signs msg
	// itself and h is zero.
	Sign(primitive string, key crypto.Signer, h crypto.Hash, msg []byte) ([]byte, error)
	// Verify checks sig over msg, as Sign made it. pub is a standard public
	// key type (*ecdsa.PublicKey, *rsa.PublicKey, ed25519.PublicKey).
	Verify(primitive string, pub crypto.PublicKey, h crypto.Hash, msg, sig []byte) error
	// SignDigest and VerifyDigest are Sign and Verify for the hashed
	// primitives (PrimECDSA*, PrimRSAPKCS1v15, PrimRSAPSS) with the message
	// already hashed with h: digest is h's output, and the signature is
	// the one Sign and Verify make and check for the message. A digest of
	// another length is an error; PrimEd25519, which signs the message
	// itself, returns an error wrapping ErrUnsupported.
	SignDigest(primitive string, key crypto.Signer, h crypto.Hash, digest []byte) ([]byte, error)
	VerifyDigest(primitive string, pub crypto.PublicKey, h crypto.Hash, digest, sig []byte) error

	// EncryptOAEP and DecryptOAEP implement PrimRSAOAEP with h as both the
	// OAEP hash and the MGF1 hash.
	EncryptOAEP(h crypto.Hash, pub crypto.PublicKey, msg, label []byte) ([]byte, error)
	DecryptOAEP(h crypto.Hash, key crypto.Decrypter, ciphertext, label []byte) ([]byte, error)

	// ECDH computes the shared secret for PrimECDHP256/384/521 and
	// PrimX25519. priv is an *ecdh.PrivateKey or any ecdh.KeyExchanger, pub
	// an *ecdh.PublicKey on the same curve.
	ECDH(primitive string, priv crypto.PrivateKey, pub crypto.PublicKey) ([]byte, error)

	// HKDF is RFC 5869 extract-and-expand.
	HKDF(h crypto.Hash, secret, salt, info []byte, length int) ([]byte, error)
	// PBKDF2 is RFC 8018 §5.2 with HMAC over h.
	PBKDF2(h crypto.Hash, password, salt []byte, iterations, length int) ([]byte, error)
	// ConcatKDF is the single-step KDF of NIST SP 800-56A §5.8.1 as RFC 7518
	// §4.6.2 uses it: Hash(counter‖Z‖otherInfo) repeated.
	ConcatKDF(h crypto.Hash, z, otherInfo []byte, length int) ([]byte, error)
}

// Primitive names understood by Backend.Supports and the methods that take a
// primitive.
const (
	PrimAESGCM           = "aes-gcm"
	PrimAESCCM           = "aes-ccm"
	PrimChaCha20Poly1305 = "chacha20-poly1305"
	PrimAESCBCHMAC       = "aes-cbc-hmac-sha2"
	PrimAESKW            = "aes-kw"
	PrimECDSAP256        = "ecdsa-p256"
	PrimECDSAP384        = "ecdsa-p384"
	PrimECDSAP521        = "ecdsa-p521"
	PrimEd25519          = "ed25519"
	PrimRSAPKCS1v15      = "rsa-pkcs1v15"
	PrimRSAPSS           = "rsa-pss"
	PrimRSAOAEP          = "rsa-oaep"
	PrimECDHP256         = "ecdh-p256"
	PrimECDHP384         = "ecdh-p384"
	PrimECDHP521         = "ecdh-p521"
	PrimX25519           = "x25519"
	PrimHMAC             = "hmac"
	PrimHKDF             = "hkdf"
	PrimPBKDF2           = "pbkdf2"
	PrimConcatKDF        = "concat-kdf"
)

// DefaultBackend returns the backend used when a call names none: the Go
// standard library (package gencrypto/std).
func DefaultBackend() Backend { return stdBackend }

var stdBackend Backend = std.New()
