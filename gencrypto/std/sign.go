package std

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"

	"github.com/lwscrypto/lwscrypto/gencrypto/internal/sentinel"
	"github.com/lwscrypto/lwscrypto/internal/ed25519check"
)

// ecCurve returns the curve and the byte length of its scalars for an ECDSA
// primitive.
func ecCurve(primitive string) (elliptic.Curve, int, bool) {
	switch primitive {
	case primECDSAP256:
		return elliptic.P256(), 32, true
	case primECDSAP384:
		return elliptic.P384(), 48, true
	case primECDSAP521:
		return elliptic.P521(), 66, true
	}
	return nil, 0, false
}

// publicOf returns key's public half, or an error for keys of the standard
// library's types that would panic when used: a nil *ecdsa.PrivateKey,
// *rsa.PrivateKey or *ed25519.PrivateKey (Public dereferences nil;
// errKeyType, as for no key at all), an ed25519.PrivateKey that is not 64
// bytes (Public slices past its end, or answers an all-zero key for a seed;
// errKeySize) and an *ecdsa.PrivateKey without D (crypto/ecdsa dereferences
// it; errNoPrivate). Other keys answer for themselves.
func publicOf(key interface{ Public() crypto.PublicKey }) (crypto.PublicKey, error) {
	switch k := key.(type) {
	case nil:
		return nil, errKeyType
	case *ecdsa.PrivateKey:
		if k == nil {
			return nil, errKeyType
		}
		if k.D == nil {
			return nil, errNoPrivate
		}
	case *rsa.PrivateKey:
		if k == nil {
			return nil, errKeyType
		}
	case ed25519.PrivateKey:
		if len(k) != ed25519.PrivateKeySize {
			return nil, errKeySize
		}
	case *ed25519.PrivateKey:
		if k == nil {
			return nil, errKeyType
		}
		if len(*k) != ed25519.PrivateKeySize {
			return nil, errKeySize
		}
	}
	return key.Public(), nil
}

// Sign signs msg with key. Ed25519 signs msg itself (pure Ed25519, RFC 8032
// §5.1) and h must be zero; an ed25519.PrivateKey (or a pointer to one)
// whose second half is not the public key its seed derives is refused,
// since crypto/ed25519 signs with the half it is given and two signatures
// of one message under two halves reveal the private scalar (the check, a
// scalar multiplication, is remembered per key). The hashed primitives hash
// msg with h on the host and continue as SignDigest.
func (b *Backend) Sign(primitive string, key crypto.Signer, h crypto.Hash, msg []byte) ([]byte, error) {
	pub, err := publicOf(key)
	if err != nil {
		return nil, err
	}
	if primitive == primEd25519 {
		if h != 0 {
			return nil, unsupported("ed25519 with a prehash")
		}
		if k, ok := pub.(ed25519.PublicKey); !ok {
			return nil, errKeyType
		} else if len(k) != ed25519.PublicKeySize {
			return nil, errKeySize
		}
		if !ed25519KeyOK(key) {
			return nil, errEd25519Key
		}
		return key.Sign(rand.Reader, msg, crypto.Hash(0))
	}
	if !hashedSignature(primitive) {
		return nil, unsupported("signature " + primitive)
	}
	var buf [maxDigestSize]byte
	d, err := sum(h, msg, &buf)
	if err != nil {
		return nil, err
	}
	return b.SignDigest(primitive, key, h, d)
}

// errEd25519Key refuses an ed25519.PrivateKey whose second half is not the
// public key its seed derives.
var errEd25519Key = newError("std: Ed25519 private key's public half is not the one its seed derives", sentinel.InvalidKey)

// ed25519KeyOK reports whether key, if an ed25519.PrivateKey or a pointer
// to one, holds the public key its seed derives: crypto/ed25519 signs with
// the public half it is given, which is hashed into the challenge, so two
// signatures of one message under two halves reveal the private scalar.
// The check (a scalar multiplication) is remembered per key, see
// ed25519check.PrivateKey. Other signers answer for themselves.
func ed25519KeyOK(key crypto.Signer) bool {
	switch k := key.(type) {
	case ed25519.PrivateKey:
		return ed25519check.PrivateKey(k)
	case *ed25519.PrivateKey:
		return ed25519check.PrivateKey(*k)
	}
	return true
}

