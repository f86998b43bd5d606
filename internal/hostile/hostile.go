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
	half := new(big.Int).Lsh(one, uint(bits/2))
	p, _ := rand.Int(rand.Reader, half)
	q, _ := rand.Int(rand.Reader, half)
	p.SetBit(p, 0, 1).SetBit(p, bits/2-1, 1)
	q.SetBit(q, 0, 1).SetBit(q, bits/2-1, 1)
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
// bytes long (l ≥ 4), all of the letter c but their last four bytes (a
// counter): equal in length and differing only at the end, the worst case
// for comparing names for case variants one pair at a time.
func CaseVariantObject(n, l int, c byte) string {
	var b strings.Builder
	b.WriteByte('{')
	pre := strings.Repeat(string(c), l-4)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"%s%04d":1`, pre, i)
	}
	b.WriteByte('}')
	return b.String()
}
