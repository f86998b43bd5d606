package vectors

import (
	"crypto"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// writeFiles writes files (slash-separated paths relative to dir, with
// their contents) under dir, creating folders as needed.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// tally is what a test expects of one Result.
type tally struct{ cases, passed, failed, skipped int }

func tallyOf(r Result) tally { return tally{r.Cases, r.Passed, r.Failed, r.Skipped} }

// wantTallies checks each named result in got against its tally.
func wantTallies(t *testing.T, got map[string]Result, want map[string]tally) {
	t.Helper()
	for name, w := range want {
		if r, ok := got[name]; !ok {
			t.Errorf("no result %s", name)
		} else if tallyOf(r) != w {
			t.Errorf("%s: got %+v, want %+v: %q %v", name, tallyOf(r), w, r.Failures, r.SkipReasons)
		}
	}
}

// TestJSONTestSuiteRunnerFails feeds the JSONTestSuite runner a synthetic
// corpus in which some files contradict their names (an n_ file that
// parses, a y_ file that does not, an i_ file rejected for the wrong
// cause, a transform file with the wrong number text …) and checks that
// exactly those are failed, and that the right ones pass: the runner can
// fail, and does not pass a case it has not checked.
func TestJSONTestSuiteRunnerFails(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"test_parsing/y_ok.json":                               `[1]`,
		"test_parsing/y_truncated.json":                        `[1`,
		"test_parsing/n_accepted.json":                         `{"a":[]}`,
		"test_parsing/n_rejected.json":                         `[1,]`,
		"test_parsing/i_number_huge_exp.json":                  `[1e99999]`,
		"test_parsing/i_number_broken.json":                    `[1e]`,
		"test_parsing/i_structure_500_nested_arrays.json":      `[[[]]]`,
		"test_parsing/i_string_UTF-16LE_accepted.json":         `["a"]`,
		"test_parsing/i_string_utf16_wrong_cause.json":         "[\"\xff\"]",
		"test_parsing/i_string_UTF-16_right.json":              "\xff\xfe[\x00]\x00",
		"test_parsing/i_structure_UTF-8_BOM_empty_object.json": "\xef\xbb\xbf{}",
		"test_parsing/i_string_invalid_utf8.json":              "[\"\xff\"]",
		"test_parsing/i_string_accepted.json":                  `["ok"]`,
		"test_parsing/i_string_wrong_cause.json":               `["\u00"]`,
		"test_parsing/y_object_duplicated_key.json":            `{"a":1,"a":2}`,
		"test_parsing/y_object_duplicated_key_none.json":       `{"a":1,"b":2}`,
		"test_parsing/README.md":                               `not a case`,
		"test_parsing/dir.json/y_hidden.json":                  `[`,
		"test_transform/number_1.0.json":                       `[1.0]`,
		"test_transform/number_1E2.json":                       `[1e2]`,
		"test_transform/number_2.json":                         `[3]`,
		"test_transform/number_9.json":                         `[9`,
		"test_transform/object_same_key_x.json":                `{"a":1,"a":2}`,
		"test_transform/object_same_key_unique.json":           `{"a":1,"b":2}`,
		"test_transform/object_key_nfc_nfd.json":               `{"a":1}`,
		"test_transform/object_key_nf_broken.json":             `{"a"}`,
		"test_transform/string_with_escaped_NULL.json":         `["\u0000"]`,
		"test_transform/string_invalid.json":                   "[\"\xff\"]",
		"test_transform/string_valid.json":                     `["ok"]`,
		"test_transform/other.json":                            `[]`,
	}
	writeFiles(t, dir, files)
	want := map[string]tally{
		// test_parsing: the decision, then the one-byte-per-Write check,
		// then the loosened check where an option makes the file legal.
		"test_parsing/y_ok.json":                               {2, 2, 0, 0},
		"test_parsing/y_truncated.json":                        {2, 1, 1, 0},
		"test_parsing/n_accepted.json":                         {2, 1, 1, 0},
		"test_parsing/n_rejected.json":                         {2, 2, 0, 0},
		"test_parsing/i_number_huge_exp.json":                  {2, 2, 0, 0},
		"test_parsing/i_number_broken.json":                    {2, 1, 1, 0},
		"test_parsing/i_structure_500_nested_arrays.json":      {2, 2, 0, 0},
		"test_parsing/i_string_UTF-16LE_accepted.json":         {2, 1, 1, 0},
		"test_parsing/i_string_utf16_wrong_cause.json":         {2, 1, 1, 0},
		"test_parsing/i_string_UTF-16_right.json":              {2, 2, 0, 0},
		"test_parsing/i_structure_UTF-8_BOM_empty_object.json": {2, 2, 0, 0},
		"test_parsing/i_string_invalid_utf8.json":              {3, 3, 0, 0},
		"test_parsing/i_string_accepted.json":                  {3, 2, 1, 0},
		"test_parsing/i_string_wrong_cause.json":               {3, 1, 2, 0},
		"test_parsing/y_object_duplicated_key.json":            {3, 3, 0, 0},
		"test_parsing/y_object_duplicated_key_none.json":       {3, 2, 1, 0},
		"test_transform/number_1.0.json":                       {1, 1, 0, 0},
		"test_transform/number_1E2.json":                       {1, 1, 0, 0},
		"test_transform/number_2.json":                         {1, 0, 1, 0},
		"test_transform/number_9.json":                         {1, 0, 1, 0},
		"test_transform/object_same_key_x.json":                {2, 2, 0, 0},
		"test_transform/object_same_key_unique.json":           {2, 1, 1, 0},
		"test_transform/object_key_nfc_nfd.json":               {1, 1, 0, 0},
		"test_transform/object_key_nf_broken.json":             {1, 0, 1, 0},
		"test_transform/string_with_escaped_NULL.json":         {1, 1, 0, 0},
		"test_transform/string_invalid.json":                   {2, 2, 0, 0},
		"test_transform/string_valid.json":                     {2, 1, 1, 0},
		"test_transform/other.json":                            {1, 0, 0, 1},
	}
	var progress []string
	res, err := JSONTestSuite.Run(dir, func(f string) { progress = append(progress, f) })
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range res {
		file, ok := strings.CutPrefix(r.Name, "JSONTestSuite/")
		if !ok {
			t.Errorf("result %q lacks the corpus prefix", r.Name)
		}
		names = append(names, file)
		w, ok := want[file]
		if !ok {
			t.Errorf("unexpected result %s", r.Name)
			continue
		}
		if got := tallyOf(r); got != w {
			t.Errorf("%s: got %+v, want %+v (failures %q, skips %v)", file, got, w, r.Failures, r.SkipReasons)
		}
		if r.Failed != len(r.Failures) {
			t.Errorf("%s: %d failed, %d described", file, r.Failed, len(r.Failures))
		}
		for _, f := range r.Failures {
			if !strings.Contains(f, filepath.Base(file)) {
				t.Errorf("%s: failure %q does not name the file", file, f)
			}
		}
	}
	wantNames := make([]string, 0, len(want))
	for n := range want {
		wantNames = append(wantNames, n)
	}
	sort.Strings(wantNames) // test_parsing sorts before test_transform
	if !reflect.DeepEqual(names, wantNames) {
		t.Errorf("results\n%q\nwant\n%q", names, wantNames)
	}
	if !reflect.DeepEqual(progress, wantNames) {
		t.Errorf("progress\n%q\nwant\n%q", progress, wantNames)
	}

	if _, err := JSONTestSuite.Run(filepath.Join(dir, "missing"), nil); err == nil {
		t.Error("a corpus without test_parsing ran")
	}
	if err := os.RemoveAll(filepath.Join(dir, "test_transform")); err != nil {
		t.Fatal(err)
	}
	if _, err := JSONTestSuite.Run(dir, nil); err == nil {
		t.Error("a corpus without test_transform ran")
	}
}

