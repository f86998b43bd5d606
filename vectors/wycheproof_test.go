package vectors

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestWycheproof runs the whole Wycheproof corpus against every backend and
// fails listing every failed case. It also checks that every file of the
// two vector folders has exactly one line in the report, that each line adds
// up, and that each counts every test of its file once.
func TestWycheproof(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "wycheproof")
	res, err := Wycheproof.Run(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Result{}
	for _, r := range res {
		got[r.Name] = r
	}
	byName := map[string]string{}
	for _, d := range wycheproofDirs {
		files, err := jsonFiles(filepath.Join(dir, d.dir))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Errorf("no files in %s", d.dir)
		}
		for _, f := range files {
			byName[d.prefix+f] = filepath.Join(d.dir, f)
			if _, ok := got[d.prefix+f]; !ok {
				t.Errorf("report has no line for %s%s", d.prefix, f)
			}
		}
	}
	if len(res) != len(byName) {
		t.Errorf("%d lines for %d files", len(res), len(byName))
	}
	// Every test of every file is counted once, against a count taken
	// from the JSON itself rather than the file's numberOfTests.
	checkWycheproofCounts(t, dir, res, func(name string) string { return byName[name] })
	total := 0
	for _, r := range res {
		total += r.Cases
		if r.Passed+r.Failed+r.Skipped != r.Cases {
			t.Errorf("%s: %d passed + %d failed + %d skipped != %d cases", r.Name, r.Passed, r.Failed, r.Skipped, r.Cases)
		}
		sum := 0
		for why, n := range r.SkipReasons {
			if strings.TrimSpace(why) == "" {
				t.Errorf("%s: %d skips without a reason", r.Name, n)
			}
			sum += n
		}
		if sum != r.Skipped {
			t.Errorf("%s: skip reasons add up to %d, skipped %d", r.Name, sum, r.Skipped)
		}
		refused := 0
		for why, n := range r.RefuseReasons {
			if strings.TrimSpace(why) == "" {
				t.Errorf("%s: %d refusals without a reason", r.Name, n)
			}
			refused += n
		}
		if refused != r.Refused || r.Refused > r.Passed {
			t.Errorf("%s: refuse reasons add up to %d, refused %d, passed %d", r.Name, refused, r.Refused, r.Passed)
		}
		if r.Failed > 0 {
			t.Errorf("%s: %d of %d cases failed:\n\t%s", r.Name, r.Failed, r.Cases, strings.Join(r.Failures, "\n\t"))
		}
	}
	if total == 0 {
		t.Fatal("no cases run")
	}
	checkWycheproofSkips(t, res)
	checkRSARefusals(t, dir, res)
	t.Logf("%d files, %d cases", len(res), total)
}

// TestPinnedRSAParameters backs the skips of RSA-PSS and RSA-OAEP parameter
// sets the Backend contract cannot express: the registry must reject those
// signatures and ciphertexts, not accept them under its own parameters.
// Wycheproof's valid PSS signatures with a 0-byte salt or MGF1-SHA-1 must
// fail PS256, and its valid OAEP ciphertexts with MGF1-SHA-1 must fail
// RSA-OAEP-256.
func TestPinnedRSAParameters(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1")
	for _, f := range []string{"rsa_pss_2048_sha256_mgf1_0_test.json", "rsa_pss_2048_sha256_mgf1sha1_20_test.json"} {
		var wf struct {
			TestGroups []struct {
				PublicKey rsaPublicHex `json:"publicKey"`
				Tests     []rsaSigTest `json:"tests"`
			} `json:"testGroups"`
		}
		if err := loadJSON(filepath.Join(dir, f), &wf); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, g := range wf.TestGroups {
			pub, err := g.PublicKey.key()
			if err != nil {
				t.Fatal(err)
			}
			for _, tc := range g.Tests {
				if tc.Result != "valid" {
					continue
				}
				n++
				if err := gencrypto.PS256().Verify(pub, tc.Msg, tc.Sig); !errors.Is(err, gencrypto.ErrVerify) {
					t.Errorf("%s tcId %d: PS256 gave %v, want ErrVerify", f, tc.TcID, err)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no valid cases", f)
		}
	}

	var wf struct {
		TestGroups []struct {
			PrivateKeyPkcs8 hexBytes `json:"privateKeyPkcs8"`
			Tests           []struct {
				wTest
				CT    hexBytes `json:"ct"`
				Label hexBytes `json:"label"`
			} `json:"tests"`
		} `json:"testGroups"`
	}
	const f = "rsa_oaep_2048_sha256_mgf1sha1_test.json"
	if err := loadJSON(filepath.Join(dir, f), &wf); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, g := range wf.TestGroups {
		key, err := parseRSAPrivate(g.PrivateKeyPkcs8)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range g.Tests {
			if tc.Result != "valid" || len(tc.Label) != 0 {
				continue
			}
			n++
			if _, err := gencrypto.RSAOAEP256().Decrypt(key, tc.CT); !errors.Is(err, gencrypto.ErrVerify) {
				t.Errorf("%s tcId %d: RSA-OAEP-256 gave %v, want ErrVerify", f, tc.TcID, err)
			}
		}
	}
	if n == 0 {
		t.Errorf("%s: no valid cases without a label", f)
	}
}

// TestAcceptablePolicyComplete checks that every entry of acceptablePolicy
// decides, that an undocumented flag does not resolve, and that table
// order wins; TestAcceptableFlagsOfCorpus checks the table against the
// corpus (TestWycheproof would also fail an undecided case).
func TestAcceptablePolicyComplete(t *testing.T) {
	for _, p := range acceptablePolicy {
		if p.exp != mustAccept && p.exp != mustReject {
			t.Errorf("flag %s: no decision", p.flag)
		}
	}
	if _, err := expect(&wTest{Result: "acceptable", Flags: []string{"NoSuchFlag"}}); err == nil {
		t.Error("an acceptable case with an undocumented flag resolved")
	}
	if e, err := expect(&wTest{Result: "acceptable", Flags: []string{"Twist", "ZeroSharedSecret"}}); err != nil || e != mustReject {
		t.Errorf("ZeroSharedSecret with Twist: %v %v, want reject", e, err)
	}
}
