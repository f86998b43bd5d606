package gencrypto

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"fmt"

	"github.com/lwscrypto/lwscrypto/internal/ed25519check"
)

// Signature is a digital signature algorithm: RSASSA-PKCS1-v1_5, RSASSA-PSS,
// ECDSA with the fixed-length r‖s encoding of RFC 7518 §3.4 and RFC 9053
// §2.1, or EdDSA.
//
// Sign takes any crypto.Signer, so keys held in a token or a KMS sign as well
// as in-memory keys. Verify takes the standard library's public key types.
// Both check the key against the algorithm before computing anything.
//
// The zero Signature is no algorithm (use ES256 and the others): Sign,
// Verify, SignDigest, VerifyDigest, NewHash and CheckPublicKey return an
// error wrapping ErrUnsupported, and Hash, Curve, MinRSABits and
// SignatureSize return 0.
type Signature struct {
	algInfo
	prim    string
	hash    crypto.Hash
	curve   Curve
	minBits int // RSA modulus minimum
}

var (
	rs256 = Signature{algInfo{"RS256", -257, true, KindSignature, KeyRSA, true}, PrimRSAPKCS1v15, crypto.SHA256, 0, 2048}
	rs384 = Signature{algInfo{"RS384", -258, true, KindSignature, KeyRSA, true}, PrimRSAPKCS1v15, crypto.SHA384, 0, 2048}
	rs512 = Signature{algInfo{"RS512", -259, true, KindSignature, KeyRSA, true}, PrimRSAPKCS1v15, crypto.SHA512, 0, 2048}
	ps256 = Signature{algInfo{"PS256", -37, true, KindSignature, KeyRSA, true}, PrimRSAPSS, crypto.SHA256, 0, 2048}
	ps384 = Signature{algInfo{"PS384", -38, true, KindSignature, KeyRSA, true}, PrimRSAPSS, crypto.SHA384, 0, 2048}
	ps512 = Signature{algInfo{"PS512", -39, true, KindSignature, KeyRSA, true}, PrimRSAPSS, crypto.SHA512, 0, 2048}
	es256 = Signature{algInfo{"ES256", -7, true, KindSignature, KeyEC, true}, PrimECDSAP256, crypto.SHA256, CurveP256, 0}
	es384 = Signature{algInfo{"ES384", -35, true, KindSignature, KeyEC, true}, PrimECDSAP384, crypto.SHA384, CurveP384, 0}
	es512 = Signature{algInfo{"ES512", -36, true, KindSignature, KeyEC, true}, PrimECDSAP521, crypto.SHA512, CurveP521, 0}
	eddsa = Signature{algInfo{"EdDSA", -8, true, KindSignature, KeyOKP, true}, PrimEd25519, 0, CurveEd25519, 0}
	ed255 = Signature{algInfo{"Ed25519", -19, true, KindSignature, KeyOKP, true}, PrimEd25519, 0, CurveEd25519, 0}
)

// RS256 is RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3; COSE -257, RFC 8812).
func RS256() *Signature { return &rs256 }

// RS384 is RSASSA-PKCS1-v1_5 with SHA-384 (RFC 7518 §3.3; COSE -258).
func RS384() *Signature { return &rs384 }

// RS512 is RSASSA-PKCS1-v1_5 with SHA-512 (RFC 7518 §3.3; COSE -259).
func RS512() *Signature { return &rs512 }

// PS256 is RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt
// (RFC 7518 §3.5; COSE -37, RFC 8230).
func PS256() *Signature { return &ps256 }

// PS384 is RSASSA-PSS with SHA-384 and a 48-byte salt (RFC 7518 §3.5; COSE -38).
func PS384() *Signature { return &ps384 }

// PS512 is RSASSA-PSS with SHA-512 and a 64-byte salt (RFC 7518 §3.5; COSE -39).
func PS512() *Signature { return &ps512 }

// ES256 is ECDSA on P-256 with SHA-256 (RFC 7518 §3.4; COSE -7).
func ES256() *Signature { return &es256 }

// ES384 is ECDSA on P-384 with SHA-384 (RFC 7518 §3.4; COSE -35).
func ES384() *Signature { return &es384 }

// ES512 is ECDSA on P-521 with SHA-512 (RFC 7518 §3.4; COSE -36).
func ES512() *Signature { return &es512 }

// EdDSA is the polymorphic EdDSA of RFC 8037 §3.1 (COSE -8). This registry
// binds it to Ed25519 keys.
func EdDSA() *Signature { return &eddsa }

// Ed25519 is the fully specified Ed25519 of RFC 9864 ("Ed25519"; COSE -19).
func Ed25519() *Signature { return &ed255 }

