package std

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
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

// Sign signs msg with key. ECDSA hashes msg with h on the host, has key sign
// the digest and returns fixed-length r‖s; RSA PKCS #1 v1.5 and PSS (salt
// length equal to the hash length, MGF1 with h) hash with h; Ed25519 signs
// msg itself (pure Ed25519, RFC 8032 §5.1) and h must be zero.
func (*Backend) Sign(primitive string, key crypto.Signer, h crypto.Hash, msg []byte) ([]byte, error) {
	if key == nil {
		return nil, errKeyType
	}
	if c, size, ok := ecCurve(primitive); ok {
		pub, ok := key.Public().(*ecdsa.PublicKey)
		if !ok || pub.Curve != c {
			return nil, errKeyType
		}
		d, err := digest(h, msg)
		if err != nil {
			return nil, err
		}
		der, err := key.Sign(rand.Reader, d, h)
		if err != nil {
			return nil, err
		}
		return derToRaw(der, size)
	}
	switch primitive {
	case primEd25519:
		if h != 0 {
			return nil, unsupported("ed25519 with a prehash")
		}
		if _, ok := key.Public().(ed25519.PublicKey); !ok {
			return nil, errKeyType
		}
		return key.Sign(rand.Reader, msg, crypto.Hash(0))
	case primRSAPKCS1v15, primRSAPSS:
		if _, ok := key.Public().(*rsa.PublicKey); !ok {
			return nil, errKeyType
		}
		d, err := digest(h, msg)
		if err != nil {
			return nil, err
		}
		if primitive == primRSAPSS {
			return key.Sign(rand.Reader, d, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: h})
		}
		return key.Sign(rand.Reader, d, h)
	}
	return nil, unsupported("signature " + primitive)
}

// Verify checks sig over msg as Sign makes it. For ECDSA, sig is r‖s with
// each half exactly the scalar size; the public key is converted to a point
// by crypto/ecdsa, which rejects coordinates off the curve or out of range
// (the identity has no affine encoding and is rejected the same way). For
// PSS the salt must be exactly the hash length, as RFC 7518 §3.5 requires.
func (*Backend) Verify(primitive string, pub crypto.PublicKey, h crypto.Hash, msg, sig []byte) error {
	if c, size, ok := ecCurve(primitive); ok {
		k, ok := pub.(*ecdsa.PublicKey)
		if !ok || k == nil || k.Curve != c || k.X == nil || k.Y == nil {
			return errKeyType
		}
		if len(sig) != 2*size {
			return errVerify
		}
		d, err := digest(h, msg)
		if err != nil {
			return err
		}
		der, ok := rawToDER(sig[:size], sig[size:])
		if !ok || !ecdsa.VerifyASN1(k, d, der) {
			return errVerify
		}
		return nil
	}
	switch primitive {
	case primEd25519:
		if h != 0 {
			return unsupported("ed25519 with a prehash")
		}
		k, ok := pub.(ed25519.PublicKey)
		if !ok || len(k) != ed25519.PublicKeySize {
			return errKeyType
		}
		if !ed25519.Verify(k, msg, sig) {
			return errVerify
		}
		return nil
	case primRSAPKCS1v15, primRSAPSS:
		k, ok := pub.(*rsa.PublicKey)
		if !ok || k == nil || k.N == nil {
			return errKeyType
		}
		d, err := digest(h, msg)
		if err != nil {
			return err
		}
		if primitive == primRSAPSS {
			err = rsa.VerifyPSS(k, h, d, sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
		} else {
			err = rsa.VerifyPKCS1v15(k, h, d, sig)
		}
		if err != nil {
			return errVerify
		}
		return nil
	}
	return unsupported("signature " + primitive)
}

// derToRaw converts an ASN.1 DER ECDSA-Sig-Value (SEQUENCE { r INTEGER,
// s INTEGER }, RFC 3279 §2.2.3) to r‖s with each half size bytes. It accepts
// only DER: definite minimal lengths, minimal positive integers, nothing
// trailing.
func derToRaw(der []byte, size int) ([]byte, error) {
	body, rest, ok := derElement(der, 0x30)
	if !ok || len(rest) != 0 {
		return nil, errParameter
	}
	r, body, ok := derElement(body, 0x02)
	if !ok {
		return nil, errParameter
	}
	s, body, ok := derElement(body, 0x02)
	if !ok || len(body) != 0 {
		return nil, errParameter
	}
	out := make([]byte, 2*size)
	if !putScalar(out[:size], r) || !putScalar(out[size:], s) {
		return nil, errParameter
	}
	return out, nil
}

// rawToDER encodes the big-endian scalars r and s as an ECDSA-Sig-Value in
// DER, the form crypto/ecdsa verifies without going through math/big. It
// reports false for a zero scalar, which has no valid signature.
func rawToDER(r, s []byte) ([]byte, bool) {
	r, s = trimZeros(r), trimZeros(s)
	if len(r) == 0 || len(s) == 0 {
		return nil, false
	}
	intLen := func(v []byte) int { return len(v) + int(v[0]>>7) } // a leading 0x00 keeps it positive
	body := 2 + intLen(r) + 2 + intLen(s)                         // scalars of at most 66 bytes: short-form INTEGER lengths
	out := make([]byte, 0, 3+body)
	out = append(out, 0x30)
	if body >= 0x80 {
		out = append(out, 0x81)
	}
	out = append(out, byte(body))
	for _, v := range [2][]byte{r, s} {
		out = append(out, 0x02, byte(intLen(v)))
		if v[0]&0x80 != 0 {
			out = append(out, 0)
		}
		out = append(out, v...)
	}
	return out, true
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
