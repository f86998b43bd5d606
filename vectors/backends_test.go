package vectors

import (
	"crypto"
	"crypto/ecdsa"
	"fmt"
	"hash"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// namedBackend is the default backend under another name, claiming support
// for what supports says.
type namedBackend struct {
	gencrypto.Backend
	name     string
	supports bool
}

func (b namedBackend) Name() string         { return b.name }
func (b namedBackend) Supports(string) bool { return b.supports }

// TestCaseAggregation checks how one case's outcomes on several backends
// become one count: it passes only if every supporting backend passes, a
// failure names its backend, unsupported backends do not count, and a case
// no backend could run is a skip with a reason.
func TestCaseAggregation(t *testing.T) {
	a := namedBackend{gencrypto.DefaultBackend(), "a", true}
	b := namedBackend{gencrypto.DefaultBackend(), "b", true}
	off := namedBackend{gencrypto.DefaultBackend(), "off", false}
	valid := &wTest{TcID: 1, Result: "valid"}
	for _, tc := range []struct {
		name     string
		backends []gencrypto.Backend
		test     *wTest
		f        func(gencrypto.Backend, expectation) verdict
		want     string // "pass", "skip:<reason>", "fail:<substring>"
	}{
		{"all pass", []gencrypto.Backend{a, b}, valid,
			func(gencrypto.Backend, expectation) verdict { return passed }, "pass"},
		{"one fails", []gencrypto.Backend{a, b}, valid,
			func(x gencrypto.Backend, _ expectation) verdict {
				if x.Name() == "b" {
					return failed("wrong output")
				}
				return passed
			}, "fail:[b] wrong output"},
		{"unsupported backend not asked", []gencrypto.Backend{a, off}, valid,
			func(x gencrypto.Backend, _ expectation) verdict {
				if x.Name() == "off" {
					return failed("should not run")
				}
				return passed
			}, "pass"},
		{"skip on one, pass on other", []gencrypto.Backend{a, b}, valid,
			func(x gencrypto.Backend, _ expectation) verdict {
				if x.Name() == "a" {
					return skipped("a lacks it")
				}
				return passed
			}, "pass"},
		{"skip everywhere", []gencrypto.Backend{a, b}, valid,
			func(gencrypto.Backend, expectation) verdict { return skipped("nobody has it") }, "skip:nobody has it"},
		{"no backend supports", []gencrypto.Backend{off}, valid,
			func(gencrypto.Backend, expectation) verdict { return passed }, "skip:no backend supports x"},
		{"panic is a failure", []gencrypto.Backend{a}, valid,
			func(gencrypto.Backend, expectation) verdict { panic("boom") }, "fail:panic: boom"},
		{"undocumented acceptable flag", []gencrypto.Backend{a}, &wTest{TcID: 2, Result: "acceptable", Flags: []string{"Novel"}},
			func(gencrypto.Backend, expectation) verdict { return passed }, "fail:no documented policy"},
		{"acceptable resolved to reject", []gencrypto.Backend{a}, &wTest{TcID: 3, Result: "acceptable", Flags: []string{"ZeroSharedSecret"}},
			func(_ gencrypto.Backend, exp expectation) verdict {
				if exp != mustReject {
					return failed("expectation %d", exp)
				}
				return passed
			}, "pass"},
	} {
		var res Result
		c := &wctx{res: &res, backends: tc.backends}
		c.one(tc.test, "x", tc.f)
		if res.Cases != 1 {
			t.Errorf("%s: %d cases counted", tc.name, res.Cases)
			continue
		}
		switch kind, detail, _ := strings.Cut(tc.want, ":"); kind {
		case "pass":
			if res.Passed != 1 {
				t.Errorf("%s: not passed: %+v", tc.name, res)
			}
		case "skip":
			if res.Skipped != 1 || res.SkipReasons[detail] != 1 {
				t.Errorf("%s: want skip %q, got %+v", tc.name, detail, res)
			}
		case "fail":
			if res.Failed != 1 || len(res.Failures) != 1 || !strings.Contains(res.Failures[0], detail) {
				t.Errorf("%s: want failure with %q, got %+v", tc.name, detail, res)
			}
		}
	}
}

// TestJudge checks the verdicts of judge and judgeOutput.
func TestJudge(t *testing.T) {
	b := gencrypto.DefaultBackend()
	for _, tc := range []struct {
		name string
		v    verdict
		want uint8
	}{
		{"accepted as expected", judge(b, mustAccept, nil, ""), vPass},
		{"rejected as expected", judge(b, mustReject, gencrypto.ErrVerify, ""), vPass},
		{"valid rejected", judge(b, mustAccept, gencrypto.ErrVerify, ""), vFail},
		{"invalid accepted", judge(b, mustReject, nil, ""), vFail},
		{"unsupported is no rejection", judge(b, mustReject, &gencrypto.UnsupportedError{}, "x"), vSkip},
		{"wrong output", judgeOutput(b, mustAccept, []byte{1}, nil, []byte{2}, ""), vFail},
		{"right output", judgeOutput(b, mustAccept, []byte{1}, nil, []byte{1}, ""), vPass},
		{"output of a rejected case ignored when it errs", judgeOutput(b, mustReject, nil, gencrypto.ErrVerify, []byte{1}, ""), vPass},
	} {
		if tc.v.kind != tc.want {
			t.Errorf("%s: verdict %d (%s), want %d", tc.name, tc.v.kind, tc.v.msg, tc.want)
		}
	}
}

// mutant is the default backend with one primitive broken, to show that the
// runner notices: a runner that passed these would not be checking.
type mutant struct {
	gencrypto.Backend
	acceptAll bool // Verify accepts every signature
	hmacKey   bool // NewHMAC uses a different key
	ecdhFlip  bool // ECDH flips a bit of the secret
	kwUnwrap  bool // Unwrap flips a bit of the unwrapped key
	// refuseKeys are ECDSA public keys (uncompressed) Verify refuses as
	// invalid keys although they are valid.
	refuseKeys map[string]bool
}

func (m mutant) Name() string { return "mutant" }

func (m mutant) Verify(prim string, pub crypto.PublicKey, h crypto.Hash, msg, sig []byte) error {
	if m.acceptAll {
		return nil
	}
	if k, ok := pub.(*ecdsa.PublicKey); ok && m.refuseKeys != nil {
		if b, err := k.Bytes(); err == nil && m.refuseKeys[string(b)] {
			return fmt.Errorf("mutant: %w", gencrypto.ErrInvalidKey)
		}
	}
	return m.Backend.Verify(prim, pub, h, msg, sig)
}

func (m mutant) NewHMAC(h crypto.Hash, key []byte) (hash.Hash, error) {
	if m.hmacKey {
		key = append([]byte{1}, key...)
	}
	return m.Backend.NewHMAC(h, key)
}

func (m mutant) Unwrap(prim string, kek, ct []byte) ([]byte, error) {
	k, err := m.Backend.Unwrap(prim, kek, ct)
	if m.kwUnwrap && err == nil {
		k[0] ^= 1
	}
	return k, err
}

func (m mutant) ECDH(prim string, priv crypto.PrivateKey, pub crypto.PublicKey) ([]byte, error) {
	z, err := m.Backend.ECDH(prim, priv, pub)
	if m.ecdhFlip && err == nil {
		z[0] ^= 1
	}
	return z, err
}

func TestRunnerCatchesBrokenBackends(t *testing.T) {
	dir := filepath.Join(testenv.Vectors(t), "wycheproof", "testvectors_v1")
	std := gencrypto.DefaultBackend()
	for _, tc := range []struct {
		file string
		m    mutant
	}{
		{"ecdsa_secp256r1_sha256_p1363_test.json", mutant{Backend: std, acceptAll: true}},
		{"ecdsa_secp384r1_sha256_test.json", mutant{Backend: std, acceptAll: true}}, // Backend path (no registered algorithm)
		{"ed25519_test.json", mutant{Backend: std, acceptAll: true}},
		{"rsa_signature_2048_sha224_test.json", mutant{Backend: std, acceptAll: true}},
		{"hmac_sha256_test.json", mutant{Backend: std, hmacKey: true}},
		{"hmac_sha1_test.json", mutant{Backend: std, hmacKey: true}},
		{"x25519_test.json", mutant{Backend: std, ecdhFlip: true}},
		{"ecdh_secp256r1_ecpoint_test.json", mutant{Backend: std, ecdhFlip: true}},
		{"aes_wrap_test.json", mutant{Backend: std, kwUnwrap: true}}, // wrapping is right: unwrapping must be checked too
	} {
		// The mutant runs beside the real backend: failures must name it.
		res := runWycheproofFile(filepath.Join(dir, tc.file), tc.file, "wycheproof/"+tc.file, []gencrypto.Backend{std, tc.m})
		if res.Failed == 0 {
			t.Errorf("%s: a broken backend passed every case (%+v)", tc.file, res)
			continue
		}
		for _, f := range res.Failures {
			if !strings.Contains(f, "[mutant]") || strings.Contains(f, "[std]") {
				t.Errorf("%s: failure not attributed to the broken backend alone: %s", tc.file, f)
			}
		}
	}
}
