package testenv

import "runtime"

// AllocatedBytes returns the bytes f allocates per run, averaged over runs
// runs after one warm-up run (which fills pools and caches, so that what
// is measured is the steady state). It reads runtime.MemStats, which
// counts every goroutine: tests using it must not run in parallel.
func AllocatedBytes(runs int, f func()) uint64 {
	var a, b runtime.MemStats
	f()
	runtime.ReadMemStats(&a)
	for range runs {
		f()
	}
	runtime.ReadMemStats(&b)
	return (b.TotalAlloc - a.TotalAlloc) / uint64(runs)
}
