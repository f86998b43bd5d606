package std

import (
	"crypto"
	"crypto/fips140"
	"crypto/hkdf"
	"crypto/pbkdf2"
	"encoding/binary"
	"fmt"
	"hash"

	"github.com/lwscrypto/lwscrypto/gencrypto/internal/sentinel"
)

// The Go Cryptographic Module's minimums in FIPS 140-only mode (crypto/hmac,
// crypto/hkdf, crypto/pbkdf2): keys and derived keys of 112 bits, PBKDF2
// salts of 128 bits (SP 800-132 §5.1).
const (
	fipsMinKey  = 112 / 8
	fipsMinSalt = 128 / 8
)

// HKDF returns length bytes of HKDF-Expand(HKDF-Extract(salt, secret), info)
// (RFC 5869 §2).
func (*Backend) HKDF(h crypto.Hash, secret, salt, info []byte, length int) ([]byte, error) {
	f, err := hashFunc(h)
	if err != nil {
		return nil, err
	}
	if length <= 0 || length > 255*h.Size() {
		return nil, errLength
	}
	if fips140.Enforced() && len(secret) < fipsMinKey {
		return nil, unsupported("HKDF secret shorter than 112 bits in FIPS 140-only mode")
	}
	out, err := hkdf.Key[hash.Hash](f, secret, salt, string(info), length)
	return out, withKind(err, sentinel.InvalidInput)
}

// PBKDF2 returns length bytes of PBKDF2 with HMAC-h (RFC 8018 §5.2).
// iterations must be positive and length in 1…255×h.Size(), as the
// gencrypto registry requires in front of it: RFC 8018 allows
// (2^32−1)×hLen, but nothing needs more than HKDF's bound, and a length
// taken from input would otherwise be an allocation and a computation of
// any size. The count is the caller's to bound: the work grows with it.
func (*Backend) PBKDF2(h crypto.Hash, password, salt []byte, iterations, length int) ([]byte, error) {
	f, err := hashFunc(h)
	if err != nil {
		return nil, err
	}
	if iterations <= 0 || length <= 0 {
		return nil, errLength
	}
	if length > 255*h.Size() {
		return nil, errPBKDF2Length
	}
	if fips140.Enforced() {
		if len(salt) < fipsMinSalt {
			return nil, unsupported("PBKDF2 salt shorter than 128 bits in FIPS 140-only mode")
		}
		if length < fipsMinKey {
			return nil, unsupported("PBKDF2 output shorter than 112 bits in FIPS 140-only mode")
		}
	}
	out, err := pbkdf2.Key[hash.Hash](f, string(password), salt, iterations, length)
	return out, withKind(err, sentinel.InvalidInput)
}

// errPBKDF2Length refuses a PBKDF2 output longer than 255 hash lengths.
var errPBKDF2Length = fmt.Errorf("%w: PBKDF2 output longer than 255 hash lengths", errLength)

// ConcatKDF returns length bytes of the single-step KDF of NIST SP 800-56A
// §5.8.1 with a hash as the auxiliary function, as RFC 7518 §4.6.2 uses it:
// K(i) = H(counter_i ‖ Z ‖ OtherInfo) for i = 1, 2, … with a 32-bit
// big-endian counter, concatenated and truncated to length.
func (*Backend) ConcatKDF(h crypto.Hash, z, otherInfo []byte, length int) ([]byte, error) {
	if err := checkFIPS(primConcatKDF); err != nil {
		return nil, err
	}
	f, err := hashFunc(h)
	if err != nil {
		return nil, err
	}
	size := h.Size()
	// SP 800-56A bounds reps by 2^32−1; keep outputs far smaller.
	if length <= 0 || length > 255*size {
		return nil, errLength
	}
	d := f()
	out := make([]byte, 0, (length+size-1)/size*size)
	var ctr [4]byte
	for i := uint32(1); len(out) < length; i++ {
		binary.BigEndian.PutUint32(ctr[:], i)
		d.Reset()
		d.Write(ctr[:])
		d.Write(z)
		d.Write(otherInfo)
		out = d.Sum(out)
	}
	return out[:length], nil
}