// Hash returns the message digest the algorithm signs with, or 0 for EdDSA,
// which signs the message itself.
func (s *Signature) Hash() crypto.Hash { return s.hash }

// Curve returns the curve of an ECDSA or EdDSA algorithm, or 0 for RSA.
func (s *Signature) Curve() Curve { return s.curve }

// MinRSABits returns the smallest RSA modulus, in bits, the algorithm
// accepts, or 0 for non-RSA algorithms.
func (s *Signature) MinRSABits() int { return s.minBits }

// Primitive returns the Backend primitive the algorithm runs on.
func (s *Signature) Primitive() string { return s.prim }

// SignatureSize returns the length of a signature for an ECDSA or EdDSA
// algorithm (2 × the field size for ECDSA, 64 for Ed25519), or 0 for RSA,
// whose signatures are as long as the modulus.
func (s *Signature) SignatureSize() int {
	switch s.curve {
	case CurveP256:
		return 64
	case CurveP384:
		return 96
	case CurveP521:
		return 132
	case CurveEd25519:
		return ed25519.SignatureSize
	}
	return 0
}

// Sign signs msg with key and returns the signature in the algorithm's wire
// encoding (r‖s for ECDSA). key's public half must fit the algorithm
// (ErrKeyType, ErrKeySize, ErrInvalidKey otherwise, before any computation),
// an *ecdsa.PrivateKey or *rsa.PrivateKey must hold a private scalar D
// (for ECDSA 0 < D < n) and an Ed25519 public half must be a canonical
// encoding of a point that is not of small order (ErrInvalidKey otherwise);
// a backend without the primitive gives an error wrapping ErrUnsupported.
// Any other failure to sign with a private key of the standard library's
// types (an RSA key whose primes do not multiply to N, say) wraps both
// ErrInvalidKey and the signer's error.
// SignDigest is the same for a message hashed by the caller.
//
// An ed25519.PrivateKey, or a pointer to one, must be as crypto/ed25519
// makes it: the seed followed by the public key it derives (ErrInvalidKey
// otherwise). crypto/ed25519 signs with the second half it is given, which
// is hashed into the signature, so two signatures of one message under two
// different second halves would reveal the private scalar. The check is a
// scalar multiplication, done once per key: a key found consistent is
// remembered (by a SHA-256 of its bytes, for a bounded number of keys), so
// a key changed in place is checked again.
func (s *Signature) Sign(key crypto.Signer, msg []byte, opts ...Option) ([]byte, error) {
	b, pub, err := s.signBackend(key, opts)
	if err != nil {
		return nil, err
	}
	sig, err := b.Sign(s.prim, key, s.hash, msg)
	return s.checkOutput(key, pub, sig, err)
}

// signBackend binds key to the algorithm and resolves the backend: the
// policy Sign and SignDigest apply before computing. It returns the public
// key it checked.
func (s *Signature) signBackend(key crypto.Signer, opts []Option) (Backend, crypto.PublicKey, error) {
	if s.isZero() {
		return nil, nil, zeroAlgorithm(s)
	}
	// The seed of an ed25519.PrivateKey is checked against its public half
	// for EdDSA only: given to another algorithm, the key is ErrKeyType
	// (checkPublicKey), before any computation.
	okp := s.kty == KeyOKP
	pub, err := publicHalf(key, okp)
	if err != nil {
		return nil, nil, err
	}
	// The public half of an ed25519.PrivateKey is then its seed's
	// (publicHalf checked): a valid key, which need not be checked again.
	if err := s.checkPublicKey(pub, okp && isEd25519PrivateKey(key)); err != nil {
		return nil, nil, err
	}
	if err := checkPrivateScalar(key); err != nil {
		return nil, nil, err
	}
	b, err := backendWith(opts, s, s.prim)
	if err == nil && s.kty == KeyRSA {
		err = fipsRSAKey(s, b, pub.(*rsa.PublicKey), key)
	}
	if err != nil {
		return nil, nil, err
	}
	return b, pub, nil
}

// checkOutput passes a backend's signature on if it has the shape Verify
// requires (sigShapeOK): the length, the algorithm's for ECDSA and EdDSA,
// the modulus's for RSA (RFC 8017 §8.1.1 and §8.2.1 output k octets; a
// signer that drops leading zeros would otherwise produce signatures that
// do not verify), and for ECDSA 0 < r, s < n. A signing error from a
// private key of the standard library's types, held in memory, can only
// be the key's fault (primes that do not multiply to the modulus, say):
// it wraps ErrInvalidKey as well as what the signer said.
func (s *Signature) checkOutput(key crypto.Signer, pub crypto.PublicKey, sig []byte, err error) ([]byte, error) {
	if err != nil {
		if inMemoryKey(key) && !isUnsupported(err) {
			err = fmt.Errorf("%w: %w", ErrInvalidKey, err)
		}
		return nil, err
	}
	if !s.sigShapeOK(pub, sig) {
		return nil, errBackendOutput
	}
	return sig, nil
}

