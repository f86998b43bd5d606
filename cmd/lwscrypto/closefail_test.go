package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// When closing the -o FILE fails (on NFS a write error may surface only at
// close), the command fails (exit 1) and, as for any failure, leaves no
// partial output: a FILE it created is removed, one that existed is left
// empty. Before the fix the file was left as it was written, possibly cut
// short. Internal test: a failing close cannot be provoked through the
// CLI on a local file system, so the file is closed under lazyOutput.
func TestOutputCloseFailureLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	for _, existed := range []bool{false, true} {
		path := filepath.Join(dir, "out")
		os.Remove(path)
		if existed {
			if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var errb strings.Builder
		e := &env{stdin: strings.NewReader(""), stderr: &errb}
		e.out = newOutput(e, path)
		e.stdout = e.out
		if _, err := e.out.Write([]byte("partial output")); err != nil {
			t.Fatal(err)
		}
		e.out.f.Close() // the close lazyOutput makes now fails
		if code := report(e, finishOutput(e, nil)); code != 1 || !strings.Contains(errb.String(), "writing output") {
			t.Errorf("existed %v: exit %d, stderr %q; want exit 1 and a writing error", existed, code, errb.String())
		}
		b, err := os.ReadFile(path)
		switch {
		case !existed && !errors.Is(err, os.ErrNotExist):
			t.Errorf("created -o FILE left behind holding %q (%v)", b, err)
		case existed && (err != nil || len(b) != 0):
			t.Errorf("existing -o FILE holds %q (%v); want it empty", b, err)
		}
	}
}
