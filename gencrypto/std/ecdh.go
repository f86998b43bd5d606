package std

import (
	"crypto"
	"crypto/ecdh"

	"github.com/lwscrypto/lwscrypto/gencrypto/internal/sentinel"
)

func ecdhCurve(primitive string) (ecdh.Curve, bool) {
	switch primitive {
	case primECDHP256:
		return ecdh.P256(), true
	case primECDHP384:
		return ecdh.P384(), true
	case primECDHP521:
		return ecdh.P521(), true
	case primX25519:
		return ecdh.X25519(), true
	}
	return nil, false
}

// ECDH returns the shared secret of priv (an *ecdh.PrivateKey or any
// ecdh.KeyExchanger) and pub, both on the primitive's curve. crypto/ecdh
// validates public keys when they are made, and returns an error for an
// all-zero X25519 output (a low-order point, RFC 7748 §6.1), which matches
// gencrypto.ErrInvalidInput here.
func (*Backend) ECDH(primitive string, priv crypto.PrivateKey, pub crypto.PublicKey) ([]byte, error) {
	c, ok := ecdhCurve(primitive)
	if !ok {
		return nil, unsupported("key agreement " + primitive)
	}
	if err := checkFIPS(primitive); err != nil {
		return nil, err
	}
	p, ok := pub.(*ecdh.PublicKey)
	if !ok || p == nil || p.Curve() != c {
		return nil, errKeyType
	}
	switch k := priv.(type) {
	case *ecdh.PrivateKey:
		if k == nil || k.Curve() != c {
			return nil, errKeyType
		}
		s, err := k.ECDH(p)
		return s, withKind(err, sentinel.InvalidInput)
	case ecdh.KeyExchanger:
		if k.Curve() != c {
			return nil, errKeyType
		}
		return k.ECDH(p)
	}
	return nil, errKeyType
}
