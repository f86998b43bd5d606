package std_test

import (
	"crypto/fips140"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto/gencryptotest"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestConformance runs the suite every backend must pass.
func TestConformance(t *testing.T) {
	gencryptotest.Run(t, std.New())
}

// TestConformanceFIPSOnly runs the suite again in a child process with
// GODEBUG=fips140=only, where the backend serves only what the Go
// Cryptographic Module serves and the suite checks the refusals.
func TestConformanceFIPSOnly(t *testing.T) {
	if fips140.Enforced() {
		t.Skip("already in FIPS 140-only mode; TestConformance covers it")
	}
	out, err := testenv.FIPSChild(t, "^TestConformance$")
	if err != nil {
		t.Fatalf("conformance under fips140=only: %v\n%s", err, out)
	}
	for _, want := range []string{"not FIPS 140-3 approved", `does not support A128GCM`, "--- PASS: TestConformance/ES256"} {
		if !strings.Contains(out, want) {
			t.Errorf("child output lacks %q:\n%s", want, out)
		}
	}
}
