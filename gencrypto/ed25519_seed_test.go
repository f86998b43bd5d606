package gencrypto_test

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// mismatchedEd25519 returns a consistent key and the same seed with the
// public half of another key: crypto/ed25519 signs with either, and two
// signatures of one message under the two reveal the private scalar
// (s1 − s2 = (k1 − k2)·a, with the challenges k known).
func mismatchedEd25519() (good, bad ed25519.PrivateKey) {
	good = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, ed25519.SeedSize))
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{4}, ed25519.SeedSize))
	bad = bytes.Clone(good)
	copy(bad[ed25519.SeedSize:], other[ed25519.SeedSize:])
	return good, bad
}

// TestEd25519SeedMismatchRefused: an ed25519.PrivateKey (or a pointer to
// one) whose second half is a valid public key, but not the one its seed
// derives, is refused with ErrInvalidKey by Sign and PublicKeyOf, before
// signing; so is a direct call of the std backend. Before, Sign signed
// with it, and a second signature of the same message under the real
// key gave the private scalar away.
func TestEd25519SeedMismatchRefused(t *testing.T) {
	good, bad := mismatchedEd25519()
	msg := []byte("one message, two public halves")
	for _, a := range []*gencrypto.Signature{gencrypto.EdDSA(), gencrypto.Ed25519()} {
		if _, err := a.Sign(good, msg); err != nil {
			t.Fatalf("%s Sign with a consistent key: %v", a, err)
		}
		if _, err := a.Sign(bad, msg); !errors.Is(err, gencrypto.ErrInvalidKey) {
			t.Errorf("%s Sign with a mismatched public half: %v, want ErrInvalidKey", a, err)
		}
		if _, err := a.Sign(&bad, msg); !errors.Is(err, gencrypto.ErrInvalidKey) {
			t.Errorf("%s Sign with a pointer to a mismatched key: %v, want ErrInvalidKey", a, err)
		}
	}
	if _, err := gencrypto.PublicKeyOf(bad); !errors.Is(err, gencrypto.ErrInvalidKey) {
		t.Errorf("PublicKeyOf a mismatched key: %v, want ErrInvalidKey", err)
	}
	if _, err := new(std.Backend).Sign(gencrypto.PrimEd25519, bad, 0, msg); err == nil {
		t.Error("std Backend.Sign with a mismatched key signed")
	}
}

// TestEd25519KeyMutatedInPlaceRechecked: a key that signed once, then had
// its public half replaced in the same storage, is checked again (the
// check of a key is remembered, but only for the bytes it saw).
func TestEd25519KeyMutatedInPlaceRechecked(t *testing.T) {
	good, bad := mismatchedEd25519()
	key := ed25519.PrivateKey(bytes.Clone(good))
	msg := []byte("m")
	if _, err := gencrypto.EdDSA().Sign(key, msg); err != nil {
		t.Fatal(err)
	}
	copy(key[ed25519.SeedSize:], bad[ed25519.SeedSize:])
	if _, err := gencrypto.EdDSA().Sign(key, msg); !errors.Is(err, gencrypto.ErrInvalidKey) {
		t.Errorf("Sign after the public half was replaced in place: %v, want ErrInvalidKey", err)
	}
	if _, err := new(std.Backend).Sign(gencrypto.PrimEd25519, key, 0, msg); err == nil {
		t.Error("std Backend.Sign after the public half was replaced in place signed")
	}
	copy(key, good)
	if _, err := gencrypto.EdDSA().Sign(key, msg); err != nil {
		t.Errorf("Sign after the key was restored: %v", err)
	}
}

// TestEd25519SignAllocsWithSeedCheck: the seed check does not add
// allocations to signing again and again with one key: EdDSA Sign
// allocates 5 times (the signature and crypto/ed25519's own work), as it
// did before the check.
func TestEd25519SignAllocsWithSeedCheck(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	good, _ := mismatchedEd25519()
	var key crypto.Signer = good // boxed once, as a caller holding a Signer
	msg := make([]byte, 256)
	if n := testing.AllocsPerRun(100, func() {
		if _, err := gencrypto.EdDSA().Sign(key, msg); err != nil {
			t.Fatal(err)
		}
	}); n > 5 {
		t.Errorf("EdDSA Sign: %v allocations, want at most 5", n)
	}
}

// TestEd25519KeyForOtherAlgorithmIsKeyType: an ed25519.PrivateKey (or a
// pointer to one) given to an ECDSA or RSA algorithm is ErrKeyType, the
// type being checked before anything else, whether or not its halves
// match; the seed check is EdDSA's. Before, Sign derived the public key
// from the seed first, so a mismatched key given to ES256 or RS256 was
// ErrInvalidKey, after a scalar multiplication (SignDigest likewise).
func TestEd25519KeyForOtherAlgorithmIsKeyType(t *testing.T) {
	good, bad := mismatchedEd25519()
	msg := []byte("m")
	for _, a := range []*gencrypto.Signature{gencrypto.ES256(), gencrypto.RS256(), gencrypto.PS256()} {
		for name, key := range map[string]crypto.Signer{"consistent": good, "mismatched": bad, "pointer to mismatched": &bad} {
			if _, err := a.Sign(key, msg); !errors.Is(err, gencrypto.ErrKeyType) {
				t.Errorf("%s Sign with a %s Ed25519 key: %v, want ErrKeyType", a, name, err)
			}
			if _, err := a.SignDigest(key, make([]byte, 32)); !errors.Is(err, gencrypto.ErrKeyType) {
				t.Errorf("%s SignDigest with a %s Ed25519 key: %v, want ErrKeyType", a, name, err)
			}
		}
	}
}
