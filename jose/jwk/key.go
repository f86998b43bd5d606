package jwk

import (
	"bytes"
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/subtle"
	"fmt"
	"slices"

	"github.com/lwscrypto/lwscrypto/internal/ed25519check"
	"github.com/lwscrypto/lwscrypto/jose"
)

// The "kty" values this package understands (RFC 7518 §6.1, RFC 8037 §2).
const (
	KeyTypeRSA = "RSA"
	KeyTypeEC  = "EC"
	KeyTypeOct = "oct"
	KeyTypeOKP = "OKP"
)

// The "crv" values this package understands (RFC 7518 §6.2.1.1, RFC 8037 §2).
const (
	CurveP256    = "P-256"
	CurveP384    = "P-384"
	CurveP521    = "P-521"
	CurveEd25519 = "Ed25519"
	CurveX25519  = "X25519"
)

// Key is one JSON Web Key (RFC 7517): the key material as a standard library
// key, and the JWK parameters that say how it may be used.
//
// The material is fixed when the Key is made (Parse, New, Generate) and read
// through methods; the metadata fields may be set by the caller before the
// key is marshaled or used. A Key is safe for concurrent use as long as no
// one writes its fields.
//
// A nil *Key never panics: its accessors return what the zero Key's do
// (KeyType and Curve "", IsPrivate false, Bits 0, Public, PrivateKey,
// Secret and Extra nil, Signer false, AppendThumbprintInput dst as it
// is), String is "<nil>", Equal is false, and every method that returns
// an error returns one wrapping jose.ErrKey.
type Key struct {
	// Kid is the "kid" member (RFC 7517 §4.5), "" when absent.
	Kid string
	// Alg is the "alg" member (RFC 7517 §4.4), "" when absent. When set, the
	// key may be used with this algorithm only (see CheckUse).
	Alg string
	// Use is the "use" member (RFC 7517 §4.2): "sig", "enc", or "" when
	// absent.
	Use string
	// KeyOps is the "key_ops" member (RFC 7517 §4.3), nil when absent.
	KeyOps []string
	// X5u is the "x5u" member (RFC 7517 §4.6). It is never fetched.
	X5u string
	// X5c is the "x5c" certificate chain (RFC 7517 §4.7), DER, leaf first.
	// It is kept as given; Parse checks that every entry is a certificate
	// and that the leaf's public key is this key, but does not verify the
	// chain.
	X5c [][]byte
	// X5t and X5tS256 are the "x5t" (SHA-1) and "x5t#S256" certificate
	// thumbprints (RFC 7517 §4.8, §4.9), decoded.
	X5t, X5tS256 []byte

	kty string
	crv string
	pub crypto.PublicKey  // *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey, *ecdh.PublicKey (X25519); nil for oct
	prv crypto.PrivateKey // the matching private type, or nil
	sec []byte            // oct key bytes

	extra []jose.Member // members this package does not interpret, raw
}

// errNilKey is what the methods of a nil *Key that return an error return.
var errNilKey = fmt.Errorf("jwk: the key is nil: %w", jose.ErrKey)

// KeyType returns "kty": "RSA", "EC", "oct" or "OKP".
func (k *Key) KeyType() string {
	if k == nil {
		return ""
	}
	return k.kty
}

// Curve returns "crv" for EC and OKP keys ("P-256", "Ed25519", …) and ""
// otherwise.
func (k *Key) Curve() string {
	if k == nil {
		return ""
	}
	return k.crv
}

// IsPrivate reports whether the key holds private (or, for oct, secret)
// material.
func (k *Key) IsPrivate() bool { return k != nil && (k.prv != nil || k.sec != nil) }

// Public returns the public key: *rsa.PublicKey, *ecdsa.PublicKey,
// ed25519.PublicKey or, for X25519, *ecdh.PublicKey. It is nil for oct keys.
// It is the key's own (the ed25519.PublicKey slice, the big.Int values
// behind the pointers): do not modify it.
func (k *Key) Public() crypto.PublicKey {
	if k == nil {
		return nil
	}
	return k.pub
}

