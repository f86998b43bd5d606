package jwk

// This file turns decoded JWK key parameters (big-endian byte strings, RFC
// 7518 §6) into standard library keys and back, with every consistency check
// RFC 7518 and RFC 8037 ask for. It knows no JSON.

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/subtle"
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/lwscrypto/lwscrypto/internal/ed25519check"
	"github.com/lwscrypto/lwscrypto/jose"
)

// Bounds on RSA keys accepted at parse time. The lower bound only keeps out
// toys; whether a key is big enough for an algorithm is decided when it is
// used (gencrypto requires 2048 bits for every RSA algorithm).
const (
	minRSABits = 512
	maxRSABits = 16384
)

func keyErr(format string, args ...any) error {
	return fmt.Errorf("jwk: "+format+": %w", append(args, jose.ErrKey)...)
}

// uintParam checks a Base64urlUInt (RFC 7518 §2): at least one octet and no
// leading zero octet (the value zero is a single zero octet).
func uintParam(name string, b []byte) (*big.Int, error) {
	if len(b) == 0 {
		return nil, keyErr("%q is empty", name)
	}
	if b[0] == 0 && len(b) > 1 {
		return nil, keyErr("%q has a leading zero octet", name)
	}
	return new(big.Int).SetBytes(b), nil
}

// rsaParams are the decoded RSA members; nil means absent.
type rsaParams struct {
	n, e, d, p, q, dp, dq, qi []byte
	oth                       bool
}

func buildRSA(r *rsaParams) (*Key, error) {
	if r.n == nil || r.e == nil {
		return nil, keyErr(`RSA key needs "n" and "e"`)
	}
	n, err := uintParam("n", r.n)
	if err != nil {
		return nil, err
	}
	eb, err := uintParam("e", r.e)
	if err != nil {
		return nil, err
	}
	if eb.BitLen() > 31 {
		return nil, keyErr("RSA exponent too large")
	}
	pub := &rsa.PublicKey{N: n, E: int(eb.Int64())}
	if err := checkRSAPublic(pub); err != nil {
		return nil, err
	}
	k := &Key{kty: KeyTypeRSA, pub: pub}
	if r.oth {
		return nil, keyErr(`multi-prime RSA keys ("oth") are not supported`)
	}
	priv := r.d != nil || r.p != nil || r.q != nil || r.dp != nil || r.dq != nil || r.qi != nil
	if !priv {
		return k, nil
	}
	if r.d == nil || r.p == nil || r.q == nil || r.dp == nil || r.dq == nil || r.qi == nil {
		return nil, keyErr(`private RSA key needs all of "d", "p", "q", "dp", "dq", "qi"`)
	}
	var ints [6]*big.Int
	for i, v := range [][]byte{r.d, r.p, r.q, r.dp, r.dq, r.qi} {
		if ints[i], err = uintParam([]string{"d", "p", "q", "dp", "dq", "qi"}[i], v); err != nil {
			return nil, err
		}
	}
	// checkRSAPrivate checks n = p·q before anything costs more than a
	// multiplication, and the CRT values against p, q and d.
	pk := &rsa.PrivateKey{
		PublicKey:   *pub,
		D:           ints[0],
		Primes:      []*big.Int{ints[1], ints[2]},
		Precomputed: rsa.PrecomputedValues{Dp: ints[3], Dq: ints[4], Qinv: ints[5]},
	}
	if err := checkRSAPrivate(pk); err != nil {
		return nil, err
	}
	k.pub, k.prv = &pk.PublicKey, pk
	return k, nil
}

func checkRSAPublic(pub *rsa.PublicKey) error {
	if pub.N == nil || pub.N.Sign() <= 0 {
		return keyErr("RSA modulus missing")
	}
	if b := pub.N.BitLen(); b < minRSABits || b > maxRSABits {
		return keyErr("RSA modulus of %d bits is outside %d…%d", b, minRSABits, maxRSABits)
	}
	if pub.N.Bit(0) == 0 {
		return keyErr("RSA modulus is even")
	}
	if pub.E < 3 || pub.E&1 == 0 {
		return keyErr("RSA public exponent %d is not an odd number ≥ 3", pub.E)
	}
	// As buildRSA, so that every way in (New, SPKI) takes what a JWK
	// takes and what MarshalJSON writes, Parse reads.
	if int64(pub.E) > math.MaxInt32 {
		return keyErr("RSA public exponent %d is larger than 2^31−1", pub.E)
	}
	if hasROCAFingerprint(pub.N) {
		return keyErr("RSA modulus has the ROCA fingerprint (CVE-2017-15361): the key is weak")
	}
	return nil
}

