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

// The --json report names the corpus files too; encoding/json leaves C1
// controls (U+009B is CSI) and the bidirectional overrides raw, so on a
// terminal they are escaped as in every JSON text the CLI prints there
// (terminalJSON). Before the fix the table was escaped and --json was not.
func TestVectorsJSONToTerminalEscapes(t *testing.T) {
	r := vectors.Result{Name: "x/evil\u009b2J\u202e.json"}
	r.Pass()
	rep := vectors.Report{Corpora: []vectors.Result{r}}
	ptmx, pts := openPTY(t)
	var errb strings.Builder
	e := &env{stdin: strings.NewReader(""), stdout: pts, stderr: &errb}
	if code := report(e, writeVectorsReport(e, &rep, true)); code != 0 {
		t.Fatalf("exit %d, want 0: %s", code, errb.String())
	}
	if got := readPTY(t, ptmx, pts); strings.ContainsAny(got, "\u009b\u202e") || !strings.Contains(got, `evil\u009b2J\u202e.json`) {
		t.Errorf("--json on a terminal: %q; want the corpus name escaped", got)
	}
}
