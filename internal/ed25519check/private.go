package ed25519check

import (
	"crypto/ed25519"
	"crypto/subtle"
	"runtime"
	"sync"
	"sync/atomic"
	"weak"
)

// PrivateKey reports whether priv is an Ed25519 private key as
// crypto/ed25519 makes it: 64 bytes, a seed followed by the public key the
// seed derives. crypto/ed25519 signs with the public half the key carries,
// which is hashed into the challenge: two signatures of one message under
// two different public halves reveal the private scalar (the "double
// public key oracle"). A public half of small order, which no seed
// derives, is refused first.
//
// Deriving the public key is a scalar multiplication, three quarters of a
// signature. Keys found consistent are remembered, as crypto/ed25519
// remembers the keys it signs with: by a weak pointer to the first byte of
// the key's storage, with a copy of the 64 bytes that were checked. A
// lookup compares the key, in constant time, with that copy, so a key
// changed in place since is checked again, never answered from the cache.
// An entry goes when the key's storage is collected; at most maxCached
// keys are remembered at once, beyond which keys are checked on every
// call. PrivateKey is safe for concurrent use; a caller that changes a
// key's bytes while another goroutine signs with them has a data race of
// its own.
func PrivateKey(priv []byte) bool {
	if len(priv) != ed25519.PrivateKeySize || SmallOrder(priv[ed25519.SeedSize:]) {
		return false
	}
	p := weak.Make(&priv[0])
	if v, ok := cache.m.Load(p); ok && subtle.ConstantTimeCompare(priv, v.(*[ed25519.PrivateKeySize]byte)[:]) == 1 {
		return true
	}
	// Check a copy, so that what is remembered is what was checked.
	snap := new([ed25519.PrivateKeySize]byte)
	copy(snap[:], priv)
	derived := ed25519.NewKeyFromSeed(snap[:ed25519.SeedSize])
	ok := subtle.ConstantTimeCompare(derived[ed25519.SeedSize:], snap[ed25519.SeedSize:]) == 1
	clear(derived)
	if !ok {
		clear(snap[:])
		return false
	}
	cache.remember(p, &priv[0], snap)
	return true
}

// maxCached bounds the keys the cache remembers: 64 bytes and a map entry
// each.
const maxCached = 1024

// cache maps weak.Pointer[byte] (the first byte of a key's storage) to the
// *[64]byte copy of the key last found consistent there. Entries are
// removed only by the cleanup that inserting them registered, when the
// storage is collected, so each entry has exactly one cleanup; n counts
// them.
var cache cacheT

type cacheT struct {
	m sync.Map
	n atomic.Int64
}

// remember stores snap, a consistent key whose storage begins at first,
// under p, replacing the copy of an earlier content of the same storage,
// or as a new entry if there is room.
func (c *cacheT) remember(p weak.Pointer[byte], first *byte, snap *[ed25519.PrivateKeySize]byte) {
	if old, ok := c.m.Load(p); ok {
		// Changed in place since it was remembered. The entry, and
		// its cleanup, stay; only the copy changes.
		if c.m.CompareAndSwap(p, old, snap) {
			return
		}
	}
	for {
		n := c.n.Load()
		if n >= maxCached {
			return
		}
		if c.n.CompareAndSwap(n, n+1) {
			break
		}
	}
	if _, loaded := c.m.LoadOrStore(p, snap); loaded {
		c.n.Add(-1) // another goroutine remembered it first
		return
	}
	runtime.AddCleanup(first, c.evict, p)
}

// evict forgets the key whose storage has been collected. No lookup can
// be using its copy: a lookup holds the storage, and with it the entry,
// alive.
func (c *cacheT) evict(p weak.Pointer[byte]) {
	if v, ok := c.m.LoadAndDelete(p); ok {
		clear(v.(*[ed25519.PrivateKeySize]byte)[:])
		c.n.Add(-1)
	}
}