// TestSameErr pins the comparison of the whole-input and one-byte-per-Write
// outcomes: one nil and one not is a difference.
func TestSameErr(t *testing.T) {
	a, b := errors.New("a"), errors.New("b")
	for _, tc := range []struct {
		x, y error
		want bool
	}{
		{nil, nil, true},
		{a, nil, false},
		{nil, a, false},
		{a, errors.New("a"), true},
		{a, b, false},
	} {
		if got := sameErr(tc.x, tc.y); got != tc.want {
			t.Errorf("sameErr(%v, %v) = %v", tc.x, tc.y, got)
		}
	}
}

// TestCBORRunnerFails feeds the RFC 8949 Appendix A runner a synthetic
// appendix_a.json whose items are wrong in each way it checks (diagnostic,
// decoded JSON, roundtrip bytes, well-formedness, the f818 rule) and checks
// that exactly those items fail; and on the "(diag)" line, that exactly the
// exact and diagnostic cases that cannot hold fail: an item that is not
// well-formed, a diagnostic of another value (even one the item's width
// variant could be taken for), simple(24) not refused, a diagnostic that
// gives other bytes for an item in preferred serialization (an
// indefinite-length one too), while the preferred encoding of the value
// of an item that is not in preferred serialization passes.
func TestCBORRunnerFails(t *testing.T) {
	items := []struct {
		item cborVector
		ok   bool
		diag string // the cases failed on the (diag) line
	}{
		{cborVector{Hex: "00", Roundtrip: true, Decoded: json.RawMessage(`0`), Diagnostic: "0"}, true, ""},
		{cborVector{Hex: "1818", Roundtrip: true, Decoded: json.RawMessage(`24`)}, true, ""},
		{cborVector{Hex: "8301820203820405", Roundtrip: true, Decoded: json.RawMessage(`[1,[2,3],[4,5]]`), Diagnostic: "[1, [2, 3], [4, 5]]"}, true, ""},
		{cborVector{Hex: "f818", Diagnostic: "simple(24)"}, true, ""}, // rejected, as erratum 5917 requires
		{cborVector{Hex: "01", Diagnostic: "2"}, false, "diagnostic"},
		{cborVector{Hex: "01", Decoded: json.RawMessage(`2`)}, false, ""},
		{cborVector{Hex: "8301820203820405", Decoded: json.RawMessage(`[1,[2,3],[4,6]]`)}, false, ""},
		{cborVector{Hex: "1801", Roundtrip: true}, false, ""}, // not preferred: re-encodes as 01
		{cborVector{Hex: "1801", Roundtrip: false}, true, ""},
		{cborVector{Hex: "ff"}, false, "exact"},
		{cborVector{Hex: "1818ff"}, false, "exact"},
		{cborVector{Hex: "18"}, false, "exact"},
		{cborVector{Hex: "8201"}, false, "exact"},
		{cborVector{Hex: "zz", Diagnostic: "0"}, false, "exact diagnostic"},
		{cborVector{Hex: "f820"}, true, ""}, // simple(32): the first legal two-byte simple value
		// The diagnostic notation read back.
		{cborVector{Hex: "f818", Diagnostic: "simple(32)"}, true, "diagnostic"}, // not refused
		{cborVector{Hex: "fa7f800000", Diagnostic: "Infinity"}, true, ""},       // gives f97c00
		{cborVector{Hex: "1801", Diagnostic: "1"}, true, ""},                    // gives 01
		{cborVector{Hex: "fa7f800000", Diagnostic: "NaN"}, false, "diagnostic"},
		{cborVector{Hex: "fb7ff0000000000000", Diagnostic: "-Infinity"}, false, "diagnostic"},
		{cborVector{Hex: "f97c00", Diagnostic: "Infinity_2"}, false, "diagnostic"}, // fa7f800000
		{cborVector{Hex: "5f42010243030405ff", Diagnostic: "(_ h'0102', h'030405')"}, true, ""},
		{cborVector{Hex: "5f42010243030405ff", Diagnostic: "h'0102030405'"}, false, "diagnostic"},
		{cborVector{Hex: "00", Diagnostic: "0,"}, false, "diagnostic"},
	}
	// The corpus leaves out "decoded" and "diagnostic" where it has none.
	type vector struct {
		Hex        string          `json:"hex"`
		Roundtrip  bool            `json:"roundtrip"`
		Decoded    json.RawMessage `json:"decoded,omitempty"`
		Diagnostic string          `json:"diagnostic,omitempty"`
	}
	var vs []vector
	for _, it := range items {
		vs = append(vs, vector(it.item))
	}
	b, err := json.Marshal(vs)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"appendix_a.json": string(b)})
	var progress []string
	res, err := CBORTestVectors.Run(dir, func(f string) { progress = append(progress, f) })
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Name != "cbor-test-vectors/appendix_a.json" || res[1].Name != "cbor-test-vectors/appendix_a.json (diag)" {
		t.Fatalf("results %+v", res)
	}
	if !reflect.DeepEqual(progress, []string{"appendix_a.json"}) {
		t.Errorf("progress %q", progress)
	}
	failedIn := func(r Result) map[string]bool {
		failed := map[string]bool{}
		for _, f := range r.Failures {
			id, _, _ := strings.Cut(f, ":")
			failed[id] = true
		}
		return failed
	}
	r, failed := res[0], failedIn(res[0])
	dfailed := failedIn(res[1])
	nFail, nDiag, nDiagFail := 0, 0, 0
	for i, it := range items {
		id := "#" + strconv.Itoa(i) + " " + it.item.Hex
		if failed[id] == it.ok {
			t.Errorf("%s: failed = %v, want %v (%q)", id, failed[id], !it.ok, r.Failures)
		}
		if !it.ok {
			nFail++
		}
		var cases []string
		if it.item.Hex != "f818" {
			cases = append(cases, "exact")
		}
		if it.item.Diagnostic != "" {
			cases = append(cases, "diagnostic")
		}
		for _, c := range cases {
			nDiag++
			want := slices.Contains(strings.Fields(it.diag), c)
			if want {
				nDiagFail++
			}
			if dfailed[id+" "+c] != want {
				t.Errorf("%s %s: failed = %v, want %v (%q)", id, c, dfailed[id+" "+c], want, res[1].Failures)
			}
		}
	}
	if got, w := tallyOf(r), (tally{len(items), len(items) - nFail, nFail, 0}); got != w {
		t.Errorf("got %+v, want %+v", got, w)
	}
	if got, w := tallyOf(res[1]), (tally{nDiag, nDiag - nDiagFail, nDiagFail, 0}); got != w {
		t.Errorf("(diag): got %+v, want %+v", got, w)
	}

	for _, bad := range []string{`{"hex":"00"}`, `[{"hex":`} {
		writeFiles(t, dir, map[string]string{"appendix_a.json": bad})
		// A malformed file is a failure of that file, not the end of
		// the whole report.
		res, err := CBORTestVectors.Run(dir, nil)
		if err != nil || len(res) != 1 || res[0].Failed != 1 || !failureMentions(res, "appendix_a.json") {
			t.Errorf("appendix_a.json %s: got %+v, %v; want one failure naming the file", bad, res, err)
		}
	}
	if _, err := CBORTestVectors.Run(t.TempDir(), nil); err == nil {
		t.Error("a corpus without appendix_a.json ran")
	}
}

