package vectors

import (
	"strings"
	"testing"
)

// TestSkipWithoutReasonFails: Result.Skip("") counted a skipped case under
// the reason "", although Result documents that every skip has a reason and
// the package that a runner never drops a case silently. Now a skip without
// a reason is a failed case saying so, so that a runner bug cannot hide
// cases in the skip column.
func TestSkipWithoutReasonFails(t *testing.T) {
	var r Result
	r.Skip("no backend")
	r.Skip("")
	if r.Cases != 2 || r.Skipped != 1 || r.Failed != 1 || r.SkipReasons[""] != 0 || len(r.SkipReasons) != 1 {
		t.Fatalf("after Skip(\"\"): %+v; want one skip with its reason and one failure", r)
	}
	if len(r.Failures) != 1 || !strings.Contains(r.Failures[0], "without a reason") {
		t.Errorf("failure description %q", r.Failures)
	}
}
