package lecp

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// keyVerdicts runs b through Check, the push parser (whole and one byte at
// a time) and the pull decoder, returning their errors.
func keyVerdicts(b []byte, opts *Options) map[string]error {
	errs := map[string]error{"Check": Check(b, opts)}
	for name, split := range map[string]func(int) int{"push": nil, "push 1-byte": func(int) int { return 1 }} {
		if tr := tracePush(b, opts, split); strings.Contains(tr, "error: ") {
			errs[name] = errors.New(tr[strings.Index(tr, "error: "):])
		} else {
			errs[name] = nil
		}
	}
	d := NewDecoder(iotestOneByte(b), opts)
	var err error
	for err == nil {
		_, err = d.ReadToken()
	}
	if err == io.EOF {
		err = nil
	}
	errs["pull"] = err
	return errs
}

// TestKeyEquivalence: map keys are compared as data items (RFC 8949
// §5.6.1): "A tagged value is distinct from an untagged value or from a
// value tagged with a different tag number", while serialization variants
// (head length, indefinite lengths) do not make keys distinct. Every API
// gives the same verdict, with and without Deterministic where the input
// is deterministic.
func TestKeyEquivalence(t *testing.T) {
	for _, tc := range []struct {
		hex string
		dup bool
		why string
		det bool // the input is core deterministic
	}{
		{"a2 d818 01 f6 d820 01 f6", false, "24(1) and 32(1): tag numbers differ", true},
		{"a2 c1 01 f6 c2 01 f6", false, "1(1) and 2(1)", true},
		{"a2 d90100 01 f6 d820 01 f6", false, "256(1) and 32(1)", false},
		{"a2 c0 01 f6 da00010000 01 f6", false, "0(1) and 65536(1)", true},
		{"a2 c0 01 f6 db0000000100000000 01 f6", false, "0(1) and 4294967296(1)", true},
		{"a2 d820 fb3fb999999999999a f6 db0000010000000000 fb3fb999999999999a f6", false, "32(0.1) and 1099511627776(0.1)", true},
		{"a2 c1 01 f6 01 f6", false, "1(1) and 1", false},
		{"a2 81 c1 01 f6 81 c2 01 f6", false, "[1(1)] and [2(1)]", true},
		{"a2 c1 c2 01 f6 c1 c3 01 f6", false, "1(2(1)) and 1(3(1))", true},
		{"a2 d820 01 f6 d820 01 f6", true, "32(1) twice", false},
		{"a2 d820 01 f6 d9 0020 01 f6", true, "32(1) with a one-byte and a two-byte tag head", false},
		{"a2 c1 61 61 f6 c1 7f 61 61 ff f6", true, `1("a") and 1((_ "a"))`, false},
		{"a2 db0000010000000000 01 f6 db0000010000000000 01 f6", true, "1099511627776(1) twice", false},
	} {
		b := mustHex(t, tc.hex)
		optss := []*Options{nil}
		if tc.det {
			optss = append(optss, &Options{Deterministic: true})
		}
		for _, opts := range optss {
			for api, err := range keyVerdicts(b, opts) {
				if tc.dup && (err == nil || !strings.Contains(err.Error(), ErrDuplicateKey.Error())) {
					t.Errorf("%s (%s), %s, deterministic=%v: %v, want a duplicate key", tc.hex, tc.why, api, opts != nil, err)
				}
				if !tc.dup && err != nil {
					t.Errorf("%s (%s), %s, deterministic=%v: %v, want accepted", tc.hex, tc.why, api, opts != nil, err)
				}
			}
		}
	}
}