// Verify checks sig over msg with pub. A key that does not fit the
// algorithm is ErrKeyType, ErrKeySize or ErrInvalidKey, reported before any
// computation; a backend without the primitive, or under fips140=only an
// RSA key the Go Cryptographic Module refuses (see "FIPS 140-3" in the
// package doc), gives an error wrapping ErrUnsupported; every other
// failure is ErrVerify. ECDSA signatures must be exactly r‖s of the
// curve's size with 0 < r, s < n (RFC 7518 §3.4); the ASN.1 DER form is
// rejected. RSA signatures must be exactly as long as the
// modulus. Ed25519 signatures must have S < L (RFC 8032 §5.1.7), whatever
// the backend, and the public key must pass CheckPublicKey (canonically
// encoded, on the curve, not of small order; ErrInvalidKey otherwise).
// VerifyDigest is the same for a message hashed by the caller.
func (s *Signature) Verify(pub crypto.PublicKey, msg, sig []byte, opts ...Option) error {
	b, err := s.verifyBackend(pub, opts)
	if err != nil {
		return err
	}
	if !s.sigShapeOK(pub, sig) {
		return ErrVerify
	}
	if err := b.Verify(s.prim, pub, s.hash, msg, sig); err != nil {
		return passUnsupported(err, ErrVerify)
	}
	return nil
}

// verifyBackend binds pub to the algorithm and resolves the backend: the
// policy Verify and VerifyDigest apply before looking at the signature.
func (s *Signature) verifyBackend(pub crypto.PublicKey, opts []Option) (Backend, error) {
	if err := s.CheckPublicKey(pub); err != nil {
		return nil, err
	}
	b, err := backendWith(opts, s, s.prim)
	if err == nil && s.kty == KeyRSA {
		err = fipsRSAKey(s, b, pub.(*rsa.PublicKey), nil)
	}
	if err != nil {
		return nil, err
	}
	return b, nil
}

// sigShapeOK reports whether sig has the form the algorithm signs in: the
// exact length, and for ECDSA scalars in range. pub has passed
// CheckPublicKey.
func (s *Signature) sigShapeOK(pub crypto.PublicKey, sig []byte) bool {
	if n := s.SignatureSize(); n != 0 && len(sig) != n {
		return false
	}
	switch s.kty {
	case KeyEC:
		return ecdsaScalarsInRange(s.curve, sig)
	case KeyRSA:
		return len(sig) == pub.(*rsa.PublicKey).Size()
	case KeyOKP:
		return ed25519SBelowL(sig[32:])
	}
	return true
}

// ed25519L is L, the order of the Ed25519 base point (RFC 8032 §5.1:
// 2^252 + 27742317777372353535851937790883648493), little-endian.
var ed25519L = [32]byte{
	0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
}

// ed25519SBelowL reports whether the little-endian scalar s (32 bytes) is
// below L. RFC 8032 §5.1.7 step 1 makes a signature with S ≥ L invalid:
// the registry refuses it itself, so that no backend that reduces S
// instead makes signatures malleable.
func ed25519SBelowL(s []byte) bool {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] != ed25519L[i] {
			return s[i] < ed25519L[i]
		}
	}
	return false
}

// PublicKeyOf returns the public half of a private key (a crypto.Signer
// or crypto.Decrypter), refusing first the keys whose Public method would
// panic or answer wrongly: nil, a nil *ecdsa.PrivateKey, *rsa.PrivateKey or
// *ed25519.PrivateKey (ErrKeyType), an ed25519.PrivateKey, or a pointer
// to one, that is not 64 bytes (ErrKeySize) or whose second half is not
// the public key its seed derives (ErrInvalidKey; see Signature.Sign).
// Sign and the other operations
// taking a private key check it this way; callers that need the public key
// first (to choose an algorithm, say) use this.
func PublicKeyOf(key interface{ Public() crypto.PublicKey }) (crypto.PublicKey, error) {
	return publicHalf(key, true)
}

