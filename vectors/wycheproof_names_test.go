package vectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// runWycheproofPath runs the Wycheproof file at path as the runner does,
// reported as name.
func runWycheproofPath(path, name string) Result {
	return runWycheproofFile(path, filepath.Base(path), name, Backends())
}

// TestWycheproofUnknownCurveFails: a group whose curve the runners do not
// know (a spelling they have not met, or a member renamed so that the name
// reads as "") was skipped as "curve … not registered", so the group's
// cases vanished into the skip column of a file that still passed. Only
// the curves the library deliberately does not offer (secp256k1, Ed448,
// X448) are skipped now; any other name fails.
func TestWycheproofUnknownCurveFails(t *testing.T) {
	root := filepath.Join(testenv.Vectors(t), "wycheproof")
	firstGroup := func(f func(g map[string]any)) func(map[string]any) {
		return func(m map[string]any) { f(m["testGroups"].([]any)[0].(map[string]any)) }
	}
	for _, tc := range []struct {
		file   string
		mutate func(g map[string]any)
	}{
		{"testvectors_v1/ecdsa_secp256r1_sha256_test.json", func(g map[string]any) { g["publicKey"].(map[string]any)["curve"] = "P256" }},
		{"testvectors_v1/ecdsa_secp256r1_sha256_p1363_test.json", func(g map[string]any) { delete(g["publicKey"].(map[string]any), "curve") }},
		{"testvectors_legacy/ecdsa_webcrypto_test.json", func(g map[string]any) { g["jwk"].(map[string]any)["crv"] = "p-256" }},
		{"testvectors_v1/ed25519_test.json", func(g map[string]any) { g["publicKey"].(map[string]any)["curve"] = "ed25519" }},
		{"testvectors_v1/ecdh_secp256r1_test.json", func(g map[string]any) { g["curve"] = "prime256v1" }},
		{"testvectors_v1/ecdh_secp256r1_webcrypto_test.json", func(g map[string]any) { delete(g, "curve") }},
		{"testvectors_v1/x25519_test.json", func(g map[string]any) { g["curve"] = "X25519" }},
	} {
		name := "wycheproof/" + filepath.Base(tc.file)
		if strings.HasPrefix(tc.file, "testvectors_legacy/") {
			name = "wycheproof/legacy/" + filepath.Base(tc.file)
		}
		mutantFails(t, runWycheproofPath, filepath.Join(root, filepath.FromSlash(tc.file)), name, firstGroup(tc.mutate))
	}
}

// TestAcceptableUnknownFlagFails: an acceptable case was decided by the
// first of its flags found in acceptablePolicy, so a flag the runner had
// never met rode along unnoticed whenever a known one came with it
// (flags [Twist, NewFlag] resolved as Twist). Every flag of an acceptable
// case must now be in acceptablePolicy or acceptableCompanions.
func TestAcceptableUnknownFlagFails(t *testing.T) {
	if _, err := expect(&wTest{Result: "acceptable", Flags: []string{"Twist", "NoSuchFlag"}}); err == nil {
		t.Error("an acceptable case with a known and an unknown flag resolved")
	}
	if _, err := expect(&wTest{Result: "acceptable", Flags: []string{"UnusedParam"}}); err == nil {
		t.Error("an acceptable case with only a companion flag resolved")
	}
	if e, err := expect(&wTest{Result: "acceptable", Flags: []string{"WrongOrder", "UnusedParam", "UnnamedCurve"}}); err != nil || e != mustReject {
		t.Errorf("UnnamedCurve with its companions: %v %v, want reject", e, err)
	}
	root := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1")
	// One acceptable case of each file gains a flag nobody documented.
	addFlag := func(m map[string]any) {
		for _, g := range m["testGroups"].([]any) {
			for _, tc := range g.(map[string]any)["tests"].([]any) {
				c := tc.(map[string]any)
				if c["result"] == "acceptable" {
					c["flags"] = append(c["flags"].([]any), "NoSuchFlag")
					return
				}
			}
		}
		t.Fatal("no acceptable case")
	}
	for _, f := range []string{"x25519_test.json", "ecdh_secp256r1_test.json", "rsa_pkcs1_2048_sig_gen_test.json"} {
		mutantFails(t, runWycheproofPath, filepath.Join(root, f), "wycheproof/"+f, addFlag)
	}
}

