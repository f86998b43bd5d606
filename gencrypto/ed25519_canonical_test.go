package gencrypto_test

import (
	"crypto/ed25519"
	"crypto/sha512"
	"math/big"
	"slices"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestEd25519NonCanonicalPublicKey: RFC 8032 §5.1.7 step 1 makes a
// signature invalid when the public key A fails to decode, and decoding
// (§5.1.3) fails for a y-coordinate of p or more (step 1) and for x = 0
// with the sign bit set (step 4). crypto/ed25519 accepts both on purpose
// (it follows the ecosystem, not the RFC), so a signature under such an
// encoding of the identity verified, while the package doc promises
// RFC 8032 §5.1.7 whatever the backend. The signature used is valid under
// the identity: R = [r]B and S = r, for r taken from a real key. The
// canonical encoding of the identity is refused too, as a key of small
// order (TestEd25519SmallOrderPublicKeyRefused), though the RFC accepts it.
func TestEd25519NonCanonicalPublicKey(t *testing.T) {
	seed := make([]byte, ed25519.SeedSize)
	seed[0] = 7
	priv := ed25519.NewKeyFromSeed(seed)
	h := sha512.Sum512(seed)
	h[0] &= 248
	h[31] &= 127
	h[31] |= 64
	r := slices.Clone(h[:32])
	slices.Reverse(r)
	s := new(big.Int).Mod(new(big.Int).SetBytes(r), ed25519L).FillBytes(make([]byte, 32))
	slices.Reverse(s)
	sig := append(slices.Clone([]byte(priv.Public().(ed25519.PublicKey))), s...) // R = [r]B, S = r mod L

	identity := make([]byte, 32)
	identity[0] = 1        // y = 1, x = 0 (RFC 8032 §5.1.2)
	pPlus1 := []byte{0xee} // y = p + 1 = 2^255 − 18, little-endian: y = 1 not reduced
	pPlus1 = append(pPlus1, slices.Repeat([]byte{0xff}, 30)...)
	pPlus1 = append(pPlus1, 0x7f)
	signedZero := slices.Clone(identity)
	signedZero[31] |= 0x80 // x = 0 with the sign bit set
	msg := []byte("any message at all")
	for _, a := range []*gencrypto.Signature{gencrypto.EdDSA(), gencrypto.Ed25519()} {
		if !ed25519.Verify(identity, msg, sig) {
			t.Fatal("crypto/ed25519 refuses the signature under the canonical identity; the test no longer shows anything")
		}
		if err := a.Verify(ed25519.PublicKey(identity), msg, sig); err != gencrypto.ErrVerify {
			t.Fatalf("%s: the signature under the canonical identity: %v, want ErrVerify (a key of small order)", a, err)
		}
		for name, pub := range map[string][]byte{"y = p + 1": pPlus1, "x = 0, sign bit set": signedZero} {
			if !ed25519.Verify(pub, msg, sig) {
				t.Fatalf("%s: crypto/ed25519 refuses it now; the test no longer shows anything", name)
			}
			if err := a.Verify(ed25519.PublicKey(pub), msg, sig); err != gencrypto.ErrVerify {
				t.Errorf("%s Verify under the identity encoded with %s: %v, want ErrVerify", a, name, err)
			}
		}
	}
}

// TestEd25519CanonicalEncodings checks the canonical-encoding rule on the
// values at its edges, most of which no valid signature can be found for,
// so that Verify cannot show the answer (an internal test for that
// reason): y = p − 1, p, p + 1 and 2^255 − 1, and the sign bit on y = ±1
// (x = 0) and on y = 0 and 2 (x ≠ 0).
func TestEd25519CanonicalEncodings(t *testing.T) {
	enc := func(low byte, fill byte, top byte) []byte {
		b := slices.Repeat([]byte{fill}, 32)
		b[0], b[31] = low, top
		return b
	}
	for _, tc := range []struct {
		name string
		a    []byte
		ok   bool
	}{
		{"y = 1", enc(1, 0, 0), true},
		{"y = 1, sign bit", enc(1, 0, 0x80), false},
		{"y = 0, sign bit", enc(0, 0, 0x80), true},
		{"y = 2, sign bit", enc(2, 0, 0x80), true},
		{"y = p − 2, sign bit", enc(0xeb, 0xff, 0xff), true},
		{"y = p − 1", enc(0xec, 0xff, 0x7f), true},
		{"y = p − 1, sign bit", enc(0xec, 0xff, 0xff), false},
		{"y = p", enc(0xed, 0xff, 0x7f), false},
		{"y = p, sign bit", enc(0xed, 0xff, 0xff), false},
		{"y = p + 1", enc(0xee, 0xff, 0x7f), false},
		{"y = 2^255 − 1", enc(0xff, 0xff, 0x7f), false},
		{"y = 2^255 − 1 − 2^8", func() []byte { b := enc(0xff, 0xff, 0x7f); b[1] = 0xfe; return b }(), true},
		{"a real key", getKeys(t).ed.Public().(ed25519.PublicKey), true},
	} {
		if got := gencrypto.Ed25519Canonical(tc.a); got != tc.ok {
			t.Errorf("%s (%x): canonical %v, want %v", tc.name, tc.a, got, tc.ok)
		}
	}
	// Every y within 40 of 0, of p and of 2^255, with and without the sign
	// bit, against the rule computed with math/big.
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(19))
	pm1 := new(big.Int).Sub(p, big.NewInt(1))
	for _, base := range []*big.Int{big.NewInt(0), p, new(big.Int).Lsh(big.NewInt(1), 255)} {
		for k := int64(-40); k <= 40; k++ {
			y := new(big.Int).Add(base, big.NewInt(k))
			if y.Sign() < 0 || y.BitLen() > 255 {
				continue
			}
			for _, sign := range []bool{false, true} {
				a := y.FillBytes(make([]byte, 32))
				slices.Reverse(a)
				if sign {
					a[31] |= 0x80
				}
				want := y.Cmp(p) < 0 && !(sign && (y.Cmp(big.NewInt(1)) == 0 || y.Cmp(pm1) == 0))
				if got := gencrypto.Ed25519Canonical(a); got != want {
					t.Errorf("y = %v, sign %v: canonical %v, want %v", y, sign, got, want)
				}
			}
		}
	}
}
