package vectors

import (
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// loadJSONFile decodes the JSON file at path.
func loadJSONFile(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var file map[string]any
	if err := json.Unmarshal(b, &file); err != nil {
		t.Fatal(err)
	}
	return file
}

// wycheproofMutate rewrites a Wycheproof file: f is called on every test
// (as decoded JSON) of every group, with its group.
func wycheproofMutate(t *testing.T, src, dst string, f func(g, tc map[string]any)) {
	t.Helper()
	file := loadJSONFile(t, src)
	for _, g := range file["testGroups"].([]any) {
		for _, tc := range g.(map[string]any)["tests"].([]any) {
			f(g.(map[string]any), tc.(map[string]any))
		}
	}
	b, err := json.Marshal(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWycheproofRunnerFails proves that the Wycheproof runner can fail, on
// one file of every family and key encoding: with every "valid" case
// relabelled "invalid" and every "invalid" one "valid", each case the
// runner passed must now fail (acceptable cases keep their outcome); and
// with the expected output of every valid case changed in its last bit
// (or, when empty, made one zero byte), exactly the valid cases must fail.
// So a runner that passes a case without checking its result or its output
// fails this test. The rewritten files are written to a temporary folder.
func TestWycheproofRunnerFails(t *testing.T) {
	root := filepath.Join(testenv.Vectors(t), "wycheproof")
	for _, tc := range []struct {
		file string
		out  string // the expected output of a valid case, "" if none
	}{
		{"testvectors_v1/ecdsa_secp256r1_sha256_test.json", ""},       // DER, registry
		{"testvectors_v1/ecdsa_secp256r1_sha256_p1363_test.json", ""}, // P1363
		{"testvectors_v1/ecdsa_secp256r1_sha512_test.json", ""},       // Backend path
		{"testvectors_legacy/ecdsa_webcrypto_test.json", ""},          // JWK keys
		{"testvectors_v1/ed25519_test.json", ""},
		{"testvectors_v1/ecdh_secp256r1_test.json", "shared"}, // SPKI keys
		{"testvectors_v1/ecdh_secp256r1_ecpoint_test.json", "shared"},
		{"testvectors_v1/ecdh_secp256r1_webcrypto_test.json", "shared"},
		{"testvectors_v1/x25519_test.json", "shared"},
		{"testvectors_v1/x25519_asn_test.json", "shared"},
		{"testvectors_v1/rsa_signature_2048_sha256_test.json", ""},
		{"testvectors_v1/rsa_pkcs1_2048_sig_gen_test.json", "sig"},
		{"testvectors_v1/rsa_pss_2048_sha256_mgf1_32_test.json", ""},
		{"testvectors_v1/rsa_pss_2048_sha256_mgf1_32_params_test.json", ""},
		{"testvectors_v1/rsa_oaep_2048_sha256_mgf1sha256_test.json", "msg"},
		{"testvectors_v1/aes_gcm_test.json", "ct"},
		{"testvectors_v1/aes_ccm_test.json", "tag"},
		{"testvectors_v1/chacha20_poly1305_test.json", "ct"},
		{"testvectors_v1/xchacha20_poly1305_test.json", "tag"},
		{"testvectors_v1/a128cbc_hs256_test.json", "ct"},
		{"testvectors_v1/aes_wrap_test.json", "ct"},
		{"testvectors_legacy/kw_test.json", "ct"},
		{"testvectors_v1/hmac_sha256_test.json", "tag"}, // registry
		{"testvectors_v1/hmac_sha1_test.json", "tag"},   // Backend path
		{"testvectors_v1/hkdf_sha256_test.json", "okm"},
		{"testvectors_v1/hkdf_sha1_test.json", "okm"},
		{"testvectors_v1/pbkdf2_hmacsha256_test.json", "dk"},
		{"testvectors_v1/json_web_key_test.json", ""},       // delegated
		{"testvectors_v1/json_web_signature_test.json", ""}, // delegated
		{"testvectors_v1/json_web_crypto_test.json", ""},    // delegated
	} {
		short := filepath.Base(tc.file)
		name := "wycheproof/" + short
		if strings.HasPrefix(tc.file, "testvectors_legacy/") {
			name = "wycheproof/legacy/" + short
		}
		run := func(p string) Result { return runWycheproofFile(p, short, name, Backends()) }
		src := filepath.Join(root, filepath.FromSlash(tc.file))
		orig := run(src)
		if orig.Failed != 0 || orig.Passed == 0 {
			t.Errorf("%s: %+v %q", short, tallyOf(orig), orig.Failures)
			continue
		}
		nAcc, nValid := 0, 0
		inv := filepath.Join(t.TempDir(), short)
		wycheproofMutate(t, src, inv, func(_, c map[string]any) {
			switch c["result"] {
			case "valid":
				nValid++
				c["result"] = "invalid"
			case "invalid":
				c["result"] = "valid"
			default:
				nAcc++
			}
		})
		want := tally{orig.Cases, nAcc, orig.Passed - nAcc, orig.Skipped}
		swapped := run(inv)
		got := tallyOf(swapped)
		if short == "json_web_signature_test.json" {
			// Its skipped and refused cases are those whose data
			// contradicts their label or the library's policy (documented
			// on WycheproofJWS): relabelled, they pass as ordinary cases.
			// Refusals of the policy do not depend on the label, so the
			// relabelled run's own refusals are set apart.
			want = tally{orig.Cases, orig.Skipped + orig.Refused, 0, 0}
			got.passed -= swapped.Refused
			got.failed, got.skipped = 0, 0
		}
		if got != want {
			t.Errorf("%s with valid and invalid swapped: %+v, want %+v", short, got, want)
		}
		if tc.out == "" {
			continue
		}
		cor := filepath.Join(t.TempDir(), short)
		wycheproofMutate(t, src, cor, func(_, c map[string]any) {
			if c["result"] != "valid" {
				return
			}
			b, err := hex.DecodeString(c[tc.out].(string))
			if err != nil {
				t.Fatal(err)
			}
			if len(b) == 0 {
				b = []byte{0}
			} else {
				b[len(b)-1] ^= 1
			}
			c[tc.out] = hex.EncodeToString(b)
		})
		want = tally{orig.Cases, orig.Passed - nValid, nValid, orig.Skipped}
		if got := tallyOf(run(cor)); got != want {
			t.Errorf("%s with the %q of valid cases changed: %+v, want %+v", short, tc.out, got, want)
		}
	}
}

// TestWycheproofJWKKeyedFails does the same for the runner that reads the
// keys with jose/jwk: swapped labels fail every non-acceptable case, a
// changed shared secret fails every valid case, and a group whose PEM key
// is not its JWK fails all of its cases.
func TestWycheproofJWKKeyedFails(t *testing.T) {
	root := filepath.Join(testenv.Vectors(t), "wycheproof")
	// An acceptable case keeps its outcome when the labels are swapped (its
	// flags decide it, and they are unchanged), unless its group is skipped:
	// ECDSA groups whose curve and hash are not a JOSE algorithm.
	jose := map[string]bool{"P-256 SHA-256": true, "P-384 SHA-384": true, "P-521 SHA-512": true}
	swap := func(nAcc, nValid *int) func(g, c map[string]any) {
		return func(g, c map[string]any) {
			switch c["result"] {
			case "valid":
				*nValid++
				c["result"] = "invalid"
			case "invalid":
				c["result"] = "valid"
			default:
				if j, ok := g["jwk"].(map[string]any); !ok || jose[j["crv"].(string)+" "+g["sha"].(string)] {
					*nAcc++
				}
			}
		}
	}
	for _, tc := range []struct{ file, out string }{
		{"testvectors_v1/ecdh_secp256r1_webcrypto_test.json", "shared"},
		{"testvectors_legacy/ecdsa_webcrypto_test.json", ""},
	} {
		src := filepath.Join(root, filepath.FromSlash(tc.file))
		orig := wycheproofJWKKeyed(src)
		if orig.Failed != 0 || orig.Passed == 0 {
			t.Fatalf("%s: %+v %q", tc.file, tallyOf(orig), orig.Failures)
		}
		// Under a folder of the same name, so the result name is the same.
		tmp := filepath.Join(t.TempDir(), filepath.FromSlash(tc.file))
		var nAcc, nValid int
		wycheproofMutate(t, src, tmp, swap(&nAcc, &nValid))
		r := wycheproofJWKKeyed(tmp)
		// Refused cases (a curve or hash JOSE does not offer) are refused
		// whatever their label.
		if want := (tally{orig.Cases, nAcc + orig.Refused, orig.Passed - nAcc - orig.Refused, orig.Skipped}); tallyOf(r) != want || r.Name != orig.Name || r.Refused != orig.Refused {
			t.Errorf("%s swapped: %s %+v, want %s %+v", tc.file, r.Name, tallyOf(r), orig.Name, want)
		}
		if tc.out != "" {
			wycheproofMutate(t, src, tmp, func(_, c map[string]any) {
				if c["result"] == "valid" {
					b, _ := hex.DecodeString(c[tc.out].(string))
					b[len(b)-1] ^= 1
					c[tc.out] = hex.EncodeToString(b)
				}
			})
			if r := wycheproofJWKKeyed(tmp); tallyOf(r) != (tally{orig.Cases, orig.Passed - nValid, nValid, orig.Skipped}) {
				t.Errorf("%s with changed %s: %+v", tc.file, tc.out, tallyOf(r))
			}
		}
	}

	// The PEM keys of the first two groups (P-256, SHA-256) swapped.
	src := filepath.Join(root, "testvectors_legacy", "ecdsa_webcrypto_test.json")
	file := loadJSONFile(t, src)
	gs := file["testGroups"].([]any)
	g0, g1 := gs[0].(map[string]any), gs[1].(map[string]any)
	g0["keyPem"], g1["keyPem"] = g1["keyPem"], g0["keyPem"]
	n := len(g0["tests"].([]any)) + len(g1["tests"].([]any))
	b, _ := json.Marshal(file)
	tmp := filepath.Join(t.TempDir(), "ecdsa_webcrypto_test.json")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		t.Fatal(err)
	}
	orig := wycheproofJWKKeyed(src)
	if r := wycheproofJWKKeyed(tmp); tallyOf(r) != (tally{orig.Cases, orig.Passed - n, n, orig.Skipped}) {
		t.Errorf("PEM keys swapped: %+v, want %d failed", tallyOf(r), n)
	}
	if r := wycheproofJWKKeyed(filepath.Join(t.TempDir(), "missing.json")); tallyOf(r) != (tally{1, 0, 1, 0}) {
		t.Errorf("missing file: %+v", tallyOf(r))
	}
}

// wholeFileSkips are the Wycheproof files the package documentation says
// are not run at all (# Not run, and why), written independently of
// fileSkip and of the families' parameter checks: secp256k1, Ed448/X448,
// ML-DSA/ML-KEM, AES-KWP, AES-CBC-PKCS5 and json_web_encryption (JWE):
// algorithms the library does not offer. (The RSA PKCS#1 v1.5 decryption
// files run, every case refused by design: TestWycheproofRSA15RefusedByDesign.) The
// RSA-PSS/OAEP files whose MGF1 hash or PSS salt length differs from the
// message hash are not skipped: checkRSARefusals (TestWycheproof).
var wholeFileSkips = regexp.MustCompile(`secp256k1|^(ed448|x448|mldsa|mlkem)_|^aes_kwp_test|^aes_cbc_pkcs5_test|^json_web_encryption_test`)

// checkWycheproofSkips fails unless exactly the documented files are
// skipped whole, and every other file passes cases: a runner that skipped
// a family, or ran a documented skip, would pass TestWycheproof otherwise.
func checkWycheproofSkips(t *testing.T, res []Result) {
	t.Helper()
	for _, p := range wycheproofSkipProblems(res) {
		t.Error(p)
	}
}

// partialSkips are the skips the package documentation names in files that
// otherwise run (README, "Conformance vectors"), as file and reason
// patterns written independently of the runners: the secp256k1 group of
// the legacy webcrypto ECDSA file, the JWE groups of json_web_crypto, the
// two json_web_signature cases labelled invalid but identical to valid
// ones, and the zero-salt PSS case whose modification lands on the offered
// parameters.
var partialSkips = []struct{ file, reason *regexp.Regexp }{
	{regexp.MustCompile(`^legacy/ecdsa_webcrypto_test\.json$`), regexp.MustCompile(`^secp256k1 `)},
	{regexp.MustCompile(`^json_web_crypto_test\.json$`), regexp.MustCompile(`^JWE case`)},
	{regexp.MustCompile(`^json_web_signature_test\.json$`), regexp.MustCompile(`^marked invalid but byte-identical to a valid case`)},
	{regexp.MustCompile(`^rsa_pss_2048_sha256_mgf1_0(_params)?_test\.json$`), regexp.MustCompile(`^invalid under parameters the library does not offer, but valid under those it does`)},
}

// wycheproofSkipProblems is what checkWycheproofSkips reports: a
// documented whole-file skip that ran, a file that is not one with no
// passed case, or a skip in such a file that partialSkips does not name
// (a group skipped for an unknown curve, group type or backend refusal
// would otherwise pass as long as another group of its file ran).
func wycheproofSkipProblems(res []Result) []string {
	var out []string
	for _, r := range res {
		base := r.Name[strings.LastIndexByte(r.Name, '/')+1:]
		if wholeFileSkips.MatchString(base) {
			if r.Passed != 0 || r.Skipped != r.Cases || r.Cases == 0 {
				out = append(out, fmt.Sprintf("%s: documented as not run, but %+v", r.Name, tallyOf(r)))
			}
			continue
		}
		if r.Passed == 0 {
			out = append(out, fmt.Sprintf("%s: no case passed (%+v, %v)", r.Name, tallyOf(r), r.SkipReasons))
		}
		file := strings.TrimPrefix(r.Name, "wycheproof/")
		for why, n := range r.SkipReasons {
			if !slices.ContainsFunc(partialSkips, func(p struct{ file, reason *regexp.Regexp }) bool {
				return p.file.MatchString(file) && p.reason.MatchString(why)
			}) {
				out = append(out, fmt.Sprintf("%s: %d cases skipped for a reason not documented for this file: %s", r.Name, n, why))
			}
		}
	}
	return out
}

// TestRSAPSSKeyParameters checks that an RSASSA-PSS key whose own
// parameters disagree with its group's (hash, MGF1 hash or salt length,
// each alone) fails every case of the group rather than running, or being
// skipped, under the group's parameters.
func TestRSAPSSKeyParameters(t *testing.T) {
	const f = "rsa_pss_2048_sha256_mgf1_32_params_test.json"
	src := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1", f)
	for _, tc := range []struct {
		member string
		value  any
	}{
		{"sha", "SHA-384"},
		{"mgfSha", "SHA-384"},
		{"sLen", 20},
		{"publicKey", map[string]any{"modulus": "", "publicExponent": "010001"}}, // unusable key
	} {
		dst := filepath.Join(t.TempDir(), f)
		wycheproofMutate(t, src, dst, func(g, _ map[string]any) { g[tc.member] = tc.value })
		r := runWycheproofFile(dst, f, "wycheproof/"+f, Backends())
		if r.Failed != r.Cases || r.Cases == 0 || !strings.Contains(r.Failures[0], "public key") {
			t.Errorf("group %s = %v: %+v %q", tc.member, tc.value, tallyOf(r), r.Failures[:min(len(r.Failures), 1)])
		}
	}
}

// TestRSAPublicKeyHex checks the reading of Wycheproof's hex RSA public
// keys: an exponent that does not fit an int32, or an empty modulus, is
// refused rather than read modulo 2^64.
func TestRSAPublicKeyHex(t *testing.T) {
	for _, tc := range []struct {
		n, e string
		ok   bool
	}{
		{"00c5", "010001", true},
		{"c5", "7fffffff", true},
		{"c5", "80000000", false},
		{"c5", "010000000000000003", false}, // 2^64+3: its low 64 bits are 3
		{"c5", "8000000000000003", false},
		{"", "010001", false},
	} {
		k := rsaPublicHex{Modulus: testenv.Hex(t, tc.n), PublicExponent: testenv.Hex(t, tc.e)}
		pub, err := k.key()
		if (err == nil) != tc.ok {
			t.Errorf("n %s e %s: %v, %v", tc.n, tc.e, pub, err)
		}
	}
}

// TestRSAPSSKeyWithoutParameters checks the other side of
// TestRSAPSSKeyParameters: an id-RSASSA-PSS key whose parameters are
// absent places no restriction (RFC 4055 §1.2), so its group runs under
// the group's own parameters exactly as with the key as given, instead of
// every case failing against the SHA-1/MGF1-SHA-1/20 defaults.
func TestRSAPSSKeyWithoutParameters(t *testing.T) {
	const f = "rsa_pss_2048_sha256_mgf1_32_params_test.json"
	src := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1", f)
	orig := runWycheproofFile(src, f, "wycheproof/"+f, Backends())
	dst := filepath.Join(t.TempDir(), f)
	wycheproofMutate(t, src, dst, func(g, _ map[string]any) {
		der, err := hex.DecodeString(g["publicKeyDer"].(string))
		if err != nil {
			t.Fatal(err)
		}
		var spki struct {
			Algo pkix.AlgorithmIdentifier
			Key  asn1.BitString
		}
		if rest, err := asn1.Unmarshal(der, &spki); err != nil || len(rest) != 0 {
			t.Fatalf("SPKI: %v", err)
		}
		spki.Algo.Parameters = asn1.RawValue{}
		out, err := asn1.Marshal(spki)
		if err != nil {
			t.Fatal(err)
		}
		g["publicKeyDer"] = hex.EncodeToString(out)
	})
	r := runWycheproofFile(dst, f, "wycheproof/"+f, Backends())
	if orig.Failed != 0 || orig.Passed == 0 || tallyOf(r) != tallyOf(orig) {
		t.Errorf("key without parameters: %+v, with them: %+v: %q", tallyOf(r), tallyOf(orig), r.Failures[:min(len(r.Failures), 1)])
	}
}
