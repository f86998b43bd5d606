package lecp

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
)

// addJSONSuiteSeeds adds the JSONTestSuite files under 4 KiB (when the
// corpus is present) as seeds of the JSON → CBOR fuzz targets, whose own
// seeds are a dozen short documents: the suite's y_, n_ and i_ files reach
// the refusals (bad escapes, surrogates, invalid UTF-8, numbers) lejp's
// targets start from.
func addJSONSuiteSeeds(f *testing.F) {
	for _, b := range corpus.JSONTestSuite(4095) {
		f.Add(b)
	}
}
