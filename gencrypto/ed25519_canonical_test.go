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
// All are refused as keys (ErrInvalidKey, by CheckPublicKey) before the
// signature is looked at; the edges of the encoding rule are tested in
// internal/ed25519check (TestPointCanonicalEncodings).
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
		if err := a.Verify(ed25519.PublicKey(identity), msg, sig); err != gencrypto.ErrInvalidKey {
			t.Fatalf("%s: the signature under the canonical identity: %v, want ErrInvalidKey (a key of small order)", a, err)
		}
		for name, pub := range map[string][]byte{"y = p + 1": pPlus1, "x = 0, sign bit set": signedZero} {
			if !ed25519.Verify(pub, msg, sig) {
				t.Fatalf("%s: crypto/ed25519 refuses it now; the test no longer shows anything", name)
			}
			if err := a.Verify(ed25519.PublicKey(pub), msg, sig); err != gencrypto.ErrInvalidKey {
				t.Errorf("%s Verify under the identity encoded with %s: %v, want ErrInvalidKey", a, name, err)
			}
		}
	}
}
