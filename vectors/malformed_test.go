package vectors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFile writes a synthetic corpus file under dir, creating folders.
func writeFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// failureMentions reports whether some failure of rs mentions every one of
// the words.
func failureMentions(rs []Result, words ...string) bool {
	for _, r := range rs {
		for _, f := range r.Failures {
			ok := true
			for _, w := range words {
				ok = ok && strings.Contains(f, w)
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// A truncated appendix_a.json used to abort the whole run with only the
// folder's name ("vectors: cbor-test-vectors: unexpected end of JSON
// input"); it is a failure of that file, naming it and the offset.
func TestCBORMalformedFileIsAFailureNamingIt(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "appendix_a.json", "[\n{\"hex\": \"00\"")
	res, err := runCBORTestVectors(dir, nil)
	if err != nil {
		t.Fatalf("run aborted: %v", err)
	}
	if len(res) != 1 || res[0].Failed != 1 || res[0].Name != "cbor-test-vectors/appendix_a.json" {
		t.Fatalf("got %+v, want one failed result for the file", res)
	}
	if !failureMentions(res, "appendix_a.json", "offset 14", "line 2") {
		t.Errorf("failure does not name the file, offset and line: %q", res[0].Failures)
	}
}

// A malformed cookbook example used to abort the whole run; it is a
// failure of the examples line naming the file, and the other files still
// run.
func TestCookbookJWKMalformedExampleIsAFailureNamingIt(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "jwk/4_1.oct.json", `{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}`)
	writeFile(t, dir, "jws/bad.json", `{"input": {"key": 1`)
	res, err := runCookbookJWK(dir, nil)
	if err != nil {
		t.Fatalf("run aborted: %v", err)
	}
	if len(res) != 2 {
		t.Fatalf("got %d results, want 2: %+v", len(res), res)
	}
	if !failureMentions(res[1:], filepath.Join("jws", "bad.json"), "offset") {
		t.Errorf("no failure naming jws/bad.json and its offset: %+v", res[1])
	}
}

// loadJSON names the file and the offset of a syntax or type error, so a
// broken corpus file is found without bisecting.
func TestLoadJSONNamesFileAndOffset(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "x_test.json", "{\"numberOfTests\": \"3\"}")
	var wf wFile
	err := loadJSON(filepath.Join(dir, "x_test.json"), &wf)
	if err == nil || !strings.Contains(err.Error(), "x_test.json") || !strings.Contains(err.Error(), "offset") {
		t.Fatalf("got %v, want the file name and offset", err)
	}
}

// A malformed corpus file keeps the rest of the report: Run returns it
// whole, with the file's failure counted in Report.Failed.
func TestRunKeepsReportWhenAFileIsMalformed(t *testing.T) {
	dir := syntheticCorpus(t)
	writeFile(t, dir, "cbor-test-vectors/appendix_a.json", `[{"hex":`)
	rep, err := Run(dir, Options{})
	if err != nil {
		t.Fatalf("run aborted: %v", err)
	}
	if !failureMentions(rep.Corpora, "appendix_a.json", "offset 8") {
		t.Errorf("no failure naming appendix_a.json and its offset")
	}
	if rep.Failed == 0 || len(rep.Corpora) < 10 {
		t.Errorf("report has %d results, %d failed; want the whole report with failures", len(rep.Corpora), rep.Failed)
	}
}
