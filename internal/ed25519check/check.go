// Package ed25519check holds the checks of Ed25519 keys that gencrypto and
// jose/jwk both apply: a public key must be the canonical encoding of a
// point of edwards25519 (Point) that is not of small order (SmallOrder),
// and a private key must be its seed followed by the public key that seed
// derives (PrivateKey). crypto/ed25519 checks none of these: it decodes
// non-canonical encodings and small-order points, and signs with whatever
// public half the private key carries.
package ed25519check

import (
	"bytes"
	"crypto/ed25519"
	"sync"
)

// smallOrderPoints are the canonical encodings of the eight points of
// order 1, 2, 4 and 8 of edwards25519 (order dividing the cofactor): the
// identity (0, 1), (0, −1) of order 2, the two with y = 0 (order 4) and the
// four of order 8. Their non-canonical encodings (y + p for y = 0 and 1,
// x = 0 with the sign bit set) Point refuses.
var smallOrderPoints = [8][32]byte{
	{0x01},
	{0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
	{},
	{31: 0x80},
	{0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
		0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a},
	{0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
		0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0xfa},
	{0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
		0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05},
	{0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
		0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x85},
}

// SmallOrder reports whether a is the canonical encoding of a point of
// small order. Under such a key [k]A is the identity for one challenge k in
// eight or more, so R = [r]B, S = r verifies without any private key (for
// every message under the identity); RFC 8032 does not exclude these keys,
// but no honest key, a multiple of the base point, is one of them, and
// libsodium refuses them too. The key is public: the comparison need not
// be constant-time.
func SmallOrder(a []byte) bool {
	for i := range smallOrderPoints {
		if bytes.Equal(a, smallOrderPoints[i][:]) {
			return true
		}
	}
	return false
}

// publicKeys remembers the public keys PublicKey accepted, by content (a
// public key is no secret): like privateKeys, it sees a key changed in
// place as another key and works wherever the key lives. At most maxCached
// are remembered; when full, one is forgotten (remember).
var publicKeys struct {
	mu     sync.RWMutex
	m      map[[ed25519.PublicKeySize]byte]struct{}
	forgot int // see remember
}

// PublicKey reports whether a is an Ed25519 public key a private key can
// have: 32 bytes, the canonical encoding of a curve point (Point), not of
// small order (SmallOrder). Point is an exponentiation in the field (some
// 10 µs, a fifth of a signature verification), so keys accepted are
// remembered, and a key checked again costs a map lookup and allocates
// nothing.
func PublicKey(a []byte) bool {
	if len(a) != ed25519.PublicKeySize || SmallOrder(a) {
		return false
	}
	k := [ed25519.PublicKeySize]byte(a)
	publicKeys.mu.RLock()
	_, ok := publicKeys.m[k]
	publicKeys.mu.RUnlock()
	if ok {
		return true
	}
	if !Point(k[:]) {
		return false
	}
	publicKeys.mu.Lock()
	remember(&publicKeys.m, &publicKeys.forgot, k)
	publicKeys.mu.Unlock()
	return true
}
