package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/vectors"
)

// sampleReport is a report with one clean file, one with a failure and one
// with skips.
func sampleReport() vectors.Report {
	rep := vectors.Report{}
	a := vectors.Result{Name: "wycheproof/aes_gcm_test.json"}
	a.Pass()
	a.Pass()
	b := vectors.Result{Name: "wycheproof/hmac_sha256_test.json"}
	b.Pass()
	b.Fail("tcId 7: accepted")
	c := vectors.Result{Name: "wycheproof/legacy/kw_test.json"}
	c.Skip("no reason needed here")
	rep.Corpora = []vectors.Result{a, b, c}
	rep.Failed = 1
	return rep
}

// TestVectorsJSONShape holds --json to exactly the shape:
// {"corpora":[{"name","cases","passed","failed","skipped"}],"failed":N},
// one object on one line, nothing else on stdout, exit status 1 when a case
// failed.
func TestVectorsJSONShape(t *testing.T) {
	rep := sampleReport()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	code := report(e, writeVectorsReport(e, &rep, true))
	if code != 1 {
		t.Errorf("exit status %d, want 1 (a case failed)", code)
	}
	if !strings.Contains(errb.String(), "lwscrypto: error: 1 conformance case(s) failed") {
		t.Errorf("stderr %q", errb.String())
	}
	if n := strings.Count(out.String(), "\n"); n != 1 || !strings.HasSuffix(out.String(), "}\n") {
		t.Fatalf("stdout is not one JSON line: %q", out.String())
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &top); err != nil {
		t.Fatal(err)
	}
	if got := keys(top); !reflect.DeepEqual(got, []string{"corpora", "failed"}) {
		t.Errorf("top-level keys %v", got)
	}
	var lines []map[string]any
	if err := json.Unmarshal(top["corpora"], &lines); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 3 {
		t.Fatalf("%d corpora lines, want 3", len(lines))
	}
	for _, l := range lines {
		if got := keys(l); !reflect.DeepEqual(got, []string{"cases", "failed", "name", "passed", "skipped"}) {
			t.Errorf("line keys %v", got)
		}
	}
	want := `{"corpora":[` +
		`{"name":"wycheproof/aes_gcm_test.json","cases":2,"passed":2,"failed":0,"skipped":0},` +
		`{"name":"wycheproof/hmac_sha256_test.json","cases":2,"passed":1,"failed":1,"skipped":0},` +
		`{"name":"wycheproof/legacy/kw_test.json","cases":1,"passed":0,"failed":0,"skipped":1}` +
		`],"failed":1}` + "\n"
	if out.String() != want {
		t.Errorf("got  %s\nwant %s", out.String(), want)
	}

	// Nothing failed: exit 0, same shape.
	rep.Corpora = rep.Corpora[:1]
	rep.Failed = 0
	out.Reset()
	if code := report(e, writeVectorsReport(e, &rep, true)); code != 0 {
		t.Errorf("exit status %d with no failure", code)
	}
	if want := `{"corpora":[{"name":"wycheproof/aes_gcm_test.json","cases":2,"passed":2,"failed":0,"skipped":0}],"failed":0}` + "\n"; out.String() != want {
		t.Errorf("got %s", out.String())
	}
}

// TestVectorsTable checks the table carries skip reasons and failures.
func TestVectorsTable(t *testing.T) {
	rep := sampleReport()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if code := report(e, writeVectorsReport(e, &rep, false)); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	for _, want := range []string{
		"wycheproof/hmac_sha256_test.json",
		"    FAILED: tcId 7: accepted\n",
		"    skipped 1: no reason needed here\n",
		"total",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
}

func TestVectorsExitCodes(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nosuch")
	t.Setenv("LWSCRYPTO_VECTORS", missing)
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"vectors", "extra"}, 2, "vectors takes no arguments"},
		{[]string{"vectors", "--nosuch"}, 2, "unknown flag --nosuch"},
		// A --dir that names no directory is invalid input, as a FILE,
		// --key or --payload naming no file is (exit 1); before the fix it
		// was a usage error (exit 2).
		{[]string{"vectors", "--dir", missing}, 1, "no such file or directory"},
		{[]string{"vectors", "--dir", notDir}, 1, "is not a directory"},
		{[]string{"vectors"}, 2, "no conformance corpus found"},
		{[]string{"vectors", "--dir", t.TempDir()}, 1, "lacks the corpus folder(s) wycheproof, jose-cookbook, cose-wg-examples, JSONTestSuite, cbor-test-vectors"},
	} {
		code, out, errOut := runCLI(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.err) {
			t.Errorf("lwscrypto %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.err)
		}
		if out != "" {
			t.Errorf("lwscrypto %v: stdout %q on error", tc.args, out)
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
