package gencrypto

import (
	"crypto"
	"crypto/fips140"
)

// HKDF is the HMAC-based extract-and-expand KDF of RFC 5869, used by COSE
// (RFC 9053 §5.1).
//
// The zero HKDF is no algorithm (use HKDFSHA256 and the others): Derive
// returns an error wrapping ErrUnsupported and Hash returns 0.
type HKDF struct {
	algInfo
	hash crypto.Hash
}

// PBKDF2 is PBKDF2 with HMAC (RFC 8018 §5.2), used by JWE PBES2 (RFC 7518 §4.8).
//
// The zero PBKDF2 is no algorithm (use PBKDF2SHA256 and the others): Derive
// returns an error wrapping ErrUnsupported and Hash returns 0.
type PBKDF2 struct {
	algInfo
	hash crypto.Hash
}

// ConcatKDF is the single-step KDF of NIST SP 800-56A §5.8.1 in the form
// JWE ECDH-ES uses (RFC 7518 §4.6.2).
//
// The zero ConcatKDF is no algorithm (use ConcatKDFSHA256): Derive returns
// an error wrapping ErrUnsupported and Hash returns 0.
type ConcatKDF struct {
	algInfo
	hash crypto.Hash
}

var (
	hkdf256   = HKDF{algInfo{"HKDF-SHA256", 0, false, KindKDF, KeyOct, true}, crypto.SHA256}
	hkdf384   = HKDF{algInfo{"HKDF-SHA384", 0, false, KindKDF, KeyOct, true}, crypto.SHA384}
	hkdf512   = HKDF{algInfo{"HKDF-SHA512", 0, false, KindKDF, KeyOct, true}, crypto.SHA512}
	pbkdf256  = PBKDF2{algInfo{"PBKDF2-SHA256", 0, false, KindKDF, KeyOct, true}, crypto.SHA256}
	pbkdf384  = PBKDF2{algInfo{"PBKDF2-SHA384", 0, false, KindKDF, KeyOct, true}, crypto.SHA384}
	pbkdf512  = PBKDF2{algInfo{"PBKDF2-SHA512", 0, false, KindKDF, KeyOct, true}, crypto.SHA512}
	concat256 = ConcatKDF{algInfo{"ConcatKDF-SHA256", 0, false, KindKDF, KeyOct, true}, crypto.SHA256}
)

// HKDFSHA256 is HKDF with SHA-256.
func HKDFSHA256() *HKDF { return &hkdf256 }

// HKDFSHA384 is HKDF with SHA-384.
func HKDFSHA384() *HKDF { return &hkdf384 }

// HKDFSHA512 is HKDF with SHA-512.
func HKDFSHA512() *HKDF { return &hkdf512 }

// PBKDF2SHA256 is PBKDF2-HMAC-SHA-256 (PBES2-HS256+A128KW).
func PBKDF2SHA256() *PBKDF2 { return &pbkdf256 }

// PBKDF2SHA384 is PBKDF2-HMAC-SHA-384 (PBES2-HS384+A192KW).
func PBKDF2SHA384() *PBKDF2 { return &pbkdf384 }

// PBKDF2SHA512 is PBKDF2-HMAC-SHA-512 (PBES2-HS512+A256KW).
func PBKDF2SHA512() *PBKDF2 { return &pbkdf512 }

// ConcatKDFSHA256 is the Concat KDF with SHA-256, the one JWE uses.
func ConcatKDFSHA256() *ConcatKDF { return &concat256 }

// maxKDFOutput bounds every KDF's output length. RFC 5869 allows 255 hash
// blocks for HKDF; nothing here needs more than that from any KDF.
func maxKDFOutput(h crypto.Hash) int { return 255 * h.Size() }

// Primitive returns PrimHKDF.
func (k *HKDF) Primitive() string { return PrimHKDF }

// Primitive returns PrimPBKDF2.
func (k *PBKDF2) Primitive() string { return PrimPBKDF2 }

// Primitive returns PrimConcatKDF.
func (k *ConcatKDF) Primitive() string { return PrimConcatKDF }

// Hash returns the underlying hash.
func (k *HKDF) Hash() crypto.Hash { return k.hash }

