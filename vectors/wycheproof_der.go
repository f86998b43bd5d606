package vectors

// A strict DER reader, just large enough for two jobs: turning a DER ECDSA
// signature (SEQUENCE { INTEGER r, INTEGER s }) into the fixed-length r‖s
// that JOSE and COSE use, and reading the RSASSA-PSS parameters of an RSA
// public key (RFC 8017 Appendix A.2.3). Strict means X.690 §10 DER: short
// length form below 128, minimal long forms, no indefinite lengths, minimal
// INTEGER encodings, nothing after the outer value.

import (
	"bytes"
	"crypto"
	"errors"
)

var errDER = errors.New("not strict DER")

// derReader reads TLVs from a byte string.
type derReader struct{ b []byte }

// next reads one TLV with a single-byte tag and returns tag and contents.
func (r *derReader) next() (byte, []byte, error) {
	b := r.b
	if len(b) < 2 {
		return 0, nil, errDER
	}
	tag := b[0]
	if tag&0x1f == 0x1f { // high tag numbers are not used here
		return 0, nil, errDER
	}
	n := int(b[1])
	b = b[2:]
	if n >= 0x80 {
		k := n & 0x7f
		if k == 0 || k > 4 || len(b) < k { // 0 = indefinite (BER only)
			return 0, nil, errDER
		}
		if b[0] == 0 { // leading zero: not minimal
			return 0, nil, errDER
		}
		n = 0
		for _, c := range b[:k] {
			n = n<<8 | int(c)
		}
		if n < 0x80 { // long form where short would do
			return 0, nil, errDER
		}
		b = b[k:]
	}
	if n > len(b) {
		return 0, nil, errDER
	}
	r.b = b[n:]
	return tag, b[:n], nil
}

// expect reads one TLV that must have the given tag.
func (r *derReader) expect(tag byte) ([]byte, error) {
	t, v, err := r.next()
	if err != nil {
		return nil, err
	}
	if t != tag {
		return nil, errDER
	}
	return v, nil
}

func (r *derReader) empty() bool { return len(r.b) == 0 }

const (
	derInteger  = 0x02
	derBitStr   = 0x03
	derNull     = 0x05
	derOID      = 0x06
	derSequence = 0x30
)

// derUnsigned checks the contents of a DER INTEGER that must be
// non-negative and returns its magnitude without the sign byte.
func derUnsigned(v []byte) ([]byte, error) {
	if len(v) == 0 || v[0]&0x80 != 0 { // empty or negative
		return nil, errDER
	}
	if v[0] == 0 {
		if len(v) > 1 && v[1]&0x80 == 0 { // superfluous leading zero
			return nil, errDER
		}
		v = v[1:]
	}
	return v, nil
}

// ecdsaDERToP1363 converts a DER ECDSA signature into r‖s with each half
// size bytes long. It rejects anything that is not strict DER, negative
// integers, and integers too long for size bytes.
func ecdsaDERToP1363(sig []byte, size int) ([]byte, error) {
	outer := derReader{sig}
	seq, err := outer.expect(derSequence)
	if err != nil || !outer.empty() {
		return nil, errDER
	}
	in := derReader{seq}
	out := make([]byte, 2*size)
	for i := range 2 {
		v, err := in.expect(derInteger)
		if err != nil {
			return nil, err
		}
		m, err := derUnsigned(v)
		if err != nil {
			return nil, err
		}
		if len(m) > size {
			return nil, errDER
		}
		copy(out[(i+1)*size-len(m):(i+1)*size], m)
	}
	if !in.empty() {
		return nil, errDER
	}
	return out, nil
}

// pssParams are the RSASSA-PSS parameters of RFC 8017 Appendix A.2.3.
type pssParams struct {
	hash, mgfHash crypto.Hash
	saltLen       int
}

var (
	oidRSAPSS = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a}
	oidMGF1   = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08}
	oidSHA1   = []byte{0x2b, 0x0e, 0x03, 0x02, 0x1a}
	// The NIST hash OIDs are 2.16.840.1.101.3.4.2.n.
	oidNISTHash = []byte{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02}
)

