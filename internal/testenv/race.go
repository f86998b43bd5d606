//go:build race

package testenv

// Race reports whether the race detector is on. Under it sync.Pool drops
// items at random, so allocation counts of pooled paths are not exact and
// tests that assert them say so and step aside.
const Race = true