// TestResultCounting pins Result's bookkeeping: every call is one case,
// failures keep at most MaxFailures descriptions while all are counted, and
// skips are counted by reason.
func TestResultCounting(t *testing.T) {
	var r Result
	for i := range MaxFailures + 2 {
		r.Fail("case %d", i)
	}
	r.Check("ok", nil)
	r.Check("bad", errors.New("boom"))
	r.Pass()
	r.Skip("x")
	r.Skip("y")
	r.Skip("x")
	if got, w := tallyOf(r), (tally{MaxFailures + 8, 2, MaxFailures + 3, 3}); got != w {
		t.Errorf("got %+v, want %+v", got, w)
	}
	if len(r.Failures) != MaxFailures || r.Failures[0] != "case 0" || r.Failures[MaxFailures-1] != "case 19" {
		t.Errorf("%d failures kept: %q", len(r.Failures), r.Failures)
	}
	if !reflect.DeepEqual(r.SkipReasons, map[string]int{"x": 2, "y": 1}) {
		t.Errorf("skip reasons %v", r.SkipReasons)
	}
	var c Result
	c.Check("id", errors.New("boom"))
	if len(c.Failures) != 1 || c.Failures[0] != "id: boom" {
		t.Errorf("Check failure %q", c.Failures)
	}
}

