package vectors

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// coseCasesInFile counts the cases of a cose-wg example from its JSON,
// independently of the runner: one content case (one per signer for
// "sign"), one per top-level recipient whose alg is not "direct", one
// per countersigner anywhere in the input, and one for output.cbor_diag
// when the example has one.
func coseCasesInFile(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Input  map[string]any `json:"input"`
		Output struct {
			Diag string `json:"cbor_diag"`
		} `json:"output"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	n := 0
	if f.Output.Diag != "" {
		n++
	}
	for _, kind := range []string{"sign0", "sign", "mac0", "mac", "encrypted", "enveloped"} {
		l, ok := f.Input[kind].(map[string]any)
		if !ok {
			continue
		}
		if kind == "sign" {
			n += len(l["signers"].([]any))
		} else {
			n++
		}
		rs, _ := l["recipients"].([]any)
		for _, r := range rs {
			alg := ""
			for _, h := range []string{"protected", "unprotected"} {
				if m, ok := r.(map[string]any)[h].(map[string]any); ok {
					if s, ok := m["alg"].(string); ok {
						alg = s
					}
				}
			}
			if alg != "direct" {
				n++
			}
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if k == "countersign" || k == "countersign0" {
					n += len(x.(map[string]any)["signers"].([]any))
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(f.Input)
	return n
}

// TestCOSEExamples runs every cose-wg example: one line per file, named
// after it, each counting the cases its file holds (coseCasesInFile), none
// failing; the only skips are the two documented reasons, Ed448 and the
// algorithms not built yet, and the cbor_diag case of exactly the examples
// coseDiagErrata lists, for their corpus error; the refusals are those of
// algorithms and curves lwscrypto does not offer.
func TestCOSEExamples(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "cose-wg-examples")
	res, err := COSEExamples.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Result{}
	for _, r := range res {
		got[r.Name] = r
	}
	files := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		files++
		rel, _ := filepath.Rel(dir, p)
		name := "cose-wg-examples/" + filepath.ToSlash(rel)
		r, ok := got[name]
		if !ok {
			t.Errorf("%s: no line", name)
			return nil
		}
		if want := coseCasesInFile(t, p); r.Cases != want || want == 0 {
			t.Errorf("%s: %d cases, the file holds %d", name, r.Cases, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != len(res) || files < 300 {
		t.Errorf("%d lines for %d files", len(res), files)
	}
	var passed, refused, errata int
	for _, r := range res {
		passed += r.Passed
		refused += r.Refused
		if r.Failed > 0 {
			t.Errorf("%s: %q", r.Name, r.Failures)
		}
		if e, ok := coseDiagErrata[r.Name]; ok {
			if r.SkipReasons[e.reason()] != 1 {
				t.Errorf("%s: skipped for %v, want its cbor_diag case skipped for %q", r.Name, r.SkipReasons, e.reason())
			}
			errata++
		}
		for why := range r.SkipReasons {
			if e, ok := coseDiagErrata[r.Name]; ok && why == e.reason() {
				continue
			}
			if why != skipCOSERecipient && why != skipCOSECountersign && !strings.HasPrefix(why, "Ed448 key: not built yet") &&
				!regexp.MustCompile(`^COSE algorithm (AES-MAC-(128|256)/(64|128)|HSS-LMS) \(-?\d+\): not built yet`).MatchString(why) {
				t.Errorf("%s: undocumented skip %q", r.Name, why)
			}
		}
		for why := range r.RefuseReasons {
			if !strings.Contains(why, "not offered") && !strings.Contains(why, "binds each ECDSA algorithm to its curve") {
				t.Errorf("%s: refusal %q", r.Name, why)
			}
		}
	}
	if passed-refused < 250 || refused == 0 {
		t.Errorf("%d passed, %d of them refused", passed, refused)
	}
	if errata != 2 || len(coseDiagErrata) != 2 {
		t.Errorf("%d of the %d examples listed with a cbor_diag error ran; want the 2 x509 examples", errata, len(coseDiagErrata))
	}
}

// TestCOSEExamplesRunnerFails proves the COSE runner can fail: a flipped
// signature, MAC tag or ciphertext byte, a pass example marked "fail", a
// wrong content key for a key-wrap recipient, an algorithm name whose
// COSE identifier is not the message's, and a wrong ToBeSign, ToMac or AAD
// intermediate each fail their case.
func TestCOSEExamplesRunnerFails(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "cose-wg-examples")
	flipLast := func(m map[string]any) {
		// The last byte of output.cbor lies in the signature, tag or
		// ciphertext of these examples.
		s := m["output"].(map[string]any)["cbor"].(string)
		last := "0"
		if s[len(s)-1] == '0' {
			last = "1"
		}
		m["output"].(map[string]any)["cbor"] = s[:len(s)-1] + last
	}
	for _, tc := range []struct {
		file   string
		mutate func(m map[string]any)
	}{
		{"ecdsa-examples/ecdsa-sig-01.json", flipLast},
		{"eddsa-examples/eddsa-01.json", func(m map[string]any) {
			in := m["input"].(map[string]any)["sign"].(map[string]any)
			in["signers"].([]any)[0].(map[string]any)["external"] = "00"
		}},
		{"hmac-examples/HMac-enc-01.json", flipLast},
		{"aes-ccm-examples/aes-ccm-enc-01.json", flipLast},
		{"RFC8152/Appendix_C_4_1.json", func(m map[string]any) { m["fail"] = true }},
		{"aes-wrap-examples/aes-wrap-128-04.json", func(m map[string]any) {
			im := m["intermediates"].(map[string]any)
			im["CEK_hex"] = strings.Repeat("00", len(im["CEK_hex"].(string))/2)
		}},
		{"hmac-examples/HMac-01.json", func(m map[string]any) {
			mac := m["input"].(map[string]any)["mac"].(map[string]any)
			mac["protected"].(map[string]any)["alg"] = "HS512"
		}},
		// A wrong intermediate (the structure the message is checked
		// under) fails, for each kind of structure.
		{"sign1-tests/sign-pass-01.json", func(m map[string]any) { wrongHex(m["intermediates"].(map[string]any), "ToBeSign_hex") }},
		{"ecdsa-examples/ecdsa-01.json", func(m map[string]any) {
			wrongHex(m["intermediates"].(map[string]any)["signers"].([]any)[0].(map[string]any), "ToBeSign_hex")
		}},
		{"hmac-examples/HMac-01.json", func(m map[string]any) { wrongHex(m["intermediates"].(map[string]any), "ToMac_hex") }},
		{"aes-gcm-examples/aes-gcm-01.json", func(m map[string]any) { wrongHex(m["intermediates"].(map[string]any), "AAD_hex") }},
	} {
		mutantFails(t, runCOSEFile, filepath.Join(dir, filepath.FromSlash(tc.file)), "cose-wg-examples/"+tc.file, tc.mutate)
	}
}

// wrongHex changes the last hex digit of m[k].
func wrongHex(m map[string]any, k string) {
	s := m[k].(string)
	last := "0"
	if s[len(s)-1] == '0' {
		last = "1"
	}
	m[k] = s[:len(s)-1] + last
}

// TestCOSEFailExampleRejectedForItsOwnInputsFails: a "fail" example passes
// only when its message is rejected (a wrong tag, header or algorithm, or
// a signature, tag or ciphertext that does not check), not when the
// runner cannot use the example's own inputs: here sign-fail-02 (a changed
// signature) gets a key jose/jwk refuses, mac-fail-02 a content key that
// is not hex and enc-fail-02 one of the wrong size for its algorithm, so
// nothing about the message is checked.
func TestCOSEFailExampleRejectedForItsOwnInputsFails(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "cose-wg-examples")
	for _, tc := range []struct {
		file   string
		mutate func(m map[string]any)
	}{
		{"sign1-tests/sign-fail-02.json", func(m map[string]any) {
			delete(m["input"].(map[string]any)["sign0"].(map[string]any)["key"].(map[string]any), "y")
		}},
		{"mac0-tests/mac-fail-02.json", func(m map[string]any) { m["intermediates"].(map[string]any)["CEK_hex"] = "zz" }},
		{"encrypted-tests/enc-fail-02.json", func(m map[string]any) { m["intermediates"].(map[string]any)["CEK_hex"] = "0000" }},
	} {
		mutantFails(t, runCOSEFile, filepath.Join(dir, filepath.FromSlash(tc.file)), "cose-wg-examples/"+tc.file, tc.mutate)
	}
}
