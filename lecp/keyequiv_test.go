package lecp

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/fxamacker/cbor/v2"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
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
		b := testenv.Hex(t, tc.hex)
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

// fxKeyDec decodes one map key for fxKeyCanon.
var fxKeyDec, _ = cbor.DecOptions{
	MaxNestedLevels: 64, IndefLength: cbor.IndefLengthAllowed, TagsMd: cbor.TagsAllowed,
	UTF8: cbor.UTF8DecodeInvalid, DupMapKey: cbor.DupMapKeyQuiet,
}.DecMode()

// fxKeyCanon is a key's data item as fxamacker sees it: decoded into a Go
// value and re-encoded core deterministically. ok is false for keys whose
// Go value is not the data item: tags 0-3 (time, bignums), undefined and
// simple values (nil, SimpleValue), and maps (compared as sets by
// fxamacker, by encoding in order by lecp, doc.go) or -0.0 inside a
// composite key (also doc.go).
func fxKeyCanon(raw []byte) ([]byte, bool) {
	d := NewDecoderBytes(raw, &Options{AllowDuplicateKeys: true, AllowInvalidUTF8: true, MaxDepth: 64})
	composite := raw[0]>>5 == majArray || raw[0]>>5 == majTag
	for {
		tk, err := d.ReadToken()
		if err != nil {
			break
		}
		switch {
		case tk.Kind == TagStart && tk.Uint <= 3, tk.Kind == Undefined, tk.Kind == Simple, tk.Kind == MapStart,
			tk.Kind == Float && composite && tk.Float == 0 && math.Signbit(tk.Float):
			return nil, false
		}
	}
	var v any
	if fxKeyDec.Unmarshal(raw, &v) != nil {
		return nil, false
	}
	b, err := fxEnc.Marshal(v)
	if err != nil {
		return nil, false
	}
	if bytes.Equal(b, []byte{0xf9, 0x80, 0x00}) {
		b = []byte{0xf9, 0x00, 0x00} // -0.0 is 0.0 (RFC 8949 §5.6.1); fxamacker keeps the sign
	}
	return b, true
}

// keyDifferential: for a map b, lecp reports a duplicate key exactly when
// two keys have the same fxKeyCanon.
func keyDifferential(t testing.TB, b []byte) {
	if len(b) == 0 || b[0]>>5 != majMap {
		return
	}
	loose := &Options{AllowDuplicateKeys: true, MaxDepth: 64}
	if Check(b, loose) != nil {
		return
	}
	d := NewDecoderBytes(b, loose)
	if _, err := d.ReadToken(); err != nil {
		return
	}
	seen := map[string]bool{}
	dup := false
	for d.More() {
		raw, err := d.ReadValue()
		if err != nil {
			return
		}
		c, ok := fxKeyCanon(raw)
		if !ok || Check(raw, &Options{MaxDepth: 64}) != nil {
			return // (a duplicate inside a key or value is another matter)
		}
		dup = dup || seen[string(c)]
		seen[string(c)] = true
		val, err := d.ReadValue()
		if err != nil || Check(val, &Options{MaxDepth: 64}) != nil {
			return
		}
	}
	err := Check(b, &Options{MaxDepth: 64})
	if got := errors.Is(err, ErrDuplicateKey); got != dup || !dup && err != nil {
		t.Fatalf("%x: lecp %v; keys equal as fxamacker's data items: %v", b, err, dup)
	}
}

// TestKeyDifferential: the maps of TestKeyEquivalence, and keys of every
// kind in pairs written in other serializations (longer heads, indefinite
// lengths, wider floats), equal or not.
func TestKeyDifferential(t *testing.T) {
	keys := []string{"01", "1801", "190001", "1a00000001", "1b0000000000000001", "20", "3800", "6161", "7800", "7f6161ff", "7f6061ff", "780161",
		"4161", "5f4161ff", "8101", "9f01ff", "98 01 18 01", "c1 01", "d8 01 01", "d9 0001 01", "c2 01", "d820 6161", "d820 7f6161ff",
		"f93c00", "fa3f800000", "fb3ff0000000000000", "f90000", "f98000", "fa00000000", "fa80000000", "f97e00", "fa7fc00000", "f4", "f5", "f6",
		"82 01 f93c00", "82 1801 fa3f800000", "9f c1 01 ff", "81 c1 18 01", "d818 01", "d820 01", "81 f90000", "81 fa00000000"}
	n := 0
	for _, a := range keys {
		for _, b := range keys {
			m := testenv.Hex(t, "a2"+a+"00"+b+"00")
			keyDifferential(t, m)
			n++
		}
	}
	t.Logf("%d pairs", n)
}

// FuzzKeyDifferential: keyDifferential on any input.
func FuzzKeyDifferential(f *testing.F) {
	addSeeds(f)
	for _, h := range []string{"a2 c1 01 00 d8 01 01 00", "a2 f90000 00 fa80000000 00", "a2 9f 01 ff 00 81 1801 00", "a2 7f 6161 6162 ff 00 62 6162 00"} {
		f.Add(testenv.Hex(f, h))
	}
	f.Fuzz(func(t *testing.T, b []byte) { keyDifferential(t, b) })
}

// TestDeterministicNaNKeyOrder: under Deterministic, map keys must rise in
// the bytewise order of their encodings as received (RFC 8949 §4.2.1). A
// NaN with a payload or a sign bit (f9ff30, f9fe00: preferred serialization
// of that NaN, so deterministic) is the same key as every other NaN, but
// its order is that of its own bytes, not of f97e00; also inside a
// composite key, and with AllowDuplicateKeys. A fuzz run found f9ff30
// before f98030 accepted.
func TestDeterministicNaNKeyOrder(t *testing.T) {
	for _, tc := range []struct {
		hex string
		ok  bool
	}{
		{"a2 f9ff30 30 f98030 30", false},
		{"a2 f98030 30 f9ff30 30", true},
		{"a2 f9fe00 00 f98030 00", false},
		{"a2 f98030 00 f9fe00 00", true},
		{"a2 f97e01 00 f97e00 00", false}, // both NaN: refused either way
		{"a2 81f9ff30 30 81f98030 30", false},
		{"a2 81f98030 30 81f9ff30 30", true},
		{"a2 82f98030f9ff30 00 82f98030f98031 00", false},
		{"a2 82f98030f98031 00 82f98030f9ff30 00", true},
		{"a2 a1f9ff3000 00 a1f9803000 00", false},
		{"a2 a1f9803000 00 a1f9ff3000 00", true},
		{"a3 f9ff30 00 a1f9fe0000 00 f98030 00", false},
		{"a1 f9ff30 a2 f9fe00 00 f98030 00", false},
		{"a1 f9ff30 a2 f98030 00 f9fe00 00", true},
	} {
		b := testenv.Hex(t, tc.hex)
		for _, opts := range []*Options{{Deterministic: true}, {Deterministic: true, AllowDuplicateKeys: true}} {
			for api, err := range keyVerdicts(b, opts) {
				if tc.ok && err != nil {
					t.Errorf("%s, %s, AllowDuplicateKeys=%v: %v, want accepted", tc.hex, api, opts.AllowDuplicateKeys, err)
				}
				if !tc.ok && err == nil {
					t.Errorf("%s, %s, AllowDuplicateKeys=%v: accepted, want refused", tc.hex, api, opts.AllowDuplicateKeys)
				}
			}
		}
	}
}
