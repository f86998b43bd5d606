package testenv

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// AllocatedBytes returns the bytes f allocates per run, averaged over runs
// runs after one warm-up run (which fills pools and caches, so that what
// is measured is the steady state). From before the warm-up to the end of
// the measurement the garbage collector is off (see AllocsPerRun) and
// GOMAXPROCS is 1, as testing.AllocsPerRun sets it: a sync.Pool keeps an
// item put back in a slot of the P that ran the Put, which a Get on
// another P does not look in, so a goroutine moved between Ps by the
// scheduler allocated a pooled object again (in 3 of 40 runs of
// jose.TestHeaderAllocationBound with 2 Ps, none with 1). So the result is
// the same from run to run. It reads runtime.MemStats, which counts every
// goroutine: tests using it must not run in parallel.
func AllocatedBytes(runs int, f func()) uint64 {
	defer gcOff()()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var a, b runtime.MemStats
	f()
	runtime.ReadMemStats(&a)
	for range runs {
		f()
	}
	runtime.ReadMemStats(&b)
	return (b.TotalAlloc - a.TotalAlloc) / uint64(runs)
}

// AllocsPerRun is testing.AllocsPerRun with the garbage collector off from
// before its warm-up run to the end of its measurement. A collection
// empties every sync.Pool (over two cycles), and each pooled object taken
// afterwards is allocated again: with the collector on, a measurement that
// allocates enough to start collections counts a varying number of those
// refills on top of what f itself allocates per call, by chance and by the
// machine's load. With it off, the warm-up fills the pools and the count
// is f's own, every run. Use it where the bound is on f's allocations per
// call, not on what a pool saves across collections. The runs' garbage
// stays on the heap until the measurement ends: keep runs × f's
// allocation to some megabytes.
func AllocsPerRun(runs int, f func()) float64 {
	defer gcOff()()
	return testing.AllocsPerRun(runs, f)
}

// gcOff turns the garbage collector off (a cycle under way finishes first)
// and returns what restores the previous setting.
func gcOff() (restore func()) {
	old := debug.SetGCPercent(-1)
	return func() { debug.SetGCPercent(old) }
}
