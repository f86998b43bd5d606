package main

import (
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/vectors"
)

// The vectors table names corpus files and carries failure details and
// skip reasons, which quote the corpus (a test case's comment, a file
// name); on a terminal what a terminal would act on is escaped, as in
// every message. Before the fix the table went out raw.
func TestVectorsTableToTerminalEscapes(t *testing.T) {
	r := vectors.Result{Name: "x/evil\u009b2J.json"}
	r.Fail("tcId 1: \x1b[2Jaccepted")
	r.Skip("reason \u202eoh")
	rep := vectors.Report{Corpora: []vectors.Result{r}, Failed: 1}
	ptmx, pts := openPTY(t)
	var errb strings.Builder
	e := &env{stdin: strings.NewReader(""), stdout: pts, stderr: &errb}
	if code := report(e, writeVectorsReport(e, &rep, false)); code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errb.String())
	}
	if got := readPTY(t, ptmx, pts); strings.ContainsAny(got, "\x1b\u009b\u202e") || !strings.Contains(got, `\u001b[2Jaccepted`) {
		t.Errorf("table on a terminal: %q; want the corpus text escaped", got)
	}
}
