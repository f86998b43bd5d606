package vectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// mutantFails runs the corpus file src (reported as name) with run, which
// must pass it whole, then a copy changed by mutate, which must fail: a
// runner that cannot fail on that change proves nothing about it.
func mutantFails(t *testing.T, run func(path, name string) Result, src, name string, mutate func(map[string]any)) {
	t.Helper()
	if orig := run(src, name); orig.Failed != 0 || orig.Passed == 0 {
		t.Errorf("%s: %+v %q", name, tallyOf(orig), orig.Failures)
		return
	}
	m := loadJSONFile(t, src)
	mutate(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(dst, name); r.Failed == 0 {
		t.Errorf("%s mutated: %+v, want a failure", name, tallyOf(r))
	}
}
