package ed25519check

import (
	"encoding/binary"
	"runtime"
	"testing"
)

// heapAfterGC is the live heap after a collection.
func heapAfterGC() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestCacheMemoryBoundedUnderChurn: a full cache forgets one key for each
// new one, and a Go map whose keys are deleted and inserted in turn keeps
// growing its tables (deleted slots in full groups are not reused in
// place): after some 10^6 new keys the map held 1024 keys in about 14 times
// the memory of a fresh full map, and kept growing. However many keys pass
// through it, the cache must stay within a small multiple of a fresh full
// map's memory.
func TestCacheMemoryBoundedUnderChurn(t *testing.T) {
	if testing.Short() {
		t.Skip("inserts 10^6 keys (about 0.3 s)")
	}
	key := func(i int) (k [32]byte) {
		binary.LittleEndian.PutUint64(k[:], uint64(i)*0x9e3779b97f4a7c15)
		return k
	}
	var m map[[32]byte]struct{}
	forgot := 0
	base := heapAfterGC()
	for i := range maxCached {
		remember(&m, &forgot, key(i))
	}
	fresh := heapAfterGC() - base
	for i := maxCached; i < 1<<20; i++ {
		remember(&m, &forgot, key(i))
	}
	churned := heapAfterGC() - base
	if len(m) != maxCached {
		t.Fatalf("cache holds %d keys, want %d", len(m), maxCached)
	}
	if churned > 3*fresh {
		t.Errorf("after 2^20 keys the cache of %d keys takes %d bytes; a fresh full one %d", maxCached, churned, fresh)
	}
	runtime.KeepAlive(m)
}
