package gencrypto

import (
	"crypto"
	"crypto/ecdh"
	"crypto/fips140"
	"crypto/rand"
)

// KeyAgreement is Diffie-Hellman on an elliptic curve: ECDH on P-256, P-384
// or P-521 (NIST SP 800-56A, the "Z" JWE ECDH-ES and COSE ECDH feed to
// their KDFs) or X25519 (RFC 7748).
//
// The zero KeyAgreement is no algorithm (use ECDHP256 and the others):
// GenerateKey and SharedSecret return an error wrapping ErrUnsupported,
// Curve returns the zero Curve and ECDHCurve returns nil.
type KeyAgreement struct {
	algInfo
	prim  string
	curve Curve
}

var (
	ecdhP256 = KeyAgreement{algInfo{"ECDH-P256", 0, false, KindKeyAgreement, KeyEC, true}, PrimECDHP256, CurveP256}
	ecdhP384 = KeyAgreement{algInfo{"ECDH-P384", 0, false, KindKeyAgreement, KeyEC, true}, PrimECDHP384, CurveP384}
	ecdhP521 = KeyAgreement{algInfo{"ECDH-P521", 0, false, KindKeyAgreement, KeyEC, true}, PrimECDHP521, CurveP521}
	x25519   = KeyAgreement{algInfo{"X25519", 0, false, KindKeyAgreement, KeyOKP, false}, PrimX25519, CurveX25519}
)

// ECDHP256 is ECDH on P-256.
func ECDHP256() *KeyAgreement { return &ecdhP256 }

// ECDHP384 is ECDH on P-384.
func ECDHP384() *KeyAgreement { return &ecdhP384 }

// ECDHP521 is ECDH on P-521.
func ECDHP521() *KeyAgreement { return &ecdhP521 }

// X25519 is the X25519 function of RFC 7748 §5.
func X25519() *KeyAgreement { return &x25519 }

// Primitive returns the Backend primitive of the curve (PrimECDHP256…,
// PrimX25519).
func (k *KeyAgreement) Primitive() string { return k.prim }

// Curve returns the curve.
func (k *KeyAgreement) Curve() Curve { return k.curve }

// ECDHCurve returns the crypto/ecdh curve, or nil for the zero
// KeyAgreement, which has none.
func (k *KeyAgreement) ECDHCurve() ecdh.Curve {
	switch k.curve {
	case CurveP256:
		return ecdh.P256()
	case CurveP384:
		return ecdh.P384()
	case CurveP521:
		return ecdh.P521()
	case CurveX25519:
		return ecdh.X25519()
	}
	return nil
}

// GenerateKey returns a new private key on the curve, made by crypto/ecdh.
// Under GODEBUG=fips140=only a curve that is not approved (X25519) is an
// *UnsupportedError with NotApproved set, as for every other operation.
func (k *KeyAgreement) GenerateKey() (*ecdh.PrivateKey, error) {
	if k.isZero() {
		return nil, zeroAlgorithm(k)
	}
	if !k.fips && fips140.Enforced() {
		return nil, &UnsupportedError{Algorithm: k.name, Backend: stdBackend.Name(), Primitive: k.prim, NotApproved: true}
	}
	return k.ECDHCurve().GenerateKey(rand.Reader)
}

// SharedSecret computes the shared secret of priv (an *ecdh.PrivateKey or any
// ecdh.KeyExchanger, such as a token-held key) and pub. Both must be on this
// algorithm's curve (ErrKeyType otherwise). An all-zero X25519 result (a
// low-order peer key, RFC 7748 §6.1) and any other failure the backend
// reports are ErrInvalidInput. A backend result that is not as long as the
// curve's shared secret (32, 48 or 66 bytes) is a bug in the backend, and
// is refused with an error that is none of the sentinels.
func (k *KeyAgreement) SharedSecret(priv crypto.PrivateKey, pub *ecdh.PublicKey, opts ...Option) ([]byte, error) {
	if k.isZero() {
		return nil, zeroAlgorithm(k)
	}
	want := k.ECDHCurve()
	if pub == nil || pub.Curve() != want {
		return nil, ErrKeyType
	}
	switch p := priv.(type) {
	case *ecdh.PrivateKey:
		if p == nil || p.Curve() != want {
			return nil, ErrKeyType
		}
	case ecdh.KeyExchanger:
		if p.Curve() != want {
			return nil, ErrKeyType
		}
	default:
		return nil, ErrKeyType
	}
	b, err := backendWith(opts, k, k.prim)
	if err != nil {
		return nil, err
	}
	z, err := b.ECDH(k.prim, priv, pub)
	if err != nil {
		return nil, passUnsupported(err, ErrInvalidInput)
	}
	if z, err = exactOutput(z, nil, k.secretSize()); err != nil {
		return nil, err
	}
	// On X25519 an all-zero result means a low-order peer key (RFC 7748
	// §6.1). On the NIST curves a zero x-coordinate is a valid shared
	// secret (Wycheproof "EdgeCaseSharedSecret"); invalid points cannot
	// reach here, since *ecdh.PublicKey is validated when it is made.
	if k.curve == CurveX25519 && isZero(z) {
		return nil, ErrInvalidInput
	}
	return z, nil
}

// secretSize is the length of the shared secret: the field element's, 32
// bytes for X25519 (RFC 7748 §5) and the x-coordinate's for the NIST curves
// (SP 800-56A §5.7.1.2, as crypto/ecdh returns it).
func (k *KeyAgreement) secretSize() int {
	switch k.curve {
	case CurveP384:
		return 48
	case CurveP521:
		return 66
	}
	return 32
}