// TestWriteTableTotals checks the table with failures and skips: reasons
// sorted, failures listed, and every column totalled.
func TestWriteTableTotals(t *testing.T) {
	a := Result{Name: "a"}
	a.Pass()
	a.Fail("tcId %d: accepted", 7)
	a.Skip("zeta")
	a.Skip("alpha")
	a.Skip("alpha")
	b := Result{Name: "longer/name"}
	b.Fail("x")
	b.Fail("y")
	b.Pass()
	b.Pass()
	b.Pass()
	rep := Report{Corpora: []Result{a, b}, Failed: 3}
	var sb strings.Builder
	if err := rep.WriteTable(&sb); err != nil {
		t.Fatal(err)
	}
	const want = "" +
		"corpus        cases  passed  failed skipped\n" +
		"a                 5       1       1       3\n" +
		"    skipped 2: alpha\n" +
		"    skipped 1: zeta\n" +
		"    FAILED: tcId 7: accepted\n" +
		"longer/name       5       3       2       0\n" +
		"    FAILED: x\n" +
		"    FAILED: y\n" +
		"total            10       4       3       3\n"
	if sb.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", sb.String(), want)
	}
}

// syntheticCorpus writes the smallest corpus tree every runner of Runners
// accepts, with one case of each of three corpora wrong, and returns its
// directory.
func syntheticCorpus(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		// Two groups of an unknown type (skipped), and a file that says it
		// has more tests than it holds (failed).
		"wycheproof/testvectors_v1/x_test.json":      `{"numberOfTests":2,"testGroups":[{"type":"Nope","tests":[{},{}]}]}`,
		"wycheproof/testvectors_legacy/y_test.json":  `{"numberOfTests":3,"testGroups":[{"type":"Nope","tests":[{},{}]}]}`,
		"wycheproof/testvectors_v1/README.md":        `not a vector file`,
		"wycheproof/testvectors_v1/dir.json/z.json":  `{}`,
		"jose-cookbook/jwk/k.json":                   `{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}`,
		"jose-cookbook/jws/README":                   ``,
		"jose-cookbook/rfc7797/README":               ``,
		"jose-cookbook/jwe/README":                   ``,
		"jose-cookbook/curve25519/jws.json":          `{}`,
		"JSONTestSuite/test_parsing/n_accepted.json": `[1]`,
		"JSONTestSuite/test_transform/README":        ``,
		"cbor-test-vectors/appendix_a.json":          `[{"hex":"00","roundtrip":true,"decoded":0}]`,
		// A COSE_Mac0 with AES-MAC-128/64 (14), which lwscrypto has not
		// built yet: skipped.
		"cose-wg-examples/x/mac0.json": `{"input":{"plaintext":"x","mac0":{"protected":{"alg":"AES-MAC-128/64"},` +
			`"recipients":[{"key":{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAA"},"unprotected":{"alg":"direct"}}]}},` +
			`"output":{"cbor":"D18443A1010EA0417840"}}`,
	}
	for _, f := range jwkKeyedFiles {
		files["wycheproof/"+f] = `{"testGroups":[]}`
	}
	writeFiles(t, dir, files)
	return dir
}

