package ed25519check

import (
	"crypto/subtle"
	"runtime"
	"sync"
	"sync/atomic"
	"weak"
)

// maxCached bounds the keys each cache remembers: a copy of the key and a
// map entry each.
const maxCached = 1024

// keyCache remembers keys found valid, as crypto/ed25519 remembers the
// keys it signs with (crypto/internal/fips140cache): by a weak pointer to
// the first byte of the key's storage (a key is a slice, passed around by
// value), with a copy of the bytes that were checked. A lookup compares
// the key with that copy in constant time, so a key changed in place is
// checked again, never answered from the cache. It maps
// weak.Pointer[byte] to a *keyCopy. Entries are removed only by the
// cleanup that inserting them registered, when the storage is collected,
// so each entry has exactly one cleanup; n counts them, at most
// maxCached: keys beyond are checked on every call. A keyCache is safe for
// concurrent use; a caller that changes a key's bytes while another
// goroutine uses them has a data race of its own.
type keyCache struct {
	m sync.Map
	n atomic.Int64
}

// keyCopy is the copy of a key remembered (a pointer in the map, which
// compares values).
type keyCopy struct{ b []byte }

// known reports whether key, at p, is the content last remembered there.
// It allocates nothing.
func (c *keyCache) known(p weak.Pointer[byte], key []byte) bool {
	v, ok := c.m.Load(p)
	return ok && subtle.ConstantTimeCompare(key, v.(*keyCopy).b) == 1
}

// remember stores snap, a copy of a key found valid whose storage begins
// at first, under p, replacing the copy of an earlier content of the same
// storage, or as a new entry if there is room.
func (c *keyCache) remember(p weak.Pointer[byte], first *byte, snap []byte) {
	v := &keyCopy{snap}
	if old, ok := c.m.Load(p); ok {
		// Changed in place since it was remembered. The entry, and its
		// cleanup, stay; only the copy changes.
		if c.m.CompareAndSwap(p, old, v) {
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
	if _, loaded := c.m.LoadOrStore(p, v); loaded {
		c.n.Add(-1) // another goroutine remembered it first
		return
	}
	runtime.AddCleanup(first, c.evict, p)
}

// evict forgets the key whose storage has been collected, clearing its
// copy. No lookup can be using the copy: a lookup holds the storage, and
// with it the entry, alive.
func (c *keyCache) evict(p weak.Pointer[byte]) {
	if v, ok := c.m.LoadAndDelete(p); ok {
		clear(v.(*keyCopy).b)
		c.n.Add(-1)
	}
}
