package std_test

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto/gencryptotest"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// TestConformance runs the suite every backend must pass.
func TestConformance(t *testing.T) {
	gencryptotest.Run(t, std.New())
}
