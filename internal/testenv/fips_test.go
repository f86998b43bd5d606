package testenv

import (
	"crypto/fips140"
	"testing"
)

// TestFIPSOnlySubtest: FIPSOnly re-runs a subtest whose name holds regexp
// metacharacters, and only it, under fips140=only; a sibling whose name
// the unquoted pattern would also match must not run in the child.
func TestFIPSOnlySubtest(t *testing.T) {
	t.Run("a+b", func(t *testing.T) {
		t.Run("c.d", func(t *testing.T) {
			if !FIPSOnly(t, "subtest ran under fips140=only") {
				return
			}
			if !fips140.Enforced() {
				t.Fatal("child not under fips140=only")
			}
			t.Log("subtest ran under fips140=only")
		})
		t.Run("cxd", func(t *testing.T) {
			if fips140.Enforced() {
				t.Fatal("sibling ran in the child")
			}
		})
	})
}