// TestRunReport runs the whole Run over a synthetic corpus: every runner's
// results are in the report under "<corpus>/<file>", Report.Failed totals
// the failed cases, Only filters, progress names each file with its
// corpus, and a missing corpus or a runner's error is Run's error.
func TestRunReport(t *testing.T) {
	dir := syntheticCorpus(t)
	var progress []string
	rep, err := Run(dir, Options{Progress: func(s string) { progress = append(progress, s) }})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Result{}
	failed := 0
	for _, r := range rep.Corpora {
		got[r.Name] = r
		failed += r.Failed
	}
	if rep.Failed != failed {
		t.Errorf("report says %d failed, its results %d", rep.Failed, failed)
	}
	var wy []string
	for _, r := range rep.Corpora {
		if strings.HasPrefix(r.Name, "wycheproof/") && !strings.HasSuffix(r.Name, " (jwk)") {
			wy = append(wy, r.Name)
		}
	}
	// The JWK-keyed files are in testvectors_v1 and testvectors_legacy too.
	wantWy := []string{"wycheproof/ecdh_secp256k1_webcrypto_test.json", "wycheproof/ecdh_secp256r1_webcrypto_test.json", "wycheproof/ecdh_secp384r1_webcrypto_test.json",
		"wycheproof/ecdh_secp521r1_webcrypto_test.json", "wycheproof/x25519_jwk_test.json", "wycheproof/x_test.json", "wycheproof/legacy/ecdsa_webcrypto_test.json", "wycheproof/legacy/y_test.json"}
	if !reflect.DeepEqual(wy, wantWy) {
		t.Errorf("wycheproof results %q, want %q", wy, wantWy)
	}
	wantTallies(t, got, map[string]tally{
		"wycheproof/x_test.json":                              {2, 0, 0, 2},
		"wycheproof/legacy/y_test.json":                       {3, 0, 1, 2},
		"JSONTestSuite/test_parsing/n_accepted.json":          {2, 1, 1, 0},
		"cbor-test-vectors/appendix_a.json":                   {1, 1, 0, 0},
		"cbor-test-vectors/appendix_a.json (diag)":            {1, 1, 0, 0},
		"wycheproof/ecdh_secp256r1_webcrypto_test.json (jwk)": {1, 0, 1, 0}, // no cases and no numberOfTests
		"rfc-jws/rfc7515":                                     {8, 8, 0, 0},
		"cose-wg-examples/x/mac0.json":                        {1, 0, 0, 1},
	})
	if r := got["cose-wg-examples/x/mac0.json"]; r.Refused != 0 || r.SkipReasons["COSE algorithm AES-MAC-128/64 (14): not built yet (gencrypto.ByCOSE does not know it)"] != 1 {
		t.Errorf("cose-wg-examples/x/mac0.json: %d refused, skipped for %v; want skipped as not built yet", r.Refused, r.SkipReasons)
	}
	for _, p := range []string{"wycheproof/x_test.json", "wycheproof/legacy/y_test.json", "JSONTestSuite/test_parsing/n_accepted.json", "cbor-test-vectors/appendix_a.json", "rfc-jws/rfc7515", "jose-cookbook/jwk/k.json", "cose-wg-examples/x/mac0.json"} {
		if !slices.Contains(progress, p) {
			t.Errorf("progress lacks %s: %q", p, progress)
		}
	}
	if rep.Failed < 3 {
		t.Errorf("%d failed, want at least the 3 wrong cases", rep.Failed)
	}

	only, err := Run(dir, Options{Only: "JSONTestSuite/"})
	if err != nil {
		t.Fatal(err)
	}
	if len(only.Corpora) != 1 || only.Corpora[0].Name != "JSONTestSuite/test_parsing/n_accepted.json" || only.Failed != 1 {
		t.Errorf("Only: %+v", only)
	}

	// A corpus that is missing, or a file where its folder should be.
	cbor := filepath.Join(dir, "cbor-test-vectors")
	if err := os.RemoveAll(cbor); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(dir, Options{}); err == nil || !strings.Contains(err.Error(), "cbor-test-vectors") {
		t.Errorf("missing corpus: %v", err)
	}
	writeFiles(t, dir, map[string]string{"cbor-test-vectors": "not a folder"})
	if _, err := Run(dir, Options{}); err == nil || !strings.Contains(err.Error(), "cbor-test-vectors") {
		t.Errorf("corpus that is a file: %v", err)
	}
	os.Remove(cbor)
	writeFiles(t, dir, map[string]string{"cbor-test-vectors/other.json": "[]"})
	if _, err := Run(dir, Options{}); err == nil || !strings.Contains(err.Error(), "appendix_a.json") {
		t.Errorf("runner error: %v", err)
	}
}

