package ed25519check

import (
	"bytes"
	"crypto/ed25519"
	"sync"
	"testing"
)

// otherPublic is a valid public key that is not rfc8032Key's (RFC 8032
// §7.1 test 2's).
var otherPublic = mustHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")

// TestPrivateKeyMismatchedHalfRefused: a key whose second half is a valid
// public key, but not the seed's, is refused; so are a small-order half
// (which no seed derives), a flipped bit and a wrong length.
func TestPrivateKeyMismatchedHalfRefused(t *testing.T) {
	good := rfc8032Key()
	if !PrivateKey(good) {
		t.Fatal("RFC 8032 test 1's key refused")
	}
	mismatched := bytes.Clone(good)
	copy(mismatched[32:], otherPublic)
	flipped := bytes.Clone(good)
	flipped[40] ^= 1
	for name, k := range map[string][]byte{
		"another key's public half": mismatched,
		"one bit flipped":           flipped,
		"64 bytes":                  good[:63],
		"empty":                     nil,
	} {
		if PrivateKey(k) {
			t.Errorf("%s: accepted", name)
		}
	}
	for i := range smallOrderPoints {
		k := bytes.Clone(good)
		copy(k[32:], smallOrderPoints[i][:])
		if PrivateKey(k) {
			t.Errorf("small-order public half %x: accepted", smallOrderPoints[i])
		}
	}
}

// TestPrivateKeyMutatedInPlaceRechecked: a key found consistent, then
// changed in place (same storage, another public half, or another seed),
// is checked again rather than answered from the cache; changed back, it
// is accepted again.
func TestPrivateKeyMutatedInPlaceRechecked(t *testing.T) {
	k := rfc8032Key()
	if !PrivateKey(k) || !PrivateKey(k) {
		t.Fatal("a consistent key refused")
	}
	pub := bytes.Clone(k[32:])
	copy(k[32:], otherPublic)
	if PrivateKey(k) {
		t.Fatal("the key with its public half replaced in place was answered from the cache")
	}
	copy(k[32:], pub)
	if !PrivateKey(k) {
		t.Fatal("the key restored in place refused")
	}
	k[0] ^= 1 // another seed: the public half no longer matches
	if PrivateKey(k) {
		t.Fatal("the key with its seed changed in place was answered from the cache")
	}
	// A consistent key written over the same storage is accepted, and
	// replaces the copy: the old content is refused afterwards.
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	old := bytes.Clone(rfc8032Key())
	copy(k, other)
	if !PrivateKey(k) {
		t.Fatal("a consistent key written in place refused")
	}
	copy(k, old)
	copy(k[32:], other[32:])
	if PrivateKey(k) {
		t.Fatal("a mixed key accepted")
	}
}

// TestPrivateKeyCacheHitAllocatesNothing: checking a key already found
// consistent allocates nothing and does not derive the key again (the
// first check allocates the copy it remembers).
func TestPrivateKeyCacheHitAllocatesNothing(t *testing.T) {
	k := rfc8032Key()
	if !PrivateKey(k) {
		t.Fatal("refused")
	}
	if n := testing.AllocsPerRun(100, func() { PrivateKey(k) }); n != 0 {
		t.Errorf("a cache hit allocates %v times", n)
	}
	// A slice of the key's storage at another offset is another key:
	// no false hit.
	buf := make([]byte, 65)
	copy(buf[1:], k)
	if !PrivateKey(buf[1:]) {
		t.Fatal("the key at offset 1 refused")
	}
	copy(buf[1+32:], otherPublic)
	if PrivateKey(buf[1:]) {
		t.Fatal("the key at offset 1, changed, accepted")
	}
}

// TestPrivateKeyCacheBounded: however many distinct keys are checked,
// at most maxCached are remembered, and a mismatched key is refused
// whatever the cache holds, before and after it is full.
func TestPrivateKeyCacheBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("derives some 1100 keys (about 40 ms)")
	}
	var last ed25519.PrivateKey
	for i := range maxCached + 64 {
		seed := make([]byte, 32)
		seed[0], seed[1], seed[2] = byte(i), byte(i>>8), 0xa5
		last = ed25519.NewKeyFromSeed(seed)
		if !PrivateKey(last) {
			t.Fatalf("key %d refused", i)
		}
		privateKeys.mu.RLock()
		n := len(privateKeys.m)
		privateKeys.mu.RUnlock()
		if n > maxCached {
			t.Fatalf("%d keys remembered, above the bound %d", n, maxCached)
		}
	}
	bad := bytes.Clone(last)
	copy(bad[32:], otherPublic)
	if PrivateKey(bad) {
		t.Fatal("a mismatched key accepted")
	}
}

// TestPrivateKeyConcurrent exercises the cache from many goroutines (run
// it with -race): shared keys, fresh keys, and a mismatched key, whose
// answers must not change.
func TestPrivateKeyConcurrent(t *testing.T) {
	shared := rfc8032Key()
	bad := bytes.Clone(shared)
	copy(bad[32:], otherPublic)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				if !PrivateKey(shared) {
					t.Error("shared key refused")
				}
				if PrivateKey(bad) {
					t.Error("mismatched key accepted")
				}
				if i%10 == 0 {
					seed := make([]byte, 32)
					seed[0], seed[1] = byte(g), byte(i)
					if !PrivateKey(ed25519.NewKeyFromSeed(seed)) {
						t.Error("fresh key refused")
					}
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkPrivateKey measures the check of a private key already
// remembered (what every signature with the same key pays) against
// deriving its public key (what it would pay without the cache), and the
// same for a public key (every Verify) against the point check.
func BenchmarkPrivateKey(b *testing.B) {
	k := rfc8032Key()
	b.Run("remembered", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !PrivateKey(k) {
				b.Fatal("refused")
			}
		}
	})
	pub := k[32:]
	b.Run("public remembered", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !PublicKey(pub) {
				b.Fatal("refused")
			}
		}
	})
	b.Run("point", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Point(pub)
		}
	})
	b.Run("derive", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ed25519.NewKeyFromSeed(k[:32])
		}
	})
}