// PrivateKey returns the private key (*rsa.PrivateKey, *ecdsa.PrivateKey,
// ed25519.PrivateKey or *ecdh.PrivateKey), or nil for a public or oct key.
// It is the key's own, as for Public: do not modify it.
func (k *Key) PrivateKey() crypto.PrivateKey {
	if k == nil {
		return nil
	}
	return k.prv
}

// Signer returns the private key as a crypto.Signer, for RSA, EC and Ed25519
// private keys.
func (k *Key) Signer() (crypto.Signer, bool) {
	if k == nil {
		return nil, false
	}
	s, ok := k.prv.(crypto.Signer)
	return s, ok
}

// Secret returns the bytes of an oct key, or nil for other key types. The
// slice is the key's own: do not modify it.
func (k *Key) Secret() []byte {
	if k == nil {
		return nil
	}
	return k.sec
}

// ECDHPublic returns the key as an ECDH public key, for EC keys on the NIST
// curves and X25519 keys.
func (k *Key) ECDHPublic() (*ecdh.PublicKey, error) {
	if k == nil {
		return nil, errNilKey
	}
	switch p := k.pub.(type) {
	case *ecdsa.PublicKey:
		return p.ECDH()
	case *ecdh.PublicKey:
		return p, nil
	}
	return nil, fmt.Errorf("jwk: %s key is not an ECDH key: %w", k.describe(), jose.ErrKey)
}

// ECDHPrivate returns the key as an ECDH private key, for private EC keys on
// the NIST curves and private X25519 keys.
func (k *Key) ECDHPrivate() (*ecdh.PrivateKey, error) {
	if k == nil {
		return nil, errNilKey
	}
	switch p := k.prv.(type) {
	case *ecdsa.PrivateKey:
		return p.ECDH()
	case *ecdh.PrivateKey:
		return p, nil
	}
	return nil, fmt.Errorf("jwk: %s key is not a private ECDH key: %w", k.describe(), jose.ErrKey)
}

// Bits returns the key size in bits: the RSA modulus length, the field
// size of a NIST curve (256, 384, 521), 256 for Ed25519 and X25519 (their
// 32-byte keys; the field, 2^255 − 19, has 255 bits, and they are rated
// as P-256 is), or 8 × the oct key length.
func (k *Key) Bits() int {
	if k == nil {
		return 0
	}
	switch p := k.pub.(type) {
	case *rsa.PublicKey:
		return p.N.BitLen()
	case *ecdsa.PublicKey:
		return p.Curve.Params().BitSize
	case ed25519.PublicKey, *ecdh.PublicKey:
		return 256
	}
	return 8 * len(k.sec)
}

// PublicKey returns a copy of k without its private material, keeping every
// other member; its metadata (the slices and their bytes) is its own, so
// changing it does not change k. An oct key has no public half: that is
// jose.ErrKey, as is a Key without key material (the zero Key).
func (k *Key) PublicKey() (*Key, error) {
	if k == nil {
		return nil, errNilKey
	}
	if k.kty == "" {
		return nil, fmt.Errorf(`jwk: key has no key material ("kty"); make it with Parse, New or Generate: %w`, jose.ErrKey)
	}
	if k.kty == KeyTypeOct {
		return nil, fmt.Errorf("jwk: an oct key has no public half: %w", jose.ErrKey)
	}
	c := k.clone()
	c.prv = nil
	return c, nil
}

// Equal reports whether k and x hold the same key material (public and, if
// present, private); metadata is not compared. A nil *Key (receiver or
// argument), and a Key without key material (the zero Key), equal no key.
// oct secrets are compared in constant time.
func (k *Key) Equal(x *Key) bool {
	if k == nil || x == nil || k.kty == "" || k.kty != x.kty || k.crv != x.crv || k.IsPrivate() != x.IsPrivate() {
		return false
	}
	if k.kty == KeyTypeOct {
		return subtle.ConstantTimeCompare(k.sec, x.sec) == 1
	}
	type equaler interface{ Equal(crypto.PublicKey) bool }
	if !k.pub.(equaler).Equal(x.pub) {
		return false
	}
	if k.prv == nil {
		return true
	}
	type pequaler interface{ Equal(crypto.PrivateKey) bool }
	return k.prv.(pequaler).Equal(x.prv)
}