// TestWycheproofUndocumentedPartialSkipFails: checkWycheproofSkips
// required only that a file not documented as skipped pass some case, so
// a group skipped inside it (here one whose type the runner does not know,
// as after a rename in the corpus) went unnoticed by TestWycheproof. Each
// skip in such a file must now have a reason the documentation names.
func TestWycheproofUndocumentedPartialSkipFails(t *testing.T) {
	const f = "ecdsa_secp256r1_sha256_p1363_test.json"
	src := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1", f)
	orig := runWycheproofPath(src, "wycheproof/"+f)
	if p := wycheproofSkipProblems([]Result{orig}); len(p) != 0 || orig.Failed != 0 {
		t.Fatalf("the corpus file: %q %q", p, orig.Failures)
	}
	m := loadJSONFile(t, src)
	m["testGroups"].([]any)[0].(map[string]any)["type"] = "EcdsaP1363VerifyV2"
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), f)
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runWycheproofPath(dst, "wycheproof/"+f)
	if r.Failed != 0 || r.Skipped == 0 || r.Passed == 0 {
		t.Fatalf("mutated: %+v, want some cases skipped and the rest passed", tallyOf(r))
	}
	if p := wycheproofSkipProblems([]Result{r}); len(p) != 1 || !strings.Contains(p[0], "has no runner") {
		t.Errorf("a group of an unknown type skipped: problems %q, want one naming it", p)
	}
	// A documented partial skip in another file is still a problem.
	r.Name = "wycheproof/legacy/ecdsa_webcrypto_test.json"
	r.SkipReasons = map[string]int{"secp256k1 (ES256K) not registered (JOSE issue)": 1, "JWE case: JWE is not built yet": 1}
	if p := wycheproofSkipProblems([]Result{r}); len(p) != 1 || !strings.Contains(p[0], "JWE") {
		t.Errorf("a JWE skip in the webcrypto ECDSA file: problems %q", p)
	}
}

// invalidOnlyGroups returns the groups of a decoded Wycheproof file whose
// cases are all invalid, failing t when there is none.
func invalidOnlyGroups(t *testing.T, m map[string]any) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, g := range m["testGroups"].([]any) {
		g := g.(map[string]any)
		valid := false
		for _, tc := range g["tests"].([]any) {
			valid = valid || tc.(map[string]any)["result"] != "invalid"
		}
		if !valid {
			out = append(out, g)
		}
	}
	if len(out) == 0 {
		t.Fatal("no group of invalid cases only")
	}
	return out
}

// TestWycheproofSignatureKeyRefusalFails: a signature case that must be
// rejected passed on any error, so an invalid-only group whose key the
// library refused (here Ed25519 keys one byte short, as a truncated or
// renamed "pk" gives) passed every case without a signature being checked.
// The group's key is valid, so a rejection must now be a failed
// verification; a key refused fails the case.
func TestWycheproofSignatureKeyRefusalFails(t *testing.T) {
	root := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1")
	// Only the groups whose cases are all invalid: the valid ones would
	// fail with any key refused anyway.
	shortKeys := func(key string) func(map[string]any) {
		return func(m map[string]any) {
			for _, g := range invalidOnlyGroups(t, m) {
				pk := g["publicKey"].(map[string]any)
				pk[key] = pk[key].(string)[2:]
			}
		}
	}
	mutantFails(t, runWycheproofPath, filepath.Join(root, "ed25519_test.json"), "wycheproof/ed25519_test.json", shortKeys("pk"))
}