// TestCBORPushChunks checks the feeding under the split and write-size
// checks: chunk k of the input has the size size(k) gives, from k = 0, so
// that splitting at i really writes in[:i] first and is not the whole-input
// check again.
func TestCBORPushChunks(t *testing.T) {
	in := []byte{0x83, 0x01, 0x02, 0x03}
	var ks []int
	whole, err := cborPush(in, func(k int) int { ks = append(ks, k); return k + 1 })
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ks, []int{0, 1, 2}) { // chunks of 1, 2 and 1 (of 3) bytes
		t.Errorf("size asked for chunks %v", ks)
	}
	for i := 1; i < len(in); i++ {
		if got, err := cborEventsSplit(in, i); err != nil || got != whole {
			t.Errorf("split at %d: %q %v, want %q", i, got, err, whole)
		}
	}
	if _, err := cborPush(in[:2], func(int) int { return 1 }); err == nil {
		t.Error("a truncated array was accepted")
	}
}

// TestFailureNamesCase checks that a failed Wycheproof case is described
// with its id, result, comment and flags, and the backend that failed it.
func TestFailureNamesCase(t *testing.T) {
	var res Result
	c := &wctx{res: &res, backends: Backends()}
	bad := func(gencrypto.Backend, expectation) verdict { return failed("accepted") }
	c.one(&wTest{TcID: 7, Result: "invalid", Comment: "bit flip", Flags: []string{"A", "B"}}, "", bad)
	c.one(&wTest{TcID: 8, Result: "invalid", Comment: "no flags"}, "", bad)
	want := []string{"tcId 7 (invalid, bit flip; flags A,B): [std] accepted", "tcId 8 (invalid, no flags): [std] accepted"}
	if !reflect.DeepEqual(res.Failures, want) {
		t.Errorf("failures %q, want %q", res.Failures, want)
	}
}

// TestHashByName pins the Wycheproof hash names: an unknown one (SHA-3,
// say) must not resolve, so that its group fails instead of running with
// the wrong hash.
func TestHashByName(t *testing.T) {
	for name, want := range map[string]crypto.Hash{
		"SHA-1": crypto.SHA1, "SHA-224": crypto.SHA224, "SHA-256": crypto.SHA256, "SHA-384": crypto.SHA384,
		"SHA-512": crypto.SHA512, "SHA-512/224": crypto.SHA512_224, "SHA-512/256": crypto.SHA512_256,
	} {
		if h, ok := hashByName(name); !ok || h != want {
			t.Errorf("hashByName(%q) = %v, %v", name, h, ok)
		}
	}
	for _, name := range []string{"SHA3-256", "sha-256", ""} {
		if h, ok := hashByName(name); ok {
			t.Errorf("hashByName(%q) = %v, true", name, h)
		}
	}
}
