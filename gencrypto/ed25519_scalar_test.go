package gencrypto_test

import (
	"crypto"
	"crypto/ed25519"
	"errors"
	"math/big"
	"slices"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// ed25519L is the order of the Ed25519 base point, 2^252 +
// 27742317777372353535851937790883648493 (RFC 8032 §5.1).
var ed25519L = func() *big.Int {
	l, _ := new(big.Int).SetString("27742317777372353535851937790883648493", 10)
	return l.Add(l, new(big.Int).Lsh(big.NewInt(1), 252))
}()

// addL returns sig with L added to its S half, little-endian: the same
// point equation holds, so an implementation that reduces S modulo L
// accepts it.
func addL(sig []byte) []byte {
	s := slices.Clone(sig[32:])
	slices.Reverse(s)
	n := new(big.Int).Add(new(big.Int).SetBytes(s), ed25519L)
	le := n.FillBytes(make([]byte, 32))
	slices.Reverse(le)
	return append(slices.Clone(sig[:32]), le...)
}

// reducingEd25519 is the default backend with an Ed25519 that reduces S
// modulo L instead of refusing S ≥ L, as lax implementations did.
type reducingEd25519 struct{ *fakeBackend }

func (b reducingEd25519) Verify(p string, pub crypto.PublicKey, h crypto.Hash, msg, sig []byte) error {
	if p == gencrypto.PrimEd25519 && len(sig) == 64 {
		s := slices.Clone(sig[32:])
		slices.Reverse(s)
		n := new(big.Int).Mod(new(big.Int).SetBytes(s), ed25519L)
		le := n.FillBytes(make([]byte, 32))
		slices.Reverse(le)
		sig = append(slices.Clone(sig[:32]), le...)
	}
	return b.fakeBackend.Verify(p, pub, h, msg, sig)
}

// breakS is the default backend whose Ed25519 signatures come out with L
// added to S.
type breakS struct{ *fakeBackend }

func (b breakS) Sign(p string, key crypto.Signer, h crypto.Hash, msg []byte) ([]byte, error) {
	sig, err := b.fakeBackend.Sign(p, key, h, msg)
	if err != nil || p != gencrypto.PrimEd25519 {
		return sig, err
	}
	return addL(sig), nil
}

// TestEd25519NonCanonicalS: RFC 8032 §5.1.7 step 1 makes a signature whose
// S is not below L invalid, which keeps Ed25519 signatures non-malleable
// (RFC 8037 §3.1 uses it as is). The registry enforces it whatever the
// backend, as it enforces 0 < r, s < n for ECDSA: (R, S+L) is ErrVerify
// even with a backend that reduces S, and Sign refuses to hand out such a
// signature from a backend. The signature itself verifies.
func TestEd25519NonCanonicalS(t *testing.T) {
	key := getKeys(t).ed
	pub := key.Public().(ed25519.PublicKey)
	msg := []byte("pay 10 to Bob")
	for _, a := range []*gencrypto.Signature{gencrypto.EdDSA(), gencrypto.Ed25519()} {
		sig, err := a.Sign(key, msg)
		if err != nil {
			t.Fatal(err)
		}
		lax := gencrypto.WithBackend(reducingEd25519{newFake()})
		if err := a.Verify(pub, msg, sig, lax); err != nil {
			t.Fatalf("%s Verify(own signature): %v", a, err)
		}
		if err := a.Verify(pub, msg, addL(sig), lax); !errors.Is(err, gencrypto.ErrVerify) {
			t.Errorf("%s Verify(R, S+L) with a backend that reduces S: %v, want ErrVerify", a, err)
		}
		if got, err := a.Sign(key, msg, gencrypto.WithBackend(breakS{newFake()})); got != nil || !errors.Is(err, gencrypto.ErrBackendOutput) {
			t.Errorf("%s Sign, backend signature with S ≥ L: %x, %v; want the malformed-result error", a, got, err)
		}
	}
}
