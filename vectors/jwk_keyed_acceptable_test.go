package vectors

import (
	"encoding/hex"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestWycheproofJWKKeyedAcceptable checks that the JWK-keyed runner judges
// "acceptable" cases by the documented flag table (package documentation,
// # Acceptable cases), as the main Wycheproof runner does, instead of
// counting them as passed whatever happens. In x25519_jwk_test.json an
// acceptable case without the ZeroSharedSecret flag must give the expected
// shared secret: with that secret changed, each such case must fail. A case
// whose result is none of Wycheproof's three words must fail too.
func TestWycheproofJWKKeyedAcceptable(t *testing.T) {
	const rel = "testvectors_v1/x25519_jwk_test.json"
	src := testenv.VectorsFile(t, "wycheproof/"+rel)
	orig := wycheproofJWKKeyed(src)
	if orig.Failed != 0 || orig.Passed == 0 {
		t.Fatalf("%+v %q", tallyOf(orig), orig.Failures)
	}
	tmp := filepath.Join(t.TempDir(), filepath.FromSlash(rel))
	nAccept := 0
	wycheproofMutate(t, src, tmp, func(_, c map[string]any) {
		if c["result"] != "acceptable" {
			return
		}
		for _, f := range c["flags"].([]any) {
			if f == "ZeroSharedSecret" {
				return
			}
		}
		nAccept++
		b, _ := hex.DecodeString(c["shared"].(string))
		b[len(b)-1] ^= 1
		c["shared"] = hex.EncodeToString(b)
	})
	if nAccept == 0 {
		t.Fatal("no acceptable case to accept in the file")
	}
	r := wycheproofJWKKeyed(tmp)
	if want := (tally{orig.Cases, orig.Passed - nAccept, nAccept, orig.Skipped}); tallyOf(r) != want {
		t.Errorf("acceptable cases with a changed shared secret: %+v, want %+v", tallyOf(r), want)
	}

	wycheproofMutate(t, src, tmp, func(_, c map[string]any) {
		if c["tcId"] == float64(1) {
			c["result"] = "maybe"
		}
	})
	r = wycheproofJWKKeyed(tmp)
	if want := (tally{orig.Cases, orig.Passed - 1, 1, orig.Skipped}); tallyOf(r) != want {
		t.Errorf("result \"maybe\": %+v, want %+v", tallyOf(r), want)
	}
}

// TestWycheproofJOSEUnknownResult checks that the runners of the JOSE
// Wycheproof files (json_web_signature_test.json, json_web_key_test.json)
// fail a case whose result is none of "valid", "invalid", "acceptable"
// (and, having no acceptable policy of their own, an "acceptable" one)
// instead of counting a rejection as a pass or skipping it.
func TestWycheproofJOSEUnknownResult(t *testing.T) {
	for _, tc := range []struct {
		file string
		run  func(string) Result
	}{
		{"json_web_signature_test.json", WycheproofJWS},
		{"json_web_key_test.json", wycheproofJWK},
	} {
		src := testenv.VectorsFile(t, "wycheproof/testvectors_v1/"+tc.file)
		orig := tc.run(src)
		for _, result := range []string{"maybe", "acceptable"} {
			tmp := filepath.Join(t.TempDir(), tc.file)
			n := 0
			wycheproofMutate(t, src, tmp, func(_, c map[string]any) {
				if c["result"] == "invalid" && n == 0 {
					n++
					c["result"] = result
				}
			})
			r := tc.run(tmp)
			if want := (tally{orig.Cases, orig.Passed - 1, orig.Failed + 1, orig.Skipped}); tallyOf(r) != want {
				t.Errorf("%s, one invalid case relabelled %q: %+v, want %+v", tc.file, result, tallyOf(r), want)
			}
		}
	}
}

// TestWycheproofEmptyFile checks that a Wycheproof file with no cases, or
// without the numberOfTests every Wycheproof file carries, or whose count
// disagrees with its tests, fails in both runners that read Wycheproof
// files, rather than being reported clean with nothing checked.
func TestWycheproofEmptyFile(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, text string }{
		{"empty_test.json", `{"testGroups":[]}`},
		{"nocount_test.json", `{"testGroups":[{"type":"XdhJwkComp","curve":"X448","tests":[{"tcId":1,"result":"valid"}]}]}`},
		{"zero_test.json", `{"numberOfTests":0,"testGroups":[]}`},
		{"more_test.json", `{"numberOfTests":2,"testGroups":[{"type":"XdhJwkComp","curve":"X448","tests":[{"tcId":1,"result":"valid"}]}]}`},
	} {
		p := filepath.Join(dir, tc.name)
		writeFiles(t, dir, map[string]string{tc.name: tc.text})
		if r := runWycheproofFile(p, tc.name, "wycheproof/"+tc.name, Backends()); r.Failed == 0 {
			t.Errorf("Wycheproof runner, %s: %+v, want a failure", tc.text, tallyOf(r))
		}
		if r := wycheproofJWKKeyed(p); r.Failed == 0 {
			t.Errorf("JWK-keyed runner, %s: %+v, want a failure", tc.text, tallyOf(r))
		}
	}
}