// clone copies k and its metadata (the bytes of X5t, X5tS256 and every X5c
// certificate too), so that a change to the copy's fields or their bytes
// does not reach k; the key material is shared (it is never changed).
func (k *Key) clone() *Key {
	c := *k
	c.KeyOps = slices.Clone(k.KeyOps)
	c.X5t = bytes.Clone(k.X5t)
	c.X5tS256 = bytes.Clone(k.X5tS256)
	if k.X5c != nil {
		c.X5c = make([][]byte, len(k.X5c))
		for i, der := range k.X5c {
			c.X5c[i] = bytes.Clone(der)
		}
	}
	c.extra = slices.Clone(k.extra)
	return &c
}

// describe names the key for messages: "EC P-256", "RSA 2048-bit", "oct".
func (k *Key) describe() string {
	switch k.kty {
	case KeyTypeEC, KeyTypeOKP:
		return k.kty + " " + k.crv
	case KeyTypeRSA:
		return fmt.Sprintf("RSA %d-bit", k.Bits())
	}
	return k.kty
}

// Extra returns the members of the JWK this package does not interpret, in
// input order, with their raw JSON values (copied from Parse's input, so
// they do not change with it; do not modify them).
func (k *Key) Extra() []jose.Member {
	if k == nil {
		return nil
	}
	return slices.Clone(k.extra)
}

