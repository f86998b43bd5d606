package vectors

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// unpinnedRSACases counts, from the JSON of a Wycheproof RSA-PSS or
// RSA-OAEP file and independently of the runner, the cases of its groups
// whose parameters JOSE and COSE do not offer: an MGF1 hash other than the
// message (OAEP) hash, or a PSS salt length other than the hash length.
func unpinnedRSACases(t *testing.T, path string) int {
	t.Helper()
	var f struct {
		TestGroups []struct {
			Type   string            `json:"type"`
			Sha    string            `json:"sha"`
			MGFSha string            `json:"mgfSha"`
			SLen   int               `json:"sLen"`
			Tests  []json.RawMessage `json:"tests"`
		} `json:"testGroups"`
	}
	if err := loadJSON(path, &f); err != nil {
		t.Fatal(err)
	}
	size := map[string]int{"SHA-1": 20, "SHA-224": 28, "SHA-256": 32, "SHA-384": 48, "SHA-512": 64, "SHA-512/224": 28, "SHA-512/256": 32}
	n := 0
	for _, g := range f.TestGroups {
		if size[g.Sha] == 0 || size[g.MGFSha] == 0 {
			t.Fatalf("%s: group hashes %q/%q not in the table", path, g.Sha, g.MGFSha)
		}
		pss := strings.HasPrefix(g.Type, "RsassaPss")
		if g.MGFSha != g.Sha || pss && g.SLen != size[g.Sha] {
			n += len(g.Tests)
		}
	}
	return n
}

// landsOnPinned is the skip reason of an invalid case that is valid under
// the offered parameters (see wctx.refuse).
const landsOnPinned = "invalid under parameters the library does not offer, but valid under those it does (the modification lands on them): not a refusal to check"

// checkRSARefusals checks, on the results of the whole corpus, that every
// case of an RSA-PSS or RSA-OAEP group with parameters JOSE and COSE do not
// offer was run and refused (or, for an invalid case whose modification
// lands on the offered parameters, skipped saying so), against a count
// taken from the files; and that no other case was counted refused.
func checkRSARefusals(t *testing.T, dir string, res []Result) {
	t.Helper()
	total := 0
	for _, r := range res {
		base := strings.TrimPrefix(r.Name, "wycheproof/")
		if !strings.HasPrefix(base, "rsa_pss_") && !strings.Contains(base, "oaep_") {
			continue
		}
		want := unpinnedRSACases(t, filepath.Join(dir, "testvectors_v1", base))
		total += want
		landed := r.SkipReasons[landsOnPinned]
		if r.Refused+landed != want || r.Skipped != landed || r.Failed != 0 {
			t.Errorf("%s: %d refused + %d landed (skipped %d, failed %d), the file has %d cases with parameters not offered",
				r.Name, r.Refused, landed, r.Skipped, r.Failed, want)
		}
		if landed > 2 {
			t.Errorf("%s: %d invalid cases valid under the offered parameters; expected at most the s_len-changed one per file", r.Name, landed)
		}
	}
	if total == 0 {
		t.Error("no RSA case with parameters not offered: the corpus has hundreds")
	}
}

// TestRSARefusalCanFail proves the refusal check can fail: a PSS group whose
// salt length is relabelled 0 (its signatures keep the 32-byte salt PS256
// takes) and an OAEP group whose MGF1 hash is relabelled SHA-1 (its
// ciphertexts keep MGF1-SHA-256) must fail every valid case, as the library
// accepts them under its own parameters, rather than count them refused.
func TestRSARefusalCanFail(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1")
	for _, tc := range []struct {
		file, member string
		value        any
	}{
		{"rsa_pss_2048_sha256_mgf1_32_test.json", "sLen", 0},
		{"rsa_oaep_2048_sha256_mgf1sha256_test.json", "mgfSha", "SHA-1"},
	} {
		dst := filepath.Join(t.TempDir(), tc.file)
		valid := 0
		wycheproofMutate(t, filepath.Join(dir, tc.file), dst, func(g, c map[string]any) {
			g[tc.member] = tc.value
			if c["result"] == "valid" {
				valid++
			}
		})
		r := runWycheproofFile(dst, tc.file, "wycheproof/"+tc.file, Backends())
		if valid == 0 || r.Failed != valid || r.Refused == 0 || r.Refused+r.Failed+r.Skipped != r.Cases {
			t.Errorf("%s with %s = %v: %+v refused %d; want the %d valid cases failed, the rest refused",
				tc.file, tc.member, tc.value, tallyOf(r), r.Refused, valid)
		}
	}
}