// TestWycheproofECDSAKeyRefusalFails is TestWycheproofSignatureKeyRefusalFails
// for ECDSA, whose keys the runner parses itself: a backend that refuses
// the edge-case keys of the groups holding only invalid cases (a defect:
// the keys are valid) passed all of those cases, none of whose signatures
// it looked at. The file is one whose curve and hash no registered
// algorithm pairs, so the Backend primitive is called and its error seen;
// through the registry any backend error is ErrVerify (Signature.Verify).
func TestWycheproofECDSAKeyRefusalFails(t *testing.T) {
	const f = "ecdsa_secp256r1_sha512_p1363_test.json"
	path := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1", f)
	var wf struct {
		TestGroups []struct {
			PublicKey struct {
				Uncompressed hexBytes `json:"uncompressed"`
			} `json:"publicKey"`
			Tests []wTest `json:"tests"`
		} `json:"testGroups"`
	}
	if err := loadJSON(path, &wf); err != nil {
		t.Fatal(err)
	}
	// The keys of no case that must be accepted.
	refuse, keep := map[string]bool{}, map[string]bool{}
	for _, g := range wf.TestGroups {
		k := string(g.PublicKey.Uncompressed)
		if slices.ContainsFunc(g.Tests, func(c wTest) bool { return c.Result != "invalid" }) {
			keep[k] = true
		} else {
			refuse[k] = true
		}
	}
	for k := range keep {
		delete(refuse, k)
	}
	if len(refuse) == 0 {
		t.Fatal("no group of invalid cases only")
	}
	m := mutant{Backend: gencrypto.DefaultBackend(), refuseKeys: refuse}
	if r := runWycheproofFile(path, f, "wycheproof/"+f, []gencrypto.Backend{m}); r.Failed == 0 {
		t.Errorf("a backend refusing %d valid keys: %+v, want their cases failed", len(refuse), tallyOf(r))
	}
}

// TestWycheproofECDHUnknownEncodingFails: an ECDH group whose encoding
// the runner did not know had every public key "rejected" for it, so its
// invalid cases passed without a key being read (shown here on the group
// reduced to its invalid cases). The encoding is checked first now, and
// an unknown one fails the group.
func TestWycheproofECDHUnknownEncodingFails(t *testing.T) {
	const f = "ecdh_secp256r1_test.json"
	src := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1", f)
	mutantFails(t, runWycheproofPath, src, "wycheproof/"+f, func(m map[string]any) {
		n := 0
		for _, g := range m["testGroups"].([]any) {
			g := g.(map[string]any)
			g["encoding"] = "der"
			var inv []any
			for _, tc := range g["tests"].([]any) {
				if tc.(map[string]any)["result"] == "invalid" {
					inv = append(inv, tc)
				}
			}
			g["tests"] = inv
			n += len(inv)
		}
		m["numberOfTests"] = n
	})
}

// TestAcceptableFlagsOfCorpus walks the corpus itself: every acceptable
// case of every file that runs resolves (each of its flags decides or
// accompanies one that does), and every flag of acceptablePolicy and
// acceptableCompanions occurs on some acceptable case, so the documented
// table is neither short of the corpus nor stale.
func TestAcceptableFlagsOfCorpus(t *testing.T) {
	root := filepath.Join(testenv.Vectors(t), "wycheproof")
	seen := map[string]bool{}
	n := 0
	for _, d := range wycheproofDirs {
		files, err := jsonFiles(filepath.Join(root, d.dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if wholeFileSkips.MatchString(f) {
				continue
			}
			var wf struct {
				TestGroups []struct {
					Tests []wTest `json:"tests"`
				} `json:"testGroups"`
			}
			if err := loadJSON(filepath.Join(root, d.dir, f), &wf); err != nil {
				t.Fatal(err)
			}
			for _, g := range wf.TestGroups {
				for _, c := range g.Tests {
					if c.Result != "acceptable" {
						continue
					}
					n++
					if _, err := expect(&c); err != nil {
						t.Errorf("%s%s tcId %d: %v", d.prefix, f, c.TcID, err)
					}
					for _, fl := range c.Flags {
						seen[fl] = true
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no acceptable case in the corpus")
	}
	for _, p := range acceptablePolicy {
		if !seen[p.flag] {
			t.Errorf("acceptablePolicy decides %s, which no acceptable case carries", p.flag)
		}
	}
	for f := range acceptableCompanions {
		if !seen[f] {
			t.Errorf("acceptableCompanions lists %s, which no acceptable case carries", f)
		}
	}
}