// New wraps a standard library key in a Key with no metadata. It accepts
// *rsa.PrivateKey, *rsa.PublicKey, *ecdsa.PrivateKey, *ecdsa.PublicKey (P-256,
// P-384, P-521), ed25519.PrivateKey, ed25519.PublicKey, *ecdh.PrivateKey and
// *ecdh.PublicKey (X25519, or a NIST curve, which becomes an EC key), and
// []byte (an oct key). Slices (oct and Ed25519 keys) are copied; pointers
// are kept, and the keys they point to must not change. Keys are checked as
// Parse checks them: an *rsa.PrivateKey's CRT values (Precomputed.Dp, Dq,
// Qinv) are all given and the ones its primes and D imply, as a JWK's
// "dp", "dq", "qi" must be, or all absent, and then computed for the Key
// (the caller's key is not changed).
func New(key any) (*Key, error) {
	k := &Key{}
	switch v := key.(type) {
	case *rsa.PrivateKey:
		if v == nil {
			break
		}
		c := *v // checkRSAPrivate may complete the CRT values: leave the caller's key alone
		c.Primes = slices.Clone(v.Primes)
		if err := checkRSAPrivate(&c); err != nil {
			return nil, err
		}
		k.kty, k.pub, k.prv = KeyTypeRSA, &c.PublicKey, &c
		return k, nil
	case *rsa.PublicKey:
		if v == nil {
			break
		}
		if err := checkRSAPublic(v); err != nil {
			return nil, err
		}
		k.kty, k.pub = KeyTypeRSA, v
		return k, nil
	case *ecdsa.PrivateKey:
		if v == nil {
			break
		}
		crv, err := ecCurveName(v.Curve)
		if err != nil {
			return nil, err
		}
		if v.D == nil || v.X == nil || v.Y == nil { // crypto/ecdsa would panic on them
			return nil, fmt.Errorf("jwk: EC private key without its scalar or point: %w", jose.ErrKey)
		}
		e, err := v.ECDH() // checks the scalar
		if err != nil {
			return nil, fmt.Errorf("jwk: invalid EC private key: %w", jose.ErrKey)
		}
		p, err := v.PublicKey.ECDH() // checks the point
		if err != nil {
			return nil, fmt.Errorf("jwk: invalid EC public key: %w", jose.ErrKey)
		}
		if !e.PublicKey().Equal(p) { // as Parse: "d" must match "x" and "y"
			return nil, fmt.Errorf("jwk: EC private key does not match its public key: %w", jose.ErrKey)
		}
		k.kty, k.crv, k.pub, k.prv = KeyTypeEC, crv, &v.PublicKey, v
		return k, nil
	case *ecdsa.PublicKey:
		if v == nil {
			break
		}
		crv, err := ecCurveName(v.Curve)
		if err != nil {
			return nil, err
		}
		if v.X == nil || v.Y == nil { // crypto/ecdsa would panic on them
			return nil, fmt.Errorf("jwk: EC public key without its point: %w", jose.ErrKey)
		}
		if _, err := v.ECDH(); err != nil {
			return nil, fmt.Errorf("jwk: invalid EC public key: %w", jose.ErrKey)
		}
		k.kty, k.crv, k.pub = KeyTypeEC, crv, v
		return k, nil
	case ed25519.PrivateKey:
		if len(v) != ed25519.PrivateKeySize {
			return nil, fmt.Errorf("jwk: Ed25519 private key of %d bytes: %w", len(v), jose.ErrKey)
		}
		// As Parse: the public half must be the one the seed implies.
		if subtle.ConstantTimeCompare(ed25519.NewKeyFromSeed(v.Seed())[ed25519.SeedSize:], v[ed25519.SeedSize:]) != 1 {
			return nil, fmt.Errorf("jwk: Ed25519 private key does not match its public key: %w", jose.ErrKey)
		}
		v = slices.Clone(v) // as Parse and oct keys: the key is its own
		k.kty, k.crv, k.pub, k.prv = KeyTypeOKP, CurveEd25519, v.Public(), v
		return k, nil
	case ed25519.PublicKey:
		if len(v) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("jwk: Ed25519 public key of %d bytes: %w", len(v), jose.ErrKey)
		}
		if ed25519check.SmallOrder(v) { // as Parse
			return nil, fmt.Errorf("jwk: Ed25519 public key is a point of small order, under which signatures can be forged: %w", jose.ErrKey)
		}
		if !ed25519check.PublicKey(v) {
			return nil, fmt.Errorf("jwk: Ed25519 public key is not the canonical encoding of a curve point: %w", jose.ErrKey)
		}
		k.kty, k.crv, k.pub = KeyTypeOKP, CurveEd25519, slices.Clone(v)
		return k, nil
	case *ecdh.PrivateKey:
		if v == nil {
			break
		}
		if v.Curve() == nil { // the zero PrivateKey: no key, and PublicKey panics
			return nil, keyErr("ECDH private key without a curve")
		}
		if v.Curve() != ecdh.X25519() {
			p, err := ecdhToECDSAPrivate(v)
			if err != nil {
				return nil, err
			}
			return New(p)
		}
		k.kty, k.crv, k.pub, k.prv = KeyTypeOKP, CurveX25519, v.PublicKey(), v
		return k, nil
	case *ecdh.PublicKey:
		if v == nil {
			break
		}
		if v.Curve() != ecdh.X25519() {
			p, err := ecdhToECDSAPublic(v)
			if err != nil {
				return nil, err
			}
			return New(p)
		}
		if x25519SmallOrder(v.Bytes()) {
			return nil, errX25519SmallOrder
		}
		k.kty, k.crv, k.pub = KeyTypeOKP, CurveX25519, v
		return k, nil
	case []byte:
		if len(v) == 0 {
			return nil, fmt.Errorf("jwk: empty oct key: %w", jose.ErrKey)
		}
		k.kty, k.sec = KeyTypeOct, slices.Clone(v)
		return k, nil
	default:
		return nil, fmt.Errorf("jwk: unsupported key type %T: %w", key, jose.ErrKey)
	}
	return nil, fmt.Errorf("jwk: nil key (%T): %w", key, jose.ErrKey)
}
