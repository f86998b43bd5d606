package vectors

import (
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
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
