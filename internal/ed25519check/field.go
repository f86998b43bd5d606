package ed25519check

import (
	"encoding/binary"
	"math/bits"
)

// fe is an element of GF(2^255 − 19) in four little-endian 64-bit limbs,
// any value below 2^256 (congruent mod p): what Point needs, without
// math/big's allocations. Public values only: nothing here is constant
// time.
type fe [4]uint64

// feP is p = 2^255 − 19.
var feP = fe{0xffffffffffffffed, 0xffffffffffffffff, 0xffffffffffffffff, 0x7fffffffffffffff}

// feD is edwards25519's d = −121665/121666 mod p (RFC 8032 §5.1).
var feD = fe{0x75eb4dca135978a3, 0x00700a4d4141d8ab, 0x8cc740797779e898, 0x52036cee2b6ffe73}

// feMul returns a·b mod p (below 2^256, not always below p).
func feMul(a, b *fe) fe {
	var t [8]uint64
	for i := range 4 {
		var carry uint64
		for j := range 4 {
			hi, lo := bits.Mul64(a[i], b[j])
			var c uint64
			lo, c = bits.Add64(lo, t[i+j], 0)
			hi += c
			lo, c = bits.Add64(lo, carry, 0)
			hi += c
			t[i+j], carry = lo, hi
		}
		t[i+4] = carry
	}
	// 2^256 ≡ 38 (mod p): fold the high half in, twice.
	var r fe
	var carry uint64
	for i := range 4 {
		hi, lo := bits.Mul64(t[i+4], 38)
		var c uint64
		lo, c = bits.Add64(lo, t[i], 0)
		hi += c
		lo, c = bits.Add64(lo, carry, 0)
		hi += c
		r[i], carry = lo, hi
	}
	var c uint64
	r[0], c = bits.Add64(r[0], carry*38, 0)
	r[1], c = bits.Add64(r[1], 0, c)
	r[2], c = bits.Add64(r[2], 0, c)
	r[3], c = bits.Add64(r[3], 0, c)
	r[0] += c * 38 // a carry out leaves r below 38·39: no second one
	return r
}

// feSquareN returns a^(2^n).
func feSquareN(a fe, n int) fe {
	for range n {
		a = feMul(&a, &a)
	}
	return a
}

// feCanonical returns a reduced below p (a < 2^256 = 2p + 38).
func feCanonical(a fe) fe {
	for range 2 {
		var s fe
		var b uint64
		s[0], b = bits.Sub64(a[0], feP[0], 0)
		s[1], b = bits.Sub64(a[1], feP[1], b)
		s[2], b = bits.Sub64(a[2], feP[2], b)
		s[3], b = bits.Sub64(a[3], feP[3], b)
		if b == 0 {
			a = s
		}
	}
	return a
}

// feLegendre returns a^((p−1)/2) mod p, reduced: 0 for a ≡ 0, 1 for a
// square, p − 1 for a non-square. (p − 1)/2 = 2^254 − 10 = (2^250 − 1)·2^4
// + 6, with 2^250 − 1 by the addition chain of ref10's inversion.
func feLegendre(z fe) fe {
	z2 := feMul(&z, &z)                // z^2
	t := feSquareN(z2, 2)              // z^8
	z9 := feMul(&t, &z)                // z^9
	z11 := feMul(&z9, &z2)             // z^11
	t = feMul(&z11, &z11)              // z^22
	z5 := feMul(&t, &z9)               // z^(2^5 − 1)
	t = feSquareN(z5, 5)               //
	z10 := feMul(&t, &z5)              // z^(2^10 − 1)
	t = feSquareN(z10, 10)             //
	z20 := feMul(&t, &z10)             // z^(2^20 − 1)
	t = feSquareN(z20, 20)             //
	t = feMul(&t, &z20)                // z^(2^40 − 1)
	t = feSquareN(t, 10)               //
	z50 := feMul(&t, &z10)             // z^(2^50 − 1)
	t = feSquareN(z50, 50)             //
	z100 := feMul(&t, &z50)            // z^(2^100 − 1)
	t = feSquareN(z100, 100)           //
	t = feMul(&t, &z100)               // z^(2^200 − 1)
	t = feSquareN(t, 50)               //
	t = feMul(&t, &z50)                // z^(2^250 − 1)
	t = feSquareN(t, 4)                // z^(2^254 − 16)
	z4 := feMul(&z2, &z2)              // z^4
	z6 := feMul(&z4, &z2)              // z^6
	return feCanonical(feMul(&t, &z6)) // z^(2^254 − 10)
}

// Point reports whether the 32 bytes x are the canonical encoding
// of an edwards25519 point (RFC 8032 §5.1.3): y < p, x² = (y² − 1) /
// (d·y² + 1) has a root, that is (y² − 1)(d·y² + 1) is a square or zero mod
// p (d·y² + 1 is never zero: −1/d is not a square), and x = 0 has no sign
// bit. crypto/ed25519 also decodes y ≥ p (reduced) and "−0": other
// encodings of small-order points, refused here. It allocates nothing.
func Point(x []byte) bool {
	if len(x) != 32 {
		return false
	}
	var y fe
	for i := range y {
		y[i] = binary.LittleEndian.Uint64(x[8*i:])
	}
	sign := y[3] >> 63
	y[3] &^= 1 << 63
	if feCanonical(y) != y { // y ≥ p
		return false
	}
	y2 := feCanonical(feMul(&y, &y))
	if y2 == (fe{1}) { // y = ±1: x = 0
		return sign == 0
	}
	u := y2 // y² − 1, y² ≠ 1
	if u == (fe{}) {
		u = fe{feP[0] - 1, feP[1], feP[2], feP[3]}
	} else {
		var b uint64
		u[0], b = bits.Sub64(u[0], 1, 0)
		u[1], b = bits.Sub64(u[1], 0, b)
		u[2], b = bits.Sub64(u[2], 0, b)
		u[3], _ = bits.Sub64(u[3], 0, b)
	}
	v := feCanonical(feMul(&y2, &feD)) // d·y² + 1, below p + 1
	var c uint64
	v[0], c = bits.Add64(v[0], 1, 0)
	v[1], c = bits.Add64(v[1], 0, c)
	v[2], c = bits.Add64(v[2], 0, c)
	v[3], _ = bits.Add64(v[3], 0, c)
	return feLegendre(feMul(&u, &v)) != fe{feP[0] - 1, feP[1], feP[2], feP[3]}
}