// SignDigest signs digest, the h hash of a message, with key. ECDSA has key
// sign the digest and returns fixed-length r‖s; RSA PKCS #1 v1.5 and PSS
// (salt length equal to the hash length, MGF1 with h) return the signature
// as key made it. A digest that is not h's output length is an error, and
// Ed25519, which signs the message itself, is unsupported.
func (*Backend) SignDigest(primitive string, key crypto.Signer, h crypto.Hash, digest []byte) ([]byte, error) {
	keyPub, err := publicOf(key)
	if err != nil {
		return nil, err
	}
	if primitive == primEd25519 {
		return nil, unsupported("ed25519 signs the message itself, not a digest")
	}
	if c, size, ok := ecCurve(primitive); ok {
		pub, ok := keyPub.(*ecdsa.PublicKey)
		if !ok || pub == nil || pub.Curve != c {
			return nil, errKeyType
		}
		// crypto/ecdsa dereferences the coordinates of an
		// *ecdsa.PrivateKey's public half when it signs.
		if pub.X == nil || pub.Y == nil {
			return nil, errPublicKey
		}
		if err := checkDigest(h, digest); err != nil {
			return nil, err
		}
		der, err := key.Sign(rand.Reader, digest, h)
		if err != nil {
			if _, inMemory := key.(*ecdsa.PrivateKey); inMemory {
				err = withKind(err, sentinel.InvalidKey)
			}
			return nil, err
		}
		return derToRaw(der, size)
	}
	switch primitive {
	case primRSAPKCS1v15, primRSAPSS:
		k, err := rsaPublic(keyPub)
		if err != nil {
			return nil, err
		}
		if err := checkDigest(h, digest); err != nil {
			return nil, err
		}
		priv, inMemory := key.(*rsa.PrivateKey)
		if err := fipsRSA(k, priv); err != nil {
			return nil, err
		}
		var sig []byte
		if primitive == primRSAPSS {
			sig, err = key.Sign(rand.Reader, digest, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: h})
		} else {
			sig, err = key.Sign(rand.Reader, digest, h)
		}
		if err != nil && inMemory {
			err = rsaKeyError(k, err)
		}
		return sig, err
	}
	return nil, unsupported("signature " + primitive)
}

// Verify checks sig over msg as Sign makes it. Ed25519 verifies msg itself;
// the hashed primitives hash msg with h and continue as VerifyDigest.
func (b *Backend) Verify(primitive string, pub crypto.PublicKey, h crypto.Hash, msg, sig []byte) error {
	if primitive == primEd25519 {
		if h != 0 {
			return unsupported("ed25519 with a prehash")
		}
		k, ok := pub.(ed25519.PublicKey)
		if !ok {
			return errKeyType
		}
		if len(k) != ed25519.PublicKeySize {
			return errKeySize
		}
		if !ed25519.Verify(k, msg, sig) {
			return errVerify
		}
		return nil
	}
	if !hashedSignature(primitive) {
		return unsupported("signature " + primitive)
	}
	// crypto/ecdsa and crypto/rsa keep their inputs beyond the stack frame,
	// so the digest and the DER form of an ECDSA signature share one
	// allocation.
	sc := new(verifyScratch)
	d, err := sum(h, msg, &sc.digest)
	if err != nil {
		return err
	}
	return verifyDigest(primitive, pub, h, d, sig, &sc.der)
}

type verifyScratch struct {
	digest [maxDigestSize]byte
	der    [maxDERSize]byte
}

// VerifyDigest checks sig over digest, the h hash of a message, as
// SignDigest makes it. For ECDSA, sig is r‖s with each half exactly the
// scalar size; it is re-encoded as DER, without math/big, for
// crypto/ecdsa.VerifyASN1, which converts the public key to a point and
// rejects coordinates off the curve or out of range (the identity has no
// affine encoding and is rejected the same way). For PSS the salt must be
// exactly the hash length, as RFC 7518 §3.5 requires. A digest that is not
// h's output length is an error; Ed25519 is unsupported. An RSA public key
// crypto/rsa refuses outright (below 1024 bits, an even modulus, an
// exponent below 2) is the key's error, matching gencrypto.ErrKeySize or
// ErrInvalidKey, not a failed verification; an ECDSA point off its curve
// is a failed verification (crypto/ecdsa does not tell the two apart).
func (*Backend) VerifyDigest(primitive string, pub crypto.PublicKey, h crypto.Hash, digest, sig []byte) error {
	return verifyDigest(primitive, pub, h, digest, sig, nil)
}

