package std

import (
	"crypto"
	"crypto/fips140"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"hash"
)

// hashFunc returns the constructor of h, or an unsupported error. It uses an
// explicit switch rather than crypto.Hash.New, which panics for a hash that
// is not linked in. In FIPS 140-only mode SHA-1 is unsupported: crypto/sha1
// and crypto/hmac panic on it there.
func hashFunc(h crypto.Hash) (func() hash.Hash, error) {
	switch h {
	case crypto.SHA1:
		if fips140.Enforced() {
			return nil, unsupported("hash SHA-1 in FIPS 140-only mode")
		}
		return sha1.New, nil
	case crypto.SHA224:
		return sha256.New224, nil
	case crypto.SHA256:
		return sha256.New, nil
	case crypto.SHA384:
		return sha512.New384, nil
	case crypto.SHA512:
		return sha512.New, nil
	case crypto.SHA512_224:
		return sha512.New512_224, nil
	case crypto.SHA512_256:
		return sha512.New512_256, nil
	case crypto.SHA3_224:
		return func() hash.Hash { return sha3.New224() }, nil
	case crypto.SHA3_256:
		return func() hash.Hash { return sha3.New256() }, nil
	case crypto.SHA3_384:
		return func() hash.Hash { return sha3.New384() }, nil
	case crypto.SHA3_512:
		return func() hash.Hash { return sha3.New512() }, nil
	}
	return nil, unsupported("hash " + h.String())
}

// maxDigestSize is the longest output of the hashes hashFunc knows.
const maxDigestSize = 64

// sum returns h(msg), written into buf. The SHA-2 functions JOSE and COSE
// sign with are computed by value, so nothing is allocated for them.
func sum(h crypto.Hash, msg []byte, buf *[maxDigestSize]byte) ([]byte, error) {
	switch h {
	case crypto.SHA256:
		d := sha256.Sum256(msg)
		return buf[:copy(buf[:], d[:])], nil
	case crypto.SHA384:
		d := sha512.Sum384(msg)
		return buf[:copy(buf[:], d[:])], nil
	case crypto.SHA512:
		d := sha512.Sum512(msg)
		return buf[:copy(buf[:], d[:])], nil
	}
	f, err := hashFunc(h)
	if err != nil {
		return nil, err
	}
	d := f()
	d.Write(msg)
	return d.Sum(buf[:0]), nil
}

// checkDigest reports an error unless h is a hash this backend knows and
// digest is exactly its output length.
func checkDigest(h crypto.Hash, digest []byte) error {
	if _, err := hashFunc(h); err != nil {
		return err
	}
	if len(digest) != h.Size() {
		return errLength
	}
	return nil
}

// NewHash returns a new hash.Hash computing h.
func (*Backend) NewHash(h crypto.Hash) (hash.Hash, error) {
	f, err := hashFunc(h)
	if err != nil {
		return nil, err
	}
	return f(), nil
}

// NewHMAC returns HMAC-h keyed with key (RFC 2104), with its full output.
// In FIPS 140-only mode a key shorter than 112 bits is unsupported (crypto/hmac
// panics on it there).
func (*Backend) NewHMAC(h crypto.Hash, key []byte) (hash.Hash, error) {
	f, err := hashFunc(h)
	if err != nil {
		return nil, err
	}
	if fips140.Enforced() && len(key) < fipsMinKey {
		return nil, unsupported("HMAC key shorter than 112 bits in FIPS 140-only mode")
	}
	return hmac.New(f, key), nil
}
