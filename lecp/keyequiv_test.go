package lecp

import (
	"errors"
	"io"
	"math"
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
		{"a2 f90000 01 f98000 02", true, "0.0 and -0.0 (\"-0.0 is equal to 0.0\")", true},
		{"a2 f98000 01 f90000 02", true, "-0.0 and 0.0", false},
		{"a2 fa80000000 01 fb0000000000000000 02", true, "-0.0 and 0.0 in single and double precision", false},
		{"a3 f90000 01 01 02 fb8000000000000000 03", true, "0.0, 1, -0.0", false},
		{"a2 00 01 f90000 02", false, "0 and 0.0: an integer and a float differ", true},
		{"a2 f97e00 01 f9fe00 02", true, "NaN and -NaN: the same significand", false},
		{"a2 f97e00 01 fb7ff8000000000000 02", true, "NaN as half and as double: the same significand zero-extended", false},
		{"a2 f97e00 01 f97e01 02", true, "NaNs with different payloads: RFC 8949 §5.6.1 makes them distinct; lecp does not keep NaN payloads (doc.go) and takes every NaN key as the same", false},
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

// TestKeyEquivalenceLargeMap: 0.0 and -0.0 are the same key also in a map
// large enough for the keys' hash table, and in either order.
func TestKeyEquivalenceLargeMap(t *testing.T) {
	for _, first := range []float64{0, math.Copysign(0, -1)} {
		b := AppendMapHeader(nil, 102)
		for i := range 100 {
			b = AppendNull(AppendInt(b, int64(i)))
			if i == 60 {
				b = AppendNull(AppendFloat(b, first))
			}
		}
		b = AppendNull(AppendFloat(b, -first))
		for api, err := range keyVerdicts(b, nil) {
			if err == nil || !strings.Contains(err.Error(), ErrDuplicateKey.Error()) {
				t.Errorf("first %v, %s: %v, want a duplicate key", first, api, err)
			}
		}
	}
}

// TestWriterZeroKeys: the Writer refuses 0.0 and -0.0 as keys of one map,
// as Check does.
func TestWriterZeroKeys(t *testing.T) {
	for _, det := range []bool{false, true} {
		w := Writer{Deterministic: det}
		w.BeginMap()
		w.Float(math.Copysign(0, -1))
		w.Null()
		w.Uint(1)
		w.Null()
		w.Float(0)
		w.Null()
		w.EndMap()
		if _, err := w.Bytes(); !errors.Is(err, ErrDuplicateKey) {
			t.Errorf("deterministic=%v: %v, want ErrDuplicateKey", det, err)
		}
	}
}
