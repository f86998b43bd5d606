//go:build !race

package lejp

// raceEnabled: the race detector is off (see race_test.go).
const raceEnabled = false