// TestWycheproofJWKNonCanonicalKey checks that the jws_duplicate_kid case of
// json_web_key_test.json is judged on its duplicate kid, not on an unrelated
// upstream defect: the second key's "k" ends in a non-canonical base64url
// character, so the set is refused whatever the kids are. With the second
// kid made unique, the token verifies with the first key and the case (still
// marked invalid) must fail; as published (duplicate kids) it must pass.
func TestWycheproofJWKNonCanonicalKey(t *testing.T) {
	src := testenv.VectorsFile(t, "wycheproof/testvectors_v1/json_web_key_test.json")
	orig := wycheproofJWK(src)
	if orig.Failed != 0 {
		t.Fatalf("as published: %+v %q", tallyOf(orig), orig.Failures)
	}
	tmp := filepath.Join(t.TempDir(), "json_web_key_test.json")
	found := false
	wycheproofMutate(t, src, tmp, func(g, _ map[string]any) {
		if g["comment"] != "jws_duplicate_kid" {
			return
		}
		found = true
		keys := g["private"].(map[string]any)["keys"].([]any)
		keys[1].(map[string]any)["kid"] = "another-kid"
	})
	if !found {
		t.Fatal("no jws_duplicate_kid group")
	}
	r := wycheproofJWK(tmp)
	if want := (tally{orig.Cases, orig.Passed - 1, 1, orig.Skipped}); tallyOf(r) != want {
		t.Errorf("duplicate kid removed: %+v, want %+v", tallyOf(r), want)
	}
}

// TestWycheproofJWKKeyedKeyRefusalFails is TestWycheproofSignatureKeyRefusalFails
// for the JWK-keyed runner, which kept the old rule when the Wycheproof
// runner learnt it: any error passed an ECDSA case to reject, so the
// groups of legacy/ecdsa_webcrypto_test.json holding only invalid cases
// passed with their JWKs refused by jose/jwk, no signature looked at, in
// any group without a keyPem (with one, the JWK/PEM cross-check fails the
// group first). The group's key is valid: a refusal of it, or of an
// input, fails the case.
func TestWycheproofJWKKeyedKeyRefusalFails(t *testing.T) {
	src := testenv.VectorsFile(t, "wycheproof/testvectors_legacy/ecdsa_webcrypto_test.json")
	run := func(p, _ string) Result { return wycheproofJWKKeyed(p) }
	mutantFails(t, run, src, "legacy/ecdsa_webcrypto_test.json (jwk)", func(m map[string]any) {
		n := 0
		for _, g := range invalidOnlyGroups(t, m) {
			if j := g["jwk"].(map[string]any); j["crv"] != "P-256K" {
				j["x"] = j["x"].(string)[4:] // three bytes short
				delete(g, "keyPem")          // else the JWK/PEM cross-check fails the group
				n++
			}
		}
		if n == 0 {
			t.Fatal("no group of invalid cases only on a curve of the runner")
		}
	})
}
