package gencrypto

import (
	"crypto"
	"fmt"
	"hash"
)

// This file holds the digest-level forms of the hashed signature algorithms
// (RS*, PS*, ES*), for payloads too large to hold in memory: the caller
// streams the message into NewHash, then signs or verifies the digest with
// exactly the policy Sign and Verify apply to a whole message.

// NewHash returns a new hash of the algorithm's digest function (SHA-256
// for RS256, PS256 and ES256, and so on), from the backend the options
// select: a message written to it and finished with Sum is what SignDigest
// and VerifyDigest take. EdDSA signs the message itself and has no digest
// form: an error wrapping ErrUnsupported. A backend without the algorithm's
// primitive gives an error wrapping ErrUnsupported too.
func (s *Signature) NewHash(opts ...Option) (hash.Hash, error) {
	if s.hash == 0 {
		return nil, s.errNoDigest()
	}
	b, err := backendWith(opts, s, s.prim)
	if err != nil {
		return nil, err
	}
	h, err := b.NewHash(s.hash)
	if err != nil {
		return nil, err
	}
	if h == nil || h.Size() != s.hash.Size() {
		return nil, errBackendOutput
	}
	return h, nil
}

// SignDigest signs digest, the output of the algorithm's hash (see Hash and
// NewHash) over a message, and returns what Sign would for that message:
// the same key binding before any computation (ErrKeyType, ErrKeySize,
// ErrInvalidKey), the same encoding (r‖s for ECDSA). A digest of another
// length than the hash output is ErrInvalidInput. EdDSA signs the message
// itself (RFC 8032 §5.1) and has no digest form: an error wrapping
// ErrUnsupported.
func (s *Signature) SignDigest(key crypto.Signer, digest []byte, opts ...Option) ([]byte, error) {
	if s.hash == 0 {
		return nil, s.errNoDigest()
	}
	b, pub, err := s.signBackend(key, opts)
	if err != nil {
		return nil, err
	}
	if len(digest) != s.hash.Size() {
		return nil, ErrInvalidInput
	}
	sig, err := b.SignDigest(s.prim, key, s.hash, digest)
	return s.checkOutput(key, pub, sig, err)
}

// VerifyDigest checks sig over the message whose digest (the output of the
// algorithm's hash, see Hash and NewHash) is digest, with the policy of
// Verify: the key is bound before any computation (ErrKeyType, ErrKeySize,
// ErrInvalidKey), a backend without the primitive gives an error wrapping
// ErrUnsupported, signatures must have the exact length (and for ECDSA
// 0 < r, s < n), and every other failure is ErrVerify. A digest of another
// length than the hash output is the caller's mistake, not a failed
// signature: ErrInvalidInput. EdDSA has no digest form: an error wrapping
// ErrUnsupported.
func (s *Signature) VerifyDigest(pub crypto.PublicKey, digest, sig []byte, opts ...Option) error {
	if s.hash == 0 {
		return s.errNoDigest()
	}
	b, err := s.verifyBackend(pub, opts)
	if err != nil {
		return err
	}
	if len(digest) != s.hash.Size() {
		return ErrInvalidInput
	}
	if !s.sigShapeOK(pub, sig) {
		return ErrVerify
	}
	if err := b.VerifyDigest(s.prim, pub, s.hash, digest, sig); err != nil {
		return passUnsupported(err, ErrVerify)
	}
	return nil
}

// errNoDigest is the error of a digest-level call on EdDSA, or on the zero
// Signature, which has no hash either.
func (s *Signature) errNoDigest() error {
	if s.isZero() {
		return zeroAlgorithm(s)
	}
	return fmt.Errorf("gencrypto: %s signs the message itself (pure EdDSA, RFC 8032 §5.1) and has no digest form: %w",
		s.name, ErrUnsupported)
}