// checkRSAFactors checks n = p·q before the standard library validates a
// key: its validation inverts q modulo p by exponentiation first, at a cost
// growing with the cube of p's size, which n does not bound. The sizes are
// compared before multiplying, so the product costs no more than n's size.
// crypto/rsa itself checks only p·q ≡ 0 (mod n), of the absolute values.
func checkRSAFactors(n, p, q *big.Int) error {
	if p.Sign() <= 0 || q.Sign() <= 0 { // New's caller can give −p and −q
		return keyErr("RSA primes are not positive")
	}
	if p.BitLen()+q.BitLen() > n.BitLen()+1 || new(big.Int).Mul(p, q).Cmp(n) != 0 {
		return keyErr("RSA primes do not multiply to the modulus")
	}
	return nil
}

// checkRSAPrivate checks n = p·q (checkRSAFactors), d·e ≡ 1 (mod λ(n)) and
// the CRT values, through crypto/rsa, and precomputes them when none are
// given. Given CRT values (all three: some alone are refused) must be the
// ones p, q and d imply: crypto/rsa checks them (dp, dq reduced and
// matching d, qi reduced and inverting q mod p) rather than computing
// them, which also spares it the exponentiation that inverts q.
func checkRSAPrivate(pk *rsa.PrivateKey) error {
	if err := checkRSAPublic(&pk.PublicKey); err != nil {
		return err
	}
	if len(pk.Primes) != 2 {
		return keyErr("RSA keys with %d primes are not supported", len(pk.Primes))
	}
	if pk.Primes[0] == nil || pk.Primes[1] == nil {
		return keyErr("RSA private key without its primes")
	}
	if pk.D == nil || pk.D.Sign() <= 0 || pk.D.Cmp(pk.N) >= 0 {
		return keyErr(`RSA "d" out of range`)
	}
	// crypto/rsa checks only p·q ≡ 0 (mod n).
	if err := checkRSAFactors(pk.N, pk.Primes[0], pk.Primes[1]); err != nil {
		return err
	}
	pre := &pk.Precomputed
	switch given := btoi(pre.Dp != nil) + btoi(pre.Dq != nil) + btoi(pre.Qinv != nil); given {
	case 0:
		*pre = rsa.PrecomputedValues{}
	case 3:
		if pre.Dp.Sign() < 0 || pre.Dq.Sign() < 0 || pre.Qinv.Sign() < 0 {
			return keyErr("inconsistent RSA private key (negative CRT value)")
		}
		// Drop crypto/rsa's checked copy and the other primes' values:
		// crypto/rsa checks the three values again.
		*pre = rsa.PrecomputedValues{Dp: pre.Dp, Dq: pre.Dq, Qinv: pre.Qinv}
	default:
		return keyErr("RSA private key with %d of its 3 CRT values", given)
	}
	// Precompute checks the key (and leaves it without CRT values when it
	// fails); Validate then reports why, at no cost when it passed.
	pk.Precompute()
	if err := pk.Validate(); err != nil {
		return keyErr("inconsistent RSA private key (%v)", err)
	}
	if pre.Dp == nil || pre.Dq == nil || pre.Qinv == nil {
		return keyErr("inconsistent RSA private key")
	}
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ecCurve returns the elliptic and ECDH curves for a "crv" and the field
// size in bytes.
func ecCurve(crv string) (elliptic.Curve, ecdh.Curve, int, error) {
	switch crv {
	case CurveP256:
		return elliptic.P256(), ecdh.P256(), 32, nil
	case CurveP384:
		return elliptic.P384(), ecdh.P384(), 48, nil
	case CurveP521:
		return elliptic.P521(), ecdh.P521(), 66, nil
	}
	return nil, nil, 0, keyErr("unsupported EC curve %s", jose.QuoteName(crv))
}

func ecCurveName(c elliptic.Curve) (string, error) {
	switch c {
	case elliptic.P256():
		return CurveP256, nil
	case elliptic.P384():
		return CurveP384, nil
	case elliptic.P521():
		return CurveP521, nil
	}
	if c == nil {
		return "", keyErr("EC key without a curve")
	}
	return "", keyErr("unsupported EC curve %s", c.Params().Name)
}

// buildEC makes an EC key. x and y (and d) must be exactly the field size
// (RFC 7518 §6.2.1.2, §6.2.2.1); the point must be on the curve and not the
// point at infinity (checked by crypto/ecdsa) and d in [1, n−1] and
// matching the point.
func buildEC(crv string, x, y, d []byte) (*Key, error) {
	ec, _, size, err := ecCurve(crv)
	if err != nil {
		return nil, err
	}
	if x == nil || y == nil {
		return nil, keyErr(`EC key needs "x" and "y"`)
	}
	if len(x) != size || len(y) != size {
		return nil, keyErr("EC %s coordinates must be %d bytes, got %d and %d", crv, size, len(x), len(y))
	}
	point := make([]byte, 0, 1+2*size)
	point = append(append(append(point, 4), x...), y...)
	// ParseUncompressedPublicKey rejects points off the curve and the point
	// at infinity (SEC 1 §3.2.2 public key validation).
	pub, err := ecdsa.ParseUncompressedPublicKey(ec, point)
	if err != nil {
		return nil, keyErr("EC point is not on %s", crv)
	}
	k := &Key{kty: KeyTypeEC, crv: crv, pub: pub}
	if d == nil {
		return k, nil
	}
	if len(d) != size {
		return nil, keyErr(`EC %s "d" must be %d bytes, got %d`, crv, size, len(d))
	}
	priv, err := ecdsa.ParseRawPrivateKey(ec, d)
	if err != nil {
		return nil, keyErr(`EC "d" is out of range`)
	}
	if !priv.PublicKey.Equal(pub) {
		return nil, keyErr(`EC "d" does not match "x" and "y"`)
	}
	k.pub, k.prv = &priv.PublicKey, priv
	return k, nil
}

// ecCoords returns the fixed-length x and y of an EC public key.
func ecCoords(pub *ecdsa.PublicKey) (x, y []byte) {
	b, err := pub.Bytes()
	if err != nil {
		panic("jwk: EC key checked at construction cannot be encoded: " + err.Error())
	}
	size := (len(b) - 1) / 2
	return b[1 : 1+size], b[1+size:]
}

func ecPrivateBytes(p *ecdsa.PrivateKey) []byte {
	b, err := p.Bytes()
	if err != nil {
		panic("jwk: EC key checked at construction cannot be encoded: " + err.Error())
	}
	return b
}

// buildOKP makes an Ed25519 or X25519 key (RFC 8037 §2): "x" 32 bytes, "d"
// 32 bytes and matching "x".
func buildOKP(crv string, x, d []byte) (*Key, error) {
	if x == nil {
		return nil, keyErr(`OKP key needs "x"`)
	}
	switch crv {
	case CurveEd25519:
		if len(x) != ed25519.PublicKeySize {
			return nil, keyErr(`Ed25519 "x" must be 32 bytes, got %d`, len(x))
		}
		// SmallOrder matches canonical encodings only, so the order of the
		// two checks does not change which error a key gets. PublicKey
		// remembers the key, so that gencrypto's check of it when it
		// verifies (CheckPublicKey) costs a lookup, not a second
		// exponentiation.
		if ed25519check.SmallOrder(x) {
			return nil, keyErr(`Ed25519 "x" is a point of small order, under which signatures can be forged`)
		}
		if !ed25519check.PublicKey(x) {
			return nil, keyErr(`Ed25519 "x" is not the canonical encoding of a curve point`)
		}
		k := &Key{kty: KeyTypeOKP, crv: crv, pub: ed25519.PublicKey(bytes.Clone(x))}
		if d == nil {
			return k, nil
		}
		if len(d) != ed25519.SeedSize {
			return nil, keyErr(`Ed25519 "d" must be 32 bytes, got %d`, len(d))
		}
		priv := ed25519.NewKeyFromSeed(d)
		if subtle.ConstantTimeCompare(priv[32:], x) != 1 {
			return nil, keyErr(`Ed25519 "d" does not match "x"`)
		}
		k.pub, k.prv = priv.Public(), priv
		return k, nil
	case CurveX25519:
		if len(x) != 32 {
			return nil, keyErr(`X25519 "x" must be 32 bytes, got %d`, len(x))
		}
		pub, err := ecdh.X25519().NewPublicKey(x)
		if err != nil {
			return nil, x25519Refused(err)
		}
		if x25519SmallOrder(x) {
			return nil, errX25519SmallOrder
		}
		k := &Key{kty: KeyTypeOKP, crv: crv, pub: pub}
		if d == nil {
			return k, nil
		}
		if len(d) != 32 {
			return nil, keyErr(`X25519 "d" must be 32 bytes, got %d`, len(d))
		}
		priv, err := ecdh.X25519().NewPrivateKey(d)
		if err != nil {
			return nil, x25519Refused(err)
		}
		if !priv.PublicKey().Equal(pub) {
			return nil, keyErr(`X25519 "d" does not match "x"`)
		}
		k.pub, k.prv = priv.PublicKey(), priv
		return k, nil
	case "Ed448", "X448":
		return nil, keyErr("OKP curve %s is not supported yet", crv)
	}
	return nil, keyErr("unsupported OKP curve %s", jose.QuoteName(crv))
}

// x25519Refused is the error of a 32-byte X25519 key crypto/ecdh refuses:
// under GODEBUG=fips140=only it refuses every one, by policy, and the error
// matches errors.ErrUnsupported too (as gencrypto's backend reports such a
// refusal); crypto/ecdh refuses nothing else of that length.
func x25519Refused(err error) error {
	return fmt.Errorf("jwk: X25519 key refused (%v): %w: %w", err, jose.ErrKey, errors.ErrUnsupported)
}

func ecdhToECDSAPublic(p *ecdh.PublicKey) (*ecdsa.PublicKey, error) {
	var c elliptic.Curve
	switch p.Curve() {
	case ecdh.P256():
		c = elliptic.P256()
	case ecdh.P384():
		c = elliptic.P384()
	case ecdh.P521():
		c = elliptic.P521()
	default:
		return nil, keyErr("unsupported ECDH curve %v", p.Curve())
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(c, p.Bytes())
	if err != nil {
		return nil, keyErr("invalid ECDH public key")
	}
	return pub, nil
}

func ecdhToECDSAPrivate(p *ecdh.PrivateKey) (*ecdsa.PrivateKey, error) {
	pub, err := ecdhToECDSAPublic(p.PublicKey())
	if err != nil {
		return nil, err
	}
	priv, err := ecdsa.ParseRawPrivateKey(pub.Curve, p.Bytes())
	if err != nil {
		return nil, keyErr("invalid ECDH private key")
	}
	return priv, nil
}

// x25519SmallOrderU are the little-endian u-coordinates of the X25519
// points of small order (RFC 7748 §7): 0, 1, the two points of order 8,
// and p−1, p, p+1 (p and p+1 being non-canonical encodings of 0 and 1).
// Every private key's ECDH with one of them is all zeros.
var x25519SmallOrderU = [...][32]byte{
	{},
	{1},
	{0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3, 0xfa, 0xf1, 0x9f, 0xc4, 0x6a,
		0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32, 0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49, 0xb8, 0x00},
	{0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1, 0x55, 0x9c, 0x83, 0xef, 0x5b,
		0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c, 0x8e, 0x86, 0xd8, 0x22, 0x4e, 0xdd, 0xd0, 0x9f, 0x11, 0x57},
	{0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
	{0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
	{0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
}

// x25519SmallOrder reports whether the 32-byte X25519 public key x is of
// small order, its top bit ignored as X25519 ignores it (RFC 7748 §5).
func x25519SmallOrder(x []byte) bool {
	if len(x) != 32 {
		return false
	}
	u := [32]byte(x)
	u[31] &= 0x7f
	for _, s := range x25519SmallOrderU {
		if u == s {
			return true
		}
	}
	return false
}

// errX25519SmallOrder refuses an X25519 public key of small order: no
// private key has one, and ECDH with one gives the all-zero secret
// whatever the other side's key (crypto/ecdh refuses that output too, so
// an ECDH on this package's keys is covered twice).
var errX25519SmallOrder = keyErr(`X25519 "x" is a point of small order, with which ECDH gives the all-zero secret`)
