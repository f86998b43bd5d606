package vectors

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestJSONTestSuite runs the JSONTestSuite runner over the corpus and
// fails on any failed or skipped case.
func TestJSONTestSuite(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "JSONTestSuite")
	res, err := JSONTestSuite.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 340 {
		t.Errorf("%d results, want 318 test_parsing + 22 test_transform files", len(res))
	}
	var cases, parsing int
	for _, r := range res {
		cases += r.Cases
		if strings.Contains(r.Name, "/test_parsing/") {
			parsing++
		}
		if r.Failed > 0 || r.Skipped > 0 || r.Cases == 0 {
			t.Errorf("%s: %d cases, %d failed, %d skipped: %v %v", r.Name, r.Cases, r.Failed, r.Skipped, r.Failures, r.SkipReasons)
		}
	}
	t.Logf("%d files, %d cases, all passed", len(res), cases)
	if parsing != 318 {
		t.Errorf("%d test_parsing files, want 318", parsing)
	}
}

// TestJSONTestSuiteUnknownPrefixFails: jtsWant treated every test_parsing
// file that is neither y_ nor i_ as an n_ file, so a file of another name
// (a new prefix, a renamed file) passed whenever lejp rejected it. Only
// the three prefixes of JSONTestSuite are judged now; any other fails.
func TestJSONTestSuiteUnknownPrefixFails(t *testing.T) {
	for _, name := range []string{"x_structure_unclosed.json", "N_structure_unclosed.json", "structure_unclosed.json"} {
		var r Result
		jtsParsing(&r, name, []byte("["))
		if r.Failed == 0 {
			t.Errorf("%s: %+v, want a failure", name, tallyOf(r))
		}
	}
	var r Result
	jtsParsing(&r, "n_structure_unclosed.json", []byte("["))
	if r.Failed != 0 || r.Passed != 2 {
		t.Errorf("n_ file: %+v %q", tallyOf(r), r.Failures)
	}
}
