package ed25519check

import (
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/subtle"
	"sync"
)

// maxCached bounds the keys each cache (privateKeys, publicKeys)
// remembers: 32 bytes and a map entry each.
const maxCached = 1024

// privateKeys remembers the private keys PrivateKey found consistent, by
// the SHA-256 of their 64 bytes. Keyed by content, the cache sees a key
// changed in place as another key, to be checked again, and works
// wherever the key lives; keyed by a hash, it holds no key and its map
// lookups, whose timing depends on the key they hash, tell nothing about
// it. (crypto/ed25519 keys its own cache by a weak pointer to the key's
// storage, with a copy of the key; weak.Make aborts the program on memory
// the Go heap does not manage, such as an mmap'd file.) At most maxCached
// are remembered; when full, one is forgotten (remember).
var privateKeys struct {
	mu     sync.RWMutex
	m      map[[sha256.Size]byte]struct{}
	forgot int // see remember
}

// PrivateKey reports whether priv is an Ed25519 private key as
// crypto/ed25519 makes it: 64 bytes, a seed followed by the public key the
// seed derives. crypto/ed25519 signs with the public half the key carries,
// which is hashed into the challenge: two signatures of one message under
// two different public halves reveal the private scalar (the "double
// public key oracle"). A public half of small order, which no seed
// derives, is refused first. The public half of a key that passes passes
// PublicKey.
//
// Deriving the public key is a scalar multiplication, three quarters of a
// signature: keys found consistent are remembered (privateKeys), so that
// the check of a key used again costs a SHA-256 of 64 bytes and a map
// lookup, and allocates nothing. PrivateKey is safe for concurrent use.
func PrivateKey(priv []byte) bool {
	if len(priv) != ed25519.PrivateKeySize || SmallOrder(priv[ed25519.SeedSize:]) {
		return false
	}
	// Check a copy, so that what is remembered is what was checked.
	snap := [ed25519.PrivateKeySize]byte(priv)
	defer clear(snap[:])
	d := sha256.Sum256(snap[:])
	privateKeys.mu.RLock()
	_, ok := privateKeys.m[d]
	privateKeys.mu.RUnlock()
	if ok {
		return true
	}
	derived := ed25519.NewKeyFromSeed(snap[:ed25519.SeedSize])
	ok = subtle.ConstantTimeCompare(derived[ed25519.SeedSize:], snap[ed25519.SeedSize:]) == 1
	clear(derived)
	if !ok {
		return false
	}
	privateKeys.mu.Lock()
	remember(&privateKeys.m, &privateKeys.forgot, d)
	privateKeys.mu.Unlock()
	return true
}

// remember adds k to *m, making the map if need be. When *m already holds
// maxCached keys, one of them is forgotten first: the first that ranging
// over the map gives, which Go starts at a random place. Forgetting one,
// not all, keeps most keys of a program that uses more than maxCached in
// turn (starting over would forget each before its next use), while keys
// seen once, from tokens say, still cannot keep a key out for long.
//
// *forgot counts the keys forgotten since the map was made: a Go map whose
// keys are deleted and inserted in turn keeps growing its tables (a slot
// deleted in a full group is not reused in place), to some 14 times a full
// map's memory after 2^20 keys. Once maxCached keys have been forgotten,
// the keys kept are moved to a new map, so the cache stays within a small
// multiple of a full map, for one more insertion per key forgotten.
func remember[K comparable](m *map[K]struct{}, forgot *int, k K) {
	if *m == nil {
		*m = make(map[K]struct{}, maxCached)
	}
	if len(*m) >= maxCached {
		if _, ok := (*m)[k]; ok {
			return
		}
		for old := range *m {
			delete(*m, old)
			break
		}
		if *forgot++; *forgot >= maxCached {
			n := make(map[K]struct{}, maxCached)
			for old := range *m {
				n[old] = struct{}{}
			}
			*m, *forgot = n, 0
		}
	}
	(*m)[k] = struct{}{}
}
