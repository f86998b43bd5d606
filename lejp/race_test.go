//go:build race

package lejp

// raceEnabled: the race detector is on. It makes sync.Pool drop items at
// random, so allocation counts of pooled paths (Check) are not exact.
const raceEnabled = true