// publicHalf returns the public half of a private key (a crypto.Signer or
// crypto.Decrypter). A nil key, and keys of the standard library's types
// whose Public cannot answer truthfully, are refused first: a nil
// *ecdsa.PrivateKey, *rsa.PrivateKey or *ed25519.PrivateKey (ErrKeyType;
// Public dereferences nil) and an ed25519.PrivateKey, or a pointer to one,
// that is not 64 bytes (ErrKeySize; Public panics, or answers an all-zero
// key for a 32-byte seed) or, when checkSeed is set, whose second half is
// not its seed's (ErrInvalidKey; Public answers that half). Callers binding
// the key to an algorithm other than EdDSA leave checkSeed unset: the key
// is then the wrong type, which they report first, without the scalar
// multiplication the seed check costs.
func publicHalf(key interface{ Public() crypto.PublicKey }, checkSeed bool) (crypto.PublicKey, error) {
	switch k := key.(type) {
	case nil:
		return nil, ErrKeyType
	case *ecdsa.PrivateKey:
		if k == nil {
			return nil, ErrKeyType
		}
	case *rsa.PrivateKey:
		if k == nil {
			return nil, ErrKeyType
		}
	case ed25519.PrivateKey:
		return ed25519Public(k, checkSeed)
	case *ed25519.PrivateKey: // its method set holds the value's methods
		if k == nil {
			return nil, ErrKeyType
		}
		return ed25519Public(*k, checkSeed)
	}
	return key.Public(), nil
}

// ed25519Public returns the public half of k, a key of 64 bytes
// (ErrKeySize otherwise) whose second half, if checkSeed, is the public key
// its seed derives (ErrInvalidKey otherwise, and for a small-order half,
// which no seed derives). crypto/ed25519 signs with the half it is given, which is
// hashed into the challenge: two signatures of one message under two
// halves reveal the private scalar. The check is a scalar multiplication,
// done once per key: ed25519check remembers the keys it found consistent,
// and checks a key changed in place since again.
func ed25519Public(k ed25519.PrivateKey, checkSeed bool) (crypto.PublicKey, error) {
	if len(k) != ed25519.PrivateKeySize {
		return nil, ErrKeySize
	}
	if checkSeed && !ed25519check.PrivateKey(k) {
		return nil, ErrInvalidKey
	}
	return k.Public(), nil
}

// checkPrivateScalar refuses, with ErrInvalidKey, a private key of the
// standard library's types whose public half has passed its check but
// whose private scalar is missing or out of range: an *ecdsa.PrivateKey
// with D nil (crypto/ecdsa panics on it), at most 0 or not below the group
// order, and an *rsa.PrivateKey with D nil or at most 0. crypto/ecdsa and
// crypto/rsa refuse these too, but with errors no sentinel matches. Other
// keys (a token's, a KMS's) answer for themselves.
func checkPrivateScalar(key any) error {
	switch k := key.(type) {
	case *ecdsa.PrivateKey:
		if k.D == nil || k.D.Sign() <= 0 || k.D.Cmp(k.Curve.Params().N) >= 0 {
			return ErrInvalidKey
		}
	case *rsa.PrivateKey:
		if k.D == nil || k.D.Sign() <= 0 {
			return ErrInvalidKey
		}
	}
	return nil
}

// inMemoryKey reports whether key is a private key of the standard
// library's types, which computes in this process.
func inMemoryKey(key any) bool {
	switch key.(type) {
	case *ecdsa.PrivateKey, *rsa.PrivateKey, ed25519.PrivateKey, *ed25519.PrivateKey:
		return true
	}
	return false
}

// maxRSABits bounds the RSA modulus of every algorithm, so that a public key
// taken from input cannot make verification arbitrarily slow.
const maxRSABits = 16384

// CheckPublicKey reports whether pub is a public key this algorithm can use:
// the right type (ErrKeyType) and curve or size (ErrKeySize: an RSA modulus
// of MinRSABits to 16384 bits, a 32-byte Ed25519 key), and, for ECDSA, a
// point on the curve (ErrInvalidKey), for RSA an odd modulus and an odd
// exponent of 3 to 2³¹−1 (ErrInvalidKey, RFC 8017 §3.1; larger exponents
// are refused as package jwk and crypto/rsa refuse them), for Ed25519 the
// canonical encoding of a curve point (RFC 8032 §5.1.3: y < p, no sign bit
// on x = 0) that is not one of the eight points of small order
// (ErrInvalidKey; see "Keys" in the package doc). It does not check the key
// against a signature.
//
// The Ed25519 point check is an exponentiation in the field (some 10 µs):
// a key that passed is remembered, by its bytes, for a bounded number of
// keys, so that checking the same key again (each Verify with it) costs a
// lookup and allocates nothing.
func (s *Signature) CheckPublicKey(pub crypto.PublicKey) error {
	return s.checkPublicKey(pub, false)
}

