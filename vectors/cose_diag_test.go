package vectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestCOSEDiagCaseFails: the cbor_diag case of a cose-wg example fails, and
// is the only case to fail, when its output.cbor_diag no longer reads as
// its output.cbor: a changed byte, an encoding indicator (18_0 is the tag
// in two bytes, D812, not D2), text FromDiag refuses; when a listed corpus
// error is corrected in the corpus (the list is then wrong), or its
// corrected text still differs; and when an example not listed has the
// same error. A changed output.cbor fails it too.
func TestCOSEDiagCaseFails(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "cose-wg-examples")
	setDiag := func(f func(string) string) func(map[string]any) {
		return func(m map[string]any) {
			out := m["output"].(map[string]any)
			out["cbor_diag"] = f(out["cbor_diag"].(string))
		}
	}
	replace := func(old, new string) func(map[string]any) {
		return setDiag(func(s string) string {
			if strings.Count(s, old) != 1 {
				t.Fatalf("%q not once in %q", old, s)
			}
			return strings.Replace(s, old, new, 1)
		})
	}
	for _, tc := range []struct {
		file, name string // name "" is the file's own
		mutate     func(map[string]any)
	}{
		{"sign1-tests/sign-pass-01.json", "", replace("h'3131'", "h'3132'")},
		{"sign1-tests/sign-pass-01.json", "", replace("18([", "18_0([")},
		{"sign1-tests/sign-pass-01.json", "", replace("{1: -7,", "{1: -7_1,")},
		{"sign1-tests/sign-pass-01.json", "", setDiag(func(s string) string { return s + "," })},
		{"hmac-examples/HMac-01.json", "", replace("[[h'', {", "[[h''_, {")},
		{"RFC8152/Appendix_C_1_1.json", "", replace("{4: h'3131'}", `{4: "11"}`)},
		// The corpus corrected: the list of its errors is wrong.
		{"x509-examples/signed-01.json", "", replace(kidAsBytes.wrong, kidAsBytes.fixed)},
		// Another error beside the listed one.
		{"x509-examples/signed-02.json", "", replace("h'A10300'", "h'A10301'")},
		// The listed error in an example not listed.
		{"x509-examples/signed-01.json", "x509-examples/signed-05.json", func(map[string]any) {}},
	} {
		src := filepath.Join(dir, filepath.FromSlash(tc.file))
		name := "cose-wg-examples/" + tc.file
		if tc.name != "" {
			name = "cose-wg-examples/" + tc.name
		}
		orig := runCOSEFile(src, "cose-wg-examples/"+tc.file)
		if orig.Failed != 0 || orig.Passed == 0 {
			t.Fatalf("%s: %+v %q", tc.file, tallyOf(orig), orig.Failures)
		}
		dst := mutatedCopy(t, src, tc.mutate)
		r := runCOSEFile(dst, name)
		// The case was a pass, or a skip for a listed corpus error.
		want := tally{orig.Cases, orig.Passed - 1, 1, orig.Skipped}
		if _, listed := coseDiagErrata["cose-wg-examples/"+tc.file]; listed {
			want = tally{orig.Cases, orig.Passed, 1, orig.Skipped - 1}
		}
		if tallyOf(r) != want || !strings.HasPrefix(r.Failures[0], "cbor_diag: ") {
			t.Errorf("%s (%s) mutated: %+v %q, want %+v, the cbor_diag case failed", tc.file, name, tallyOf(r), r.Failures, want)
		}
	}

	// A changed output.cbor fails the cbor_diag case too, beside the
	// signature's (offset 37 is in the signature).
	src := filepath.Join(dir, "sign1-tests", "sign-pass-01.json")
	r := runCOSEFile(mutatedCopy(t, src, func(m map[string]any) {
		out := m["output"].(map[string]any)
		s := out["cbor"].(string)
		out["cbor"] = s[:2*37] + "FF" + s[2*38:]
	}), "cose-wg-examples/sign1-tests/sign-pass-01.json")
	if !slices.ContainsFunc(r.Failures, func(f string) bool {
		return strings.HasPrefix(f, "cbor_diag: ") && strings.Contains(f, "first difference at offset 37")
	}) {
		t.Errorf("output.cbor changed: %+v %q, want the cbor_diag case failed at offset 37", tallyOf(r), r.Failures)
	}
}

// mutatedCopy writes the corpus file src, changed by mutate, to a
// temporary folder and returns its path.
func mutatedCopy(t *testing.T, src string, mutate func(map[string]any)) string {
	t.Helper()
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
	return dst
}