var nistHashes = map[byte]crypto.Hash{
	1: crypto.SHA256, 2: crypto.SHA384, 3: crypto.SHA512, 4: crypto.SHA224,
	5: crypto.SHA512_224, 6: crypto.SHA512_256,
}

// hashFromAlgID reads an AlgorithmIdentifier naming a hash. The parameters
// must be absent or NULL.
func hashFromAlgID(v []byte) (crypto.Hash, error) {
	r := derReader{v}
	oid, err := r.expect(derOID)
	if err != nil {
		return 0, err
	}
	if !r.empty() {
		if p, err := r.expect(derNull); err != nil || len(p) != 0 || !r.empty() {
			return 0, errDER
		}
	}
	switch {
	case bytes.Equal(oid, oidSHA1):
		return crypto.SHA1, nil
	case len(oid) == len(oidNISTHash)+1 && bytes.Equal(oid[:len(oidNISTHash)], oidNISTHash):
		if h, ok := nistHashes[oid[len(oidNISTHash)]]; ok {
			return h, nil
		}
	}
	return 0, errors.New("unknown hash algorithm")
}

// parsePSSSPKI reads the RSASSA-PSS parameters from a SubjectPublicKeyInfo
// whose algorithm is id-RSASSA-PSS. ok is false when the key's algorithm is
// not id-RSASSA-PSS (plain rsaEncryption) or its parameters are absent:
// either way the key does not restrict them.
func parsePSSSPKI(spki []byte) (p pssParams, ok bool, err error) {
	outer := derReader{spki}
	seq, err := outer.expect(derSequence)
	if err != nil || !outer.empty() {
		return p, false, errDER
	}
	in := derReader{seq}
	alg, err := in.expect(derSequence)
	if err != nil {
		return p, false, err
	}
	ar := derReader{alg}
	oid, err := ar.expect(derOID)
	if err != nil {
		return p, false, err
	}
	if !bytes.Equal(oid, oidRSAPSS) {
		return p, false, nil
	}
	if ar.empty() {
		// Parameters absent: the key places no restriction (RFC 4055
		// §1.2), which is not the same as the defaults below.
		return p, false, nil
	}
	// Defaults (RFC 8017 A.2.3): SHA-1, MGF1 with SHA-1, 20, trailer 1.
	p = pssParams{crypto.SHA1, crypto.SHA1, 20}
	params, err := ar.expect(derSequence)
	if err != nil || !ar.empty() {
		return p, false, errDER
	}
	pr := derReader{params}
	last := -1
	for !pr.empty() {
		tag, v, err := pr.next()
		if err != nil {
			return p, false, err
		}
		n := int(tag) - 0xa0 // [n] EXPLICIT, constructed
		if n < 0 || n > 3 || n <= last {
			return p, false, errDER
		}
		last = n
		fr := derReader{v}
		switch n {
		case 0:
			a, err := fr.expect(derSequence)
			if err != nil {
				return p, false, err
			}
			if p.hash, err = hashFromAlgID(a); err != nil {
				return p, false, err
			}
		case 1:
			a, err := fr.expect(derSequence)
			if err != nil {
				return p, false, err
			}
			mr := derReader{a}
			moid, err := mr.expect(derOID)
			if err != nil || !bytes.Equal(moid, oidMGF1) {
				return p, false, errors.New("mask generation function is not MGF1")
			}
			h, err := mr.expect(derSequence)
			if err != nil || !mr.empty() {
				return p, false, errDER
			}
			if p.mgfHash, err = hashFromAlgID(h); err != nil {
				return p, false, err
			}
		case 2, 3:
			iv, err := fr.expect(derInteger)
			if err != nil {
				return p, false, err
			}
			m, err := derUnsigned(iv)
			if err != nil || len(m) > 2 {
				return p, false, errDER
			}
			x := 0
			for _, c := range m {
				x = x<<8 | int(c)
			}
			if n == 2 {
				p.saltLen = x
			} else if x != 1 {
				return p, false, errors.New("trailer field is not 1")
			}
		}
		if !fr.empty() {
			return p, false, errDER
		}
	}
	return p, true, nil
}