// isEd25519PrivateKey reports whether key is an ed25519.PrivateKey or a
// pointer to one.
func isEd25519PrivateKey(key any) bool {
	switch key.(type) {
	case ed25519.PrivateKey, *ed25519.PrivateKey:
		return true
	}
	return false
}

// checkPublicKey is CheckPublicKey; seedChecked says pub is the public half
// of an ed25519.PrivateKey that publicHalf found its seed's, so a valid
// key whose point check can be skipped.
func (s *Signature) checkPublicKey(pub crypto.PublicKey, seedChecked bool) error {
	switch s.kty {
	case KeyRSA:
		return checkRSAKey(pub, s.minBits)
	case KeyEC:
		k, ok := pub.(*ecdsa.PublicKey)
		if !ok || k == nil || k.Curve == nil {
			return ErrKeyType
		}
		if k.Curve != ellipticCurve(s.curve) {
			return ErrKeyType
		}
		if k.X == nil || k.Y == nil {
			return ErrInvalidKey
		}
		// crypto/ecdsa's encoding validates the point (SP 800-89 §5.3.2):
		// it rejects coordinates out of range or off the curve, whatever
		// backend computes afterwards. Bytes is the cheapest call that
		// does so; ECDH would convert the point a second time.
		if _, err := k.Bytes(); err != nil {
			return ErrInvalidKey
		}
	case KeyOKP:
		k, ok := pub.(ed25519.PublicKey)
		if !ok {
			return ErrKeyType
		}
		if len(k) != ed25519.PublicKeySize {
			return ErrKeySize
		}
		if !seedChecked && !ed25519check.PublicKey(k) {
			return ErrInvalidKey
		}
	default:
		if s.isZero() {
			return zeroAlgorithm(s)
		}
		return ErrKeyType
	}
	return nil
}

// maxRSAExponent bounds the public exponent: 31 bits, as package jwk
// requires and as crypto/rsa requires to compute at all (so that behaviour
// does not depend on the size of int).
const maxRSAExponent = 1<<31 - 1

// checkRSAKey binds an RSA public key: the type, then its validity, then
// the modulus size. RFC 8017 §3.1 makes the modulus a product of odd
// primes, so odd, and the exponent at least 3 and coprime to λ(n), which
// is even, so odd: a key that breaks either is no RSA key. An exponent
// above maxRSAExponent is refused too: no key of ours can use it.
func checkRSAKey(pub crypto.PublicKey, minBits int) error {
	k, ok := pub.(*rsa.PublicKey)
	if !ok || k == nil {
		return ErrKeyType
	}
	if k.N == nil || k.N.Sign() <= 0 || k.N.Bit(0) == 0 || k.E < 3 || k.E%2 == 0 || k.E > maxRSAExponent {
		return ErrInvalidKey
	}
	if n := k.N.BitLen(); n < minBits || n > maxRSABits {
		return ErrKeySize
	}
	return nil
}

func ellipticCurve(c Curve) elliptic.Curve {
	switch c {
	case CurveP256:
		return elliptic.P256()
	case CurveP384:
		return elliptic.P384()
	case CurveP521:
		return elliptic.P521()
	}
	return nil
}

// Group orders, big-endian, padded to the scalar size: the bounds for r and
// s. They are taken from crypto/elliptic rather than typed in.
var (
	orderP256 = curveOrder(elliptic.P256(), 32)
	orderP384 = curveOrder(elliptic.P384(), 48)
	orderP521 = curveOrder(elliptic.P521(), 66)
)

func curveOrder(c elliptic.Curve, size int) []byte {
	return c.Params().N.FillBytes(make([]byte, size))
}

// ecdsaScalarsInRange reports whether sig = r‖s has 0 < r, s < n, comparing
// fixed-length big-endian bytes so the check allocates nothing.
func ecdsaScalarsInRange(c Curve, sig []byte) bool {
	var n []byte
	switch c {
	case CurveP256:
		n = orderP256
	case CurveP384:
		n = orderP384
	case CurveP521:
		n = orderP521
	default:
		return false
	}
	if len(sig) != 2*len(n) {
		return false
	}
	for _, x := range [2][]byte{sig[:len(n)], sig[len(n):]} {
		if isZero(x) || bytes.Compare(x, n) >= 0 {
			return false
		}
	}
	return true
}

func isZero(b []byte) bool {
	var acc byte
	for _, c := range b {
		acc |= c
	}
	return acc == 0
}
