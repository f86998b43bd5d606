package vectors

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// wycheproofTestsInFile counts the test cases of a Wycheproof file from its
// JSON, independently of the runners and of the file's own numberOfTests:
// the entries of every testGroups[].tests array.
func wycheproofTestsInFile(t *testing.T, path string) int {
	t.Helper()
	var f struct {
		TestGroups []struct {
			Tests []json.RawMessage `json:"tests"`
		} `json:"testGroups"`
	}
	if err := loadJSON(path, &f); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, g := range f.TestGroups {
		n += len(g.Tests)
	}
	return n
}

// checkWycheproofCounts fails unless each result of res counts exactly the
// test cases its file holds, as wycheproofTestsInFile counts them; name maps
// a result's name to its file under dir.
func checkWycheproofCounts(t *testing.T, dir string, res []Result, file func(name string) string) {
	t.Helper()
	total, want := 0, 0
	for _, r := range res {
		n := wycheproofTestsInFile(t, filepath.Join(dir, file(r.Name)))
		if r.Cases != n {
			t.Errorf("%s: %d cases counted, the file holds %d", r.Name, r.Cases, n)
		}
		total += r.Cases
		want += n
	}
	if total != want || total == 0 {
		t.Errorf("%d cases counted, the files hold %d", total, want)
	}
}

// TestWycheproofJWKKeyedCountsEveryTestOnce is the same check for the
// JWK-keyed runner's "(jwk)" lines.
func TestWycheproofJWKKeyedCountsEveryTestOnce(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "wycheproof")
	res, err := WycheproofJWKKeyed.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(jwkKeyedFiles) {
		t.Fatalf("%d results for %d files", len(res), len(jwkKeyedFiles))
	}
	i := 0
	checkWycheproofCounts(t, dir, res, func(string) string { i++; return jwkKeyedFiles[i-1] })
}

// TestJSONTestSuiteOneLinePerFile checks, against the folder listing, that
// the JSONTestSuite runner has exactly one line per test file, named after
// it, and that each y_/n_/i_ file counts the whole parse and the one byte
// per Write parse (plus the loosened parse where lejp has an option for
// it), so the total is derived from the files, not from the runner.
func TestJSONTestSuiteOneLinePerFile(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "JSONTestSuite")
	res, err := JSONTestSuite.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Result{}
	for _, r := range res {
		if _, dup := got[r.Name]; dup {
			t.Errorf("%s: two lines", r.Name)
		}
		got[r.Name] = r
	}
	files := 0
	for _, sub := range []string{"test_parsing", "test_transform"} {
		names, err := jsonFiles(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			files++
			r, ok := got["JSONTestSuite/"+sub+"/"+name]
			if !ok {
				t.Errorf("%s/%s: no line", sub, name)
				continue
			}
			if sub != "test_parsing" {
				if r.Cases < 1 {
					t.Errorf("%s: no cases", r.Name)
				}
				continue
			}
			want := 2
			if _, loosen, _ := jtsWant(name); loosen != nil {
				want = 3
			}
			if r.Cases != want {
				t.Errorf("%s: %d cases, want %d", r.Name, r.Cases, want)
			}
		}
	}
	if files != len(res) {
		t.Errorf("%d lines for %d files", len(res), files)
	}
}
