package ed25519check

import (
	"crypto/rand"
	"encoding/binary"
	"math/big"
	"testing"
)

// pointBig is Point written with math/big, the reference the
// field arithmetic is checked against.
func pointBig(x []byte) bool {
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(19))
	d := new(big.Int).ModInverse(big.NewInt(121666), p)
	d.Mul(d, big.NewInt(-121665)).Mod(d, p)
	var le [32]byte
	for i, b := range x {
		le[31-i] = b
	}
	sign := le[0] >> 7
	le[0] &= 0x7f
	y := new(big.Int).SetBytes(le[:])
	if y.Cmp(p) >= 0 {
		return false
	}
	y2 := y.Mul(y, y).Mod(y, p)
	u := new(big.Int).Sub(y2, big.NewInt(1))
	if u.Sign() == 0 {
		return sign == 0
	}
	v := new(big.Int).Mul(y2, d)
	v.Add(v, big.NewInt(1))
	u.Mul(u, v).Mod(u, p)
	return big.Jacobi(u, p) >= 0
}

// TestEd25519PointMatchesBigInt: Point, in fixed-size field
// arithmetic, agrees with the math/big reference on random encodings, on
// y near 0, 1, p − 1, p and 2^255 − 1 with either sign, and on limb
// boundaries (where carries are).
func TestEd25519PointMatchesBigInt(t *testing.T) {
	var cases [][]byte
	for range 2000 {
		b := make([]byte, 32)
		rand.Read(b)
		cases = append(cases, b)
	}
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(19))
	var edges []*big.Int
	for _, base := range []*big.Int{big.NewInt(0), big.NewInt(1), p, new(big.Int).Lsh(big.NewInt(1), 255),
		new(big.Int).Lsh(big.NewInt(1), 64), new(big.Int).Lsh(big.NewInt(1), 128), new(big.Int).Lsh(big.NewInt(1), 192)} {
		for off := int64(-40); off <= 40; off++ {
			edges = append(edges, new(big.Int).Add(base, big.NewInt(off)))
		}
	}
	for _, y := range edges {
		if y.Sign() < 0 || y.BitLen() > 255 {
			continue
		}
		var be [32]byte
		y.FillBytes(be[:])
		for _, sign := range []byte{0, 0x80} {
			le := make([]byte, 32)
			for i := range le {
				le[i] = be[31-i]
			}
			le[31] |= sign
			cases = append(cases, le)
		}
	}
	points := 0
	for _, x := range cases {
		want := pointBig(x)
		if got := Point(x); got != want {
			t.Errorf("Point(%x) = %v, math/big says %v", x, got, want)
		}
		if want {
			points++
		}
	}
	if points < 500 {
		t.Fatalf("only %d points among %d cases: the reference is broken", points, len(cases))
	}
}

// TestEd25519PointAllocatesNothing: the point check of every Ed25519 key
// Parse or New reads (per token for TrustEmbeddedJWK) allocates nothing.
// Written with math/big, it allocated 98 times (1.6 KB, big.Jacobi) per
// key, nine in ten of Parse's for an Ed25519 JWK; it took about as long (some
// 10 µs, the fixed-size exponentiation is no faster).
func TestEd25519PointAllocatesNothing(t *testing.T) {
	x := mustHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a") // RFC 8032 test 1
	if !Point(x) {
		t.Fatal("RFC 8032's first public key refused")
	}
	if n := testing.AllocsPerRun(100, func() { Point(x) }); n != 0 {
		t.Errorf("Point allocates %v times", n)
	}
}

// TestFeMulMatchesBigInt: feMul of any two values below 2^256 (its inputs
// need not be reduced) is congruent to their product mod p, and
// feCanonical reduces it, on random values and the largest ones.
func TestFeMulMatchesBigInt(t *testing.T) {
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(19))
	toBig := func(a fe) *big.Int {
		var be [32]byte
		for i, l := range a {
			for j := range 8 {
				be[31-8*i-j] = byte(l >> (8 * j))
			}
		}
		return new(big.Int).SetBytes(be[:])
	}
	max := fe{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	pairs := [][2]fe{{max, max}, {max, {}}, {max, {1}}, {feP, feP}, {{feP[0] + 1, feP[1], feP[2], feP[3]}, max}}
	for range 5000 {
		var a, b fe
		for i := range 4 {
			var w [16]byte
			rand.Read(w[:])
			a[i], b[i] = binary.LittleEndian.Uint64(w[:8]), binary.LittleEndian.Uint64(w[8:])
		}
		pairs = append(pairs, [2]fe{a, b})
	}
	for _, ab := range pairs {
		got := feCanonical(feMul(&ab[0], &ab[1]))
		want := new(big.Int).Mul(toBig(ab[0]), toBig(ab[1]))
		want.Mod(want, p)
		if toBig(got).Cmp(want) != 0 {
			t.Fatalf("feMul(%x, %x) = %x, want %x", ab[0], ab[1], toBig(got), want)
		}
	}
}

// FuzzEd25519PointMatchesBigInt: Point agrees with the math/big
// reference on any 32 bytes.
func FuzzEd25519PointMatchesBigInt(f *testing.F) {
	f.Add(mustHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
	f.Add(mustHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"))
	f.Fuzz(func(t *testing.T, x []byte) {
		if len(x) != 32 {
			return
		}
		if got, want := Point(x), pointBig(x); got != want {
			t.Fatalf("Point(%x) = %v, math/big says %v", x, got, want)
		}
	})
}
