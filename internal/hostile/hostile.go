// Package hostile builds the oversized and worst-case inputs that bounds
// tests across the module feed to parsers: keys whose validation costs grow
// with their size, and objects whose member names defeat pairwise checks.
// Tests only.
package hostile

import (
	"crypto/rand"
	"encoding/asn1"
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// RSAPrivateDER returns a PKCS #1 RSA private key whose modulus has the
// given size and is the product of its "primes" (random odd numbers), with
// CRT values computed from them: consistent enough for the standard
// library's validation to do all its big-number work.
func RSAPrivateDER(t testing.TB, bits int) []byte {
	t.Helper()
	one := big.NewInt(1)
	// p has ⌈bits/2⌉ bits and q ⌊bits/2⌋, each with its top two bits set,
	// so that p·q ≥ 2^(bits-1)·(9/8): exactly bits bits, odd sizes included.
	factor := func(size int) *big.Int {
		x, _ := rand.Int(rand.Reader, new(big.Int).Lsh(one, uint(size)))
		return x.SetBit(x, 0, 1).SetBit(x, size-1, 1).SetBit(x, size-2, 1)
	}
	p, q := factor(bits-bits/2), factor(bits/2)
	n := new(big.Int).Mul(p, q)
	d, _ := rand.Int(rand.Reader, n)
	qi := new(big.Int).ModInverse(q, p)
	if qi == nil {
		qi = one
	}
	der, err := asn1.Marshal(struct {
		Version               int
		N                     *big.Int
		E                     int
		D, P, Q, Dp, Dq, Qinv *big.Int
	}{0, n, 65537, d, p, q,
		new(big.Int).Mod(d, new(big.Int).Sub(p, one)),
		new(big.Int).Mod(d, new(big.Int).Sub(q, one)), qi})
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// CaseVariantObject returns a JSON object of n members whose names are l
// bytes long, all of the letter c but their last bytes (a decimal counter,
// four digits, or as many as n-1 needs): equal in length and differing only
// at the end, the worst case for comparing names for case variants one pair
// at a time. It panics if l is shorter than the counter.
func CaseVariantObject(n, l int, c byte) string {
	width := max(4, len(fmt.Sprint(n-1)))
	if l < width {
		panic(fmt.Sprintf("hostile: names of %d bytes cannot hold a %d-digit counter", l, width))
	}
	var b strings.Builder
	b.WriteByte('{')
	pre := strings.Repeat(string(c), l-width)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"%s%0*d":1`, pre, width, i)
	}
	b.WriteByte('}')
	return b.String()
}
