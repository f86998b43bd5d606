package gencrypto_test

import (
	"crypto/ed25519"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"math/big"
	"slices"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// smallOrderEd25519 are the canonical encodings of the eight points of
// order 1, 2, 4 and 8 on edwards25519 (the identity, (0, −1), (±√−1, 0)
// and the four points of order 8).
var smallOrderEd25519 = []string{
	"0100000000000000000000000000000000000000000000000000000000000000",
	"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
	"0000000000000000000000000000000000000000000000000000000000000000",
	"0000000000000000000000000000000000000000000000000000000000000080",
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
}

// TestEd25519SmallOrderPublicKeyRefused: under a public key A of small
// order, [k]A is the identity whenever the challenge k is a multiple of
// A's order, so R = [r]B, S = r is a signature anyone can make, with no
// private key, for one message in eight or fewer (every message under the
// identity). crypto/ed25519 accepts it (RFC 8032 does not exclude such
// keys); Verify refuses every small-order key, as libsodium does, since no
// honest key (a multiple of the base point) has small order. The test
// forges the signature under each of the eight points and checks that
// crypto/ed25519 accepts it and Verify refuses the key (ErrInvalidKey).
func TestEd25519SmallOrderPublicKeyRefused(t *testing.T) {
	seed := make([]byte, ed25519.SeedSize)
	seed[0] = 9
	h := sha512.Sum512(seed)
	h[0] &= 248
	h[31] &= 127
	h[31] |= 64
	r := slices.Clone(h[:32])
	slices.Reverse(r)
	s := new(big.Int).Mod(new(big.Int).SetBytes(r), ed25519L).FillBytes(make([]byte, 32))
	slices.Reverse(s)
	R := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	sig := append(slices.Clone([]byte(R)), s...) // R = [r]B, S = r mod L

	for _, enc := range smallOrderEd25519 {
		pub, _ := hex.DecodeString(enc)
		var msg []byte
		for i := 0; i < 256 && msg == nil; i++ {
			if m := fmt.Appendf(nil, "forged %d", i); ed25519.Verify(pub, m, sig) {
				msg = m
			}
		}
		if msg == nil {
			t.Fatalf("%s: no forgery found; the test no longer shows anything", enc)
		}
		for _, a := range []*gencrypto.Signature{gencrypto.EdDSA(), gencrypto.Ed25519()} {
			if err := a.Verify(ed25519.PublicKey(pub), msg, sig); err != gencrypto.ErrInvalidKey {
				t.Errorf("%s Verify of a forgery under the small-order key %s: %v, want ErrInvalidKey", a, enc, err)
			}
		}
	}
}

// TestEd25519SignWithImpossiblePublicHalf: an ed25519.PrivateKey whose
// second half is a small-order point or a non-canonical encoding cannot
// come from any seed, and its signatures would fail Verify. Sign refused
// them only after signing, as a backend's faulty output (an error that
// names the backend, not the key); it is ErrInvalidKey, before signing.
func TestEd25519SignWithImpossiblePublicHalf(t *testing.T) {
	seed := make([]byte, ed25519.SeedSize)
	nonCanonical, _ := hex.DecodeString("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
	for _, half := range append(slices.Clone(smallOrderEd25519), hex.EncodeToString(nonCanonical)) {
		pub, _ := hex.DecodeString(half)
		key := ed25519.PrivateKey(append(slices.Clone(seed), pub...))
		for _, a := range []*gencrypto.Signature{gencrypto.EdDSA(), gencrypto.Ed25519()} {
			if _, err := a.Sign(key, []byte("m")); err != gencrypto.ErrInvalidKey {
				t.Errorf("%s Sign with the public half %s: %v, want ErrInvalidKey", a, half, err)
			}
		}
	}
}
