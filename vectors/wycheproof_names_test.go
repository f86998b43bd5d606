package vectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
