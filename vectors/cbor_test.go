package vectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestCBORTestVectors runs the RFC 8949 Appendix A runner and fails on any
// failed case: all 82 items must pass on the item line; on the "(diag)"
// line, the exact case of every item but f818 and the diagnostic case of
// every item with a "diagnostic", counted here from the file, must pass.
func TestCBORTestVectors(t *testing.T) {
	dir := testenv.VectorsFile(t, "cbor-test-vectors")
	res, err := CBORTestVectors.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 {
		t.Fatalf("%d results", len(res))
	}
	var items []map[string]any
	b, err := os.ReadFile(filepath.Join(dir, "appendix_a.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &items); err != nil {
		t.Fatal(err)
	}
	exact, withDiag := 0, 0
	for _, it := range items {
		if it["hex"] != "f818" {
			exact++
		}
		if _, ok := it["diagnostic"]; ok {
			withDiag++
		}
	}
	if len(items) != 82 || exact != 81 || withDiag != 23 {
		t.Fatalf("%d items, %d exact cases, %d with a diagnostic; want 82, 81, 23", len(items), exact, withDiag)
	}
	for i, w := range []struct {
		name  string
		cases int
	}{
		{"cbor-test-vectors/appendix_a.json", len(items)},
		{"cbor-test-vectors/appendix_a.json (diag)", exact + withDiag},
	} {
		r := res[i]
		for _, f := range r.Failures {
			t.Error(f)
		}
		if r.Name != w.name || r.Cases != w.cases || r.Passed != w.cases || r.Skipped != 0 {
			t.Errorf("%s: %d cases, %d passed, %d failed, %d skipped; want %s, %d passed", r.Name, r.Cases, r.Passed, r.Failed, r.Skipped, w.name, w.cases)
		}
	}
}