// Derive returns length bytes of HKDF(secret, salt, info). length must be in
// 1…255×HashLen (ErrInvalidInput otherwise). Under GODEBUG=fips140=only a
// secret shorter than 112 bits is not approved: an *UnsupportedError with
// NotApproved set, whatever the backend.
func (k *HKDF) Derive(secret, salt, info []byte, length int, opts ...Option) ([]byte, error) {
	if k.isZero() {
		return nil, zeroAlgorithm(k)
	}
	if length <= 0 || length > maxKDFOutput(k.hash) {
		return nil, ErrInvalidInput
	}
	b, err := backendWith(opts, k, PrimHKDF)
	if err != nil {
		return nil, err
	}
	if len(secret) < fipsMinKey && fips140.Enforced() {
		return nil, notApprovedInput(k, b, "a secret shorter than 112 bits")
	}
	out, err := b.HKDF(k.hash, secret, salt, info, length)
	return exactOutput(out, err, length)
}

// Hash returns the HMAC hash.
func (k *PBKDF2) Hash() crypto.Hash { return k.hash }

// Derive returns length bytes of PBKDF2(password, salt, iterations).
// iterations must be positive and length in 1…255×HashLen (ErrInvalidInput
// otherwise). The length cap is this package's, not RFC 8018's, which
// allows (2³²−1)×HashLen: it is a resource bound, since each HashLen of
// output costs another full run of the iterations and a length taken from
// input would otherwise be an allocation and a computation of any size,
// and no use of PBKDF2 here (a key for AES-KW, at most 32 bytes) comes
// near it. Callers that take the count from input (JWE p2c) must bound
// it themselves first, since the work grows with it. Under GODEBUG=fips140=only a salt
// shorter than 128 bits (SP 800-132 §5.1) or an output shorter than 112
// bits is not approved: an *UnsupportedError with NotApproved set, whatever
// the backend.
func (k *PBKDF2) Derive(password, salt []byte, iterations, length int, opts ...Option) ([]byte, error) {
	if k.isZero() {
		return nil, zeroAlgorithm(k)
	}
	if iterations <= 0 || length <= 0 || length > maxKDFOutput(k.hash) {
		return nil, ErrInvalidInput
	}
	b, err := backendWith(opts, k, PrimPBKDF2)
	if err != nil {
		return nil, err
	}
	if fips140.Enforced() {
		if len(salt) < fipsMinPBKDF2Salt {
			return nil, notApprovedInput(k, b, "a salt shorter than 128 bits")
		}
		if length < fipsMinKey {
			return nil, notApprovedInput(k, b, "an output shorter than 112 bits")
		}
	}
	out, err := b.PBKDF2(k.hash, password, salt, iterations, length)
	return exactOutput(out, err, length)
}

// Hash returns the hash.
func (k *ConcatKDF) Hash() crypto.Hash { return k.hash }

// Derive returns length bytes of the Concat KDF over the shared secret z and
// otherInfo (AlgorithmID‖PartyUInfo‖PartyVInfo‖SuppPubInfo, already encoded
// by the caller as RFC 7518 §4.6.2 describes). length must be in
// 1…255×HashLen (ErrInvalidInput otherwise), far below SP 800-56A's bound
// and above anything JWE derives.
func (k *ConcatKDF) Derive(z, otherInfo []byte, length int, opts ...Option) ([]byte, error) {
	if k.isZero() {
		return nil, zeroAlgorithm(k)
	}
	if length <= 0 || length > maxKDFOutput(k.hash) {
		return nil, ErrInvalidInput
	}
	b, err := backendWith(opts, k, PrimConcatKDF)
	if err != nil {
		return nil, err
	}
	out, err := b.ConcatKDF(k.hash, z, otherInfo, length)
	return exactOutput(out, err, length)
}

// The FIPS 140-only minimums of the Go Cryptographic Module (crypto/hkdf,
// crypto/pbkdf2): keys of at least 112 bits, the security strength SP
// 800-131A requires, and PBKDF2 salts of at least 128 bits (SP 800-132
// §5.1). The registry applies them to every backend.
const (
	fipsMinKey        = 112 / 8
	fipsMinPBKDF2Salt = 128 / 8
)

// notApprovedInput is the error for an input of an approved algorithm that
// FIPS 140-only mode refuses.
func notApprovedInput(a Algorithm, b Backend, detail string) error {
	return &UnsupportedError{Algorithm: a.Name(), Backend: b.Name(), Primitive: a.Primitive(), NotApproved: true, Detail: detail}
}
