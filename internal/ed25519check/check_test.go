package ed25519check

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"testing"
)

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// rfc8032Key is RFC 8032 §7.1 test 1's key.
func rfc8032Key() ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(mustHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
}

// TestSmallOrderPointsAreSmallOrder: each of the eight encodings is the
// canonical encoding of a point (Point) whose multiple by 8 is the
// identity (checked with crypto/ed25519: a signature R = identity,
// S = 0 then verifies for some message), and PublicKey refuses it while
// accepting a real key.
func TestSmallOrderPointsAreSmallOrder(t *testing.T) {
	identity := smallOrderPoints[0][:]
	for i := range smallOrderPoints {
		a := smallOrderPoints[i][:]
		if !Point(a) || !SmallOrder(a) || PublicKey(a) {
			t.Errorf("%x: Point %v, SmallOrder %v, PublicKey %v", a, Point(a), SmallOrder(a), PublicKey(a))
		}
		// [8]A = identity: for the challenge k of some message with
		// k ≡ 0 mod A's order, identity ‖ 0 verifies. One of the
		// first few hundred messages has one.
		sig := append(append([]byte{}, identity...), make([]byte, 32)...)
		found := false
		for m := range 512 {
			if ed25519.Verify(a, []byte{byte(m), byte(m >> 8)}, sig) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%x: no forgery among 512 messages; not of small order?", a)
		}
	}
	pub := rfc8032Key().Public().(ed25519.PublicKey)
	if !PublicKey(pub) || SmallOrder(pub) {
		t.Error("RFC 8032's first public key refused")
	}
	for _, bad := range [][]byte{nil, pub[:31], append(pub[:32:32], 0)} {
		if PublicKey(bad) {
			t.Errorf("%d bytes accepted", len(bad))
		}
	}
}

// TestPublicKeyRememberedRechecked: PublicKey agrees with Point and
// SmallOrder on random encodings (about half no point) asked twice, the
// second answer from the cache for the accepted ones; a key accepted,
// then changed in place to no point or to a small-order point, is
// refused; a hit allocates nothing.
func TestPublicKeyRememberedRechecked(t *testing.T) {
	for i := range 200 {
		a := make([]byte, 32)
		for j := range a {
			a[j] = byte(i*31 + j*j*7 + j)
		}
		want := Point(a) && !SmallOrder(a)
		if PublicKey(a) != want || PublicKey(a) != want {
			t.Fatalf("PublicKey(%x) disagrees with Point and SmallOrder (%v)", a, want)
		}
	}
	a := bytes.Clone(rfc8032Key()[32:])
	if !PublicKey(a) || !PublicKey(a) {
		t.Fatal("RFC 8032's first public key refused")
	}
	if n := testing.AllocsPerRun(100, func() { PublicKey(a) }); n != 0 {
		t.Errorf("a remembered public key: %v allocations", n)
	}
	orig := bytes.Clone(a)
	a[0] = 2
	a[31] = 0 // y = 2: no point
	clear(a[1:31])
	if Point(a) {
		t.Fatal("y = 2 is a point: the test shows nothing")
	}
	if PublicKey(a) {
		t.Error("a key changed in place to no point was answered from the cache")
	}
	copy(a, smallOrderPoints[4][:])
	if PublicKey(a) {
		t.Error("a key changed in place to a small-order point was accepted")
	}
	copy(a, orig)
	if !PublicKey(a) {
		t.Error("the key restored in place refused")
	}
}

// TestPointCanonicalEncodings checks the canonical-encoding rule of
// RFC 8032 §5.1.3 on the values at its edges, most of them no point or
// no valid key, so that no signature shows the answer: y = p − 1, p, p + 1
// and 2^255 − 1, and the sign bit on y = ±1 (x = 0). crypto/ed25519
// decodes y ≥ p (reduced) and x = 0 with the sign bit ("−0"); Point
// refuses them.
func TestPointCanonicalEncodings(t *testing.T) {
	enc := func(low byte, fill byte, top byte) []byte {
		b := bytes.Repeat([]byte{fill}, 32)
		b[0], b[31] = low, top
		return b
	}
	for _, tc := range []struct {
		name string
		a    []byte
	}{
		{"y = 1, sign bit", enc(1, 0, 0x80)},
		{"y = p − 1, sign bit", enc(0xec, 0xff, 0xff)},
		{"y = p", enc(0xed, 0xff, 0x7f)},
		{"y = p, sign bit", enc(0xed, 0xff, 0xff)},
		{"y = p + 1", enc(0xee, 0xff, 0x7f)},
		{"y = 2^255 − 1", enc(0xff, 0xff, 0x7f)},
	} {
		if Point(tc.a) || PublicKey(tc.a) {
			t.Errorf("%s (%x): accepted", tc.name, tc.a)
		}
	}
	for _, tc := range []struct {
		name string
		a    []byte
	}{
		{"y = 1", enc(1, 0, 0)},
		{"y = p − 1", enc(0xec, 0xff, 0x7f)},
	} {
		if !Point(tc.a) || !SmallOrder(tc.a) {
			t.Errorf("%s (%x): not the canonical encoding of a small-order point", tc.name, tc.a)
		}
	}
}

// TestPublicKeyCacheBounded: however many distinct valid keys are checked,
// the cache holds at most maxCached, and keys are still answered right
// after it is full.
func TestPublicKeyCacheBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("derives some 1100 public keys (about 40 ms)")
	}
	var first []byte
	for i := range maxCached + 50 {
		seed := make([]byte, 32)
		seed[0], seed[1], seed[2] = byte(i), byte(i>>8), 0x5a
		pub := ed25519.NewKeyFromSeed(seed)[32:]
		if first == nil {
			first = pub
		}
		if !PublicKey(pub) {
			t.Fatalf("key %d refused", i)
		}
		publicKeys.mu.RLock()
		n := len(publicKeys.m)
		publicKeys.mu.RUnlock()
		if n > maxCached {
			t.Fatalf("%d keys remembered, above %d", n, maxCached)
		}
	}
	if !PublicKey(first) {
		t.Fatal("a key refused once the cache started over")
	}
}

// TestCachesEvictOneWhenFull: a full cache makes room by forgetting one
// key, not all of them, so that a program using more than maxCached keys
// in turn still finds most of them remembered (starting over would find
// none: every key would be forgotten before its next use).
func TestCachesEvictOneWhenFull(t *testing.T) {
	if testing.Short() {
		t.Skip("derives some 2,000 keys (about 80 ms)")
	}
	for i := range maxCached + 1 {
		seed := make([]byte, 32)
		seed[0], seed[1], seed[2] = byte(i), byte(i>>8), 0x3c
		priv := ed25519.NewKeyFromSeed(seed)
		if !PrivateKey(priv) || !PublicKey(priv[32:]) {
			t.Fatalf("key %d refused", i)
		}
	}
	privateKeys.mu.RLock()
	np := len(privateKeys.m)
	privateKeys.mu.RUnlock()
	publicKeys.mu.RLock()
	nq := len(publicKeys.m)
	publicKeys.mu.RUnlock()
	if np != maxCached || nq != maxCached {
		t.Fatalf("after %d keys the caches hold %d private and %d public keys; want %d each", maxCached+1, np, nq, maxCached)
	}
}
