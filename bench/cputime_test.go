package bench

import (
	"testing"

	"golang.org/x/sys/unix"
)

// threadCPU is this thread's CPU time in nanoseconds
// (CLOCK_THREAD_CPUTIME_ID, exact to the nanosecond, where getrusage counts
// in scheduler ticks): on a shared machine it leaves out the time spent
// waiting for a core, which wall-clock benchmarks count. Callers lock the
// goroutine to its thread.
func threadCPU() int64 {
	var ts unix.Timespec
	unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts)
	return ts.Nano()
}

// cpuTable runs each of runs once (failing t on an error), measures them
// with leastCPU over 15 rounds, logs a row per run (thread CPU time per
// document and MB/s for size bytes) and returns the times in nanoseconds
// by name. The caller locks the goroutine to its thread.
func cpuTable(t *testing.T, file string, size int, names []string, runs []func() error) map[string]float64 {
	t.Helper()
	for k, run := range runs {
		if err := run(); err != nil {
			t.Fatalf("%s %s: %v", file, names[k], err)
		}
	}
	res := map[string]float64{}
	for k, ns := range leastCPU(runs, 15) {
		res[names[k]] = ns
		t.Logf("%-18s %-20s %8.0f us  %7.0f MB/s", file, names[k], ns/1e3, float64(size)/ns*1e3)
	}
	return res
}

// leastCPU returns the least thread CPU time per call of each of runs, in
// nanoseconds, over rounds samples of about 20 ms each, taken in rounds over
// all of runs so that each sees the same load. The caller locks the
// goroutine to its thread and has called each run once (errors are the
// caller's to check there).
func leastCPU(runs []func() error, rounds int) []float64 {
	reps := make([]int, len(runs))
	for k, run := range runs {
		t0 := threadCPU()
		run()
		reps[k] = max(1, int(20e6/max(threadCPU()-t0, 1000)))
	}
	least := make([]float64, len(runs))
	for r := range rounds {
		for k, run := range runs {
			t0 := threadCPU()
			for range reps[k] {
				run()
			}
			ns := float64(threadCPU()-t0) / float64(reps[k])
			if r == 0 || ns < least[k] {
				least[k] = ns
			}
		}
	}
	return least
}
