package testenv

import (
	"runtime/debug"
	"sync"
	"testing"
)

// TestAllocatedBytesSteadyUnderCollections: what AllocatedBytes and
// AllocsPerRun count for a call that takes a pooled buffer and makes
// garbage is the call's own allocation, the same in every run, even when
// collections (here at GOGC=1, one every call or two) would empty the
// pool between calls and make the pool allocate its buffer again.
func TestAllocatedBytesSteadyUnderCollections(t *testing.T) {
	if Race {
		t.Skip("sync.Pool drops items at random under -race")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	pool := sync.Pool{New: func() any { return new([4096]byte) }}
	var sink []byte
	f := func() {
		b := pool.Get().(*[4096]byte)
		sink = make([]byte, 64<<10) // the call's own allocation: 64 KiB of garbage
		pool.Put(b)
	}
	for i := range 5 {
		if got := AllocatedBytes(100, f); got != 64<<10 {
			t.Errorf("measurement %d: AllocatedBytes %d, want %d", i, got, 64<<10)
		}
		if got := AllocsPerRun(100, f); got != 1 {
			t.Errorf("measurement %d: AllocsPerRun %v, want 1", i, got)
		}
	}
	_ = sink
}