// verifyDigest is VerifyDigest with a buffer for the DER form of an ECDSA
// signature, allocated here when der is nil.
func verifyDigest(primitive string, pub crypto.PublicKey, h crypto.Hash, digest, sig []byte, der *[maxDERSize]byte) error {
	if primitive == primEd25519 {
		return unsupported("ed25519 signs the message itself, not a digest")
	}
	if c, size, ok := ecCurve(primitive); ok {
		k, ok := pub.(*ecdsa.PublicKey)
		if !ok || k == nil || k.Curve != c {
			return errKeyType
		}
		if k.X == nil || k.Y == nil {
			return errPublicKey
		}
		if err := checkDigest(h, digest); err != nil {
			return err
		}
		if len(sig) != 2*size {
			return errVerify
		}
		if der == nil {
			der = new([maxDERSize]byte)
		}
		enc, ok := appendDER(der[:0], sig[:size], sig[size:])
		if !ok || !ecdsa.VerifyASN1(k, digest, enc) {
			return errVerify
		}
		return nil
	}
	switch primitive {
	case primRSAPKCS1v15, primRSAPSS:
		k, err := rsaPublic(pub)
		if err != nil {
			return err
		}
		if err := checkDigest(h, digest); err != nil {
			return err
		}
		if err := fipsRSA(k, nil); err != nil {
			return err
		}
		if primitive == primRSAPSS {
			err = rsa.VerifyPSS(k, h, digest, sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
		} else {
			err = rsa.VerifyPKCS1v15(k, h, digest, sig)
		}
		switch {
		case err == nil:
			return nil
		case errors.Is(err, rsa.ErrVerification):
			return errVerify
		}
		// crypto/rsa refused the key before looking at the signature:
		// below 1024 bits, an even modulus, an exponent below 2.
		return rsaKeyError(k, err)
	}
	return unsupported("signature " + primitive)
}

// hashedSignature reports whether primitive signs a digest: ECDSA and RSA.
func hashedSignature(primitive string) bool {
	switch primitive {
	case primECDSAP256, primECDSAP384, primECDSAP521, primRSAPKCS1v15, primRSAPSS:
		return true
	}
	return false
}

// derToRaw converts an ASN.1 DER ECDSA-Sig-Value (SEQUENCE { r INTEGER,
// s INTEGER }, RFC 3279 §2.2.3) to r‖s with each half size bytes. It accepts
// only DER: definite minimal lengths, minimal positive integers, nothing
// trailing.
func derToRaw(der []byte, size int) ([]byte, error) {
	body, rest, ok := derElement(der, 0x30)
	if !ok || len(rest) != 0 {
		return nil, errSignerOutput
	}
	r, body, ok := derElement(body, 0x02)
	if !ok {
		return nil, errSignerOutput
	}
	s, body, ok := derElement(body, 0x02)
	if !ok || len(body) != 0 {
		return nil, errSignerOutput
	}
	out := make([]byte, 2*size)
	if !putScalar(out[:size], r) || !putScalar(out[size:], s) {
		return nil, errSignerOutput
	}
	return out, nil
}

// maxDERSize is the longest ECDSA-Sig-Value appendDER writes: a SEQUENCE
// header of three bytes and two INTEGERs of 2 + 1 + 66 bytes (P-521).
const maxDERSize = 3 + 2*(2+1+66)

// appendDER appends the big-endian scalars r and s, encoded as an
// ECDSA-Sig-Value in DER, to dst: the form crypto/ecdsa verifies without
// going through math/big. It reports false for a zero scalar, which has no
// valid signature. Scalars are at most 66 bytes, so every length is short
// form except possibly the SEQUENCE's.
func appendDER(dst, r, s []byte) ([]byte, bool) {
	r, s = trimZeros(r), trimZeros(s)
	if len(r) == 0 || len(s) == 0 || len(r) > 66 || len(s) > 66 {
		return dst, false
	}
	intLen := func(v []byte) int { return len(v) + int(v[0]>>7) } // a leading 0x00 keeps it positive
	body := 2 + intLen(r) + 2 + intLen(s)
	dst = append(dst, 0x30)
	if body >= 0x80 {
		dst = append(dst, 0x81)
	}
	dst = append(dst, byte(body))
	for _, v := range [2][]byte{r, s} {
		dst = append(dst, 0x02, byte(intLen(v)))
		if v[0]&0x80 != 0 {
			dst = append(dst, 0)
		}
		dst = append(dst, v...)
	}
	return dst, true
}

func trimZeros(b []byte) []byte {
	for len(b) > 0 && b[0] == 0 {
		b = b[1:]
	}
	return b
}

// derElement reads one element with the given tag and returns its contents
// and what follows.
func derElement(b []byte, tag byte) (content, rest []byte, ok bool) {
	if len(b) < 2 || b[0] != tag {
		return nil, nil, false
	}
	n, hdr := int(b[1]), 2
	if n >= 0x80 {
		nb := n & 0x7f
		if nb == 0 || nb > 2 || len(b) < 2+nb {
			return nil, nil, false
		}
		n = 0
		for _, c := range b[2 : 2+nb] {
			n = n<<8 | int(c)
		}
		hdr += nb
		// Minimal: the long form only for lengths ≥ 128, with no leading zero.
		if n < 0x80 || b[2] == 0 {
			return nil, nil, false
		}
	}
	if len(b)-hdr < n {
		return nil, nil, false
	}
	return b[hdr : hdr+n], b[hdr+n:], true
}

// putScalar writes the minimal positive DER INTEGER contents v, left-padded,
// into out, failing if v is negative, not minimal, zero or too long.
func putScalar(out, v []byte) bool {
	if len(v) == 0 || v[0]&0x80 != 0 {
		return false
	}
	if v[0] == 0 {
		if len(v) == 1 || v[1]&0x80 == 0 {
			return false // zero, or a superfluous leading zero
		}
		v = v[1:]
	}
	if len(v) > len(out) {
		return false
	}
	copy(out[len(out)-len(v):], v)
	return true
}
