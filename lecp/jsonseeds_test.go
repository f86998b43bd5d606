package lecp

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
)

// addJSONSuiteSeeds adds the JSONTestSuite files under 4 KiB (when the
// corpus is present) as seeds of the JSON → CBOR fuzz targets, whose own
// seeds are a dozen short documents: the suite's y_, n_ and i_ files reach
// the refusals (bad escapes, surrogates, invalid UTF-8, numbers) lejp's
// targets start from.
func addJSONSuiteSeeds(f *testing.F) {
	dir, err := corpus.Dir()
	if err != nil {
		return
	}
	for _, sub := range []string{"test_parsing", "test_transform"} {
		es, _ := os.ReadDir(filepath.Join(dir, "JSONTestSuite", sub))
		for _, e := range es {
			b, err := os.ReadFile(filepath.Join(dir, "JSONTestSuite", sub, e.Name()))
			if err == nil && len(b) < 4096 {
				f.Add(b)
			}
		}
	}
}
