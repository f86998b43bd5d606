package gencryptotest_test

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto/gencryptotest"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// testConformance is what a backend's own _test.go file holds, named
// TestConformance there: one call runs the whole suite against the
// backend, here package std's (as gencrypto/std's tests do). A test
// suite needs the *testing.T of a test, so this Example is compiled, not
// run.
func testConformance(t *testing.T) {
	gencryptotest.Run(t, std.New())
}

func Example() {}
