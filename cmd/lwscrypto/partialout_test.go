package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A command that fails leaves no partial output in its -o FILE: json get
// streams what matches before the parser meets the error further on (so
// did cbor get), and before the fix that half was left in FILE (exit 1, but
// a file that looks like output). A file the run created is removed; one
// that existed is left untouched if nothing was written, else empty (it
// was truncated when the output began).
func TestFailedCommandLeavesNoPartialOutput(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{`[{"a":1},{"a":2},{"a":2,"a":3}]`, []string{"json", "get", "[].a"}},
		{`[{"a":1},{"a":2}] x`, []string{"json", "events"}},
		{"83 01 02 1c", []string{"cbor", "get", "[]", "--hex"}}, // 0x1c: reserved additional information
		{"82 a1 01 01 a2 01 01 61 31 01", []string{"cbor", "to-json", "--hex", "--seq"}},
	} {
		name := strings.Join(c.args[:2], "-")
		created := filepath.Join(dir, name+".new")
		code, out, e := runCLI(t, c.stdin, append(c.args, "-o", created)...)
		if code != 1 || out != "" || e == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 and an error", c.args, code, out, e)
		}
		if b, err := os.ReadFile(created); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%v: -o FILE left behind holding %q (%v)", c.args, b, err)
		}
		existing := filepath.Join(dir, name+".old")
		if err := os.WriteFile(existing, []byte("old contents\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, _ := runCLI(t, c.stdin, append(c.args, "-o", existing)...); code != 1 {
			t.Errorf("%v -o existing: exit %d", c.args, code)
		}
		if b, err := os.ReadFile(existing); err != nil || len(b) != 0 && string(b) != "old contents\n" {
			t.Errorf("%v: existing -o FILE holds %q (%v); want it untouched or empty", c.args, b, err)
		}
	}
	// Success keeps the file, and so does a failure whose output is whole:
	// vectors writes its full report, then exits 1 for the failed cases.
	f := filepath.Join(dir, "ok")
	mustRunCLI(t, `{"a":1}`, "json", "get", "a", "-o", f)
	if b, _ := os.ReadFile(f); string(b) != "1\n" {
		t.Errorf("json get -o: %q", b)
	}
	rep := sampleReport()
	var errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &errb}
	f = filepath.Join(dir, "report")
	e.out = newOutput(e, f)
	e.stdout = e.out
	if code := report(e, finishOutput(e, writeVectorsReport(e, &rep, false))); code != 1 {
		t.Errorf("vectors with a failure: exit %d, want 1", code)
	}
	if b, err := os.ReadFile(f); err != nil || !bytes.Contains(b, []byte("FAILED: tcId 7")) {
		t.Errorf("vectors -o FILE after failed cases: %q (%v); want the whole report", b, err)
	}
}
