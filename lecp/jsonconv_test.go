package lecp

// CBOR ↔ JSON against RFC 8949 §6.1 and §6.2, rule by rule, and a round
// trip JSON → CBOR → JSON over JSONTestSuite compared with encoding/json.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/jsonvalue"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestToJSONRules: one row per rule of RFC 8949 §6.1 (and the tag
// definitions it refers to). Rows with a deviation say how and why lecp
// departs from the RFC's advice (which §6 calls non-normative: "converters
// MAY use whichever advice here they want").
func TestToJSONRules(t *testing.T) {
	for _, tc := range []struct {
		hex, json string
		err       error
		opts      *Options
		rule      string
		deviation string
	}{
		{hex: "1bffffffffffffffff", json: "18446744073709551615", rule: "§6.1: an integer becomes a JSON number"},
		{hex: "3bffffffffffffffff", json: "-18446744073709551616", rule: "§6.1: integers down to -2^64, exactly"},
		{hex: "4401020304", json: `"AQIDBA"`, rule: "§6.1: a byte string becomes base64url without padding"},
		{hex: "40", json: `""`, rule: "§3.4.5.2: the empty byte string is the empty text string"},
		{hex: "43fbff00", json: `"-_8A"`, rule: "§6.1: base64url alphabet (- and _)"},
		{hex: "d5 43fbff00", json: `"-_8A"`, rule: "§3.4.5.2: tag 21, base64url without padding"},
		{hex: "d6 43fbff00", json: `"+/8A"`, rule: "§3.4.5.2: tag 22, classical base64 (+ and /)"},
		{hex: "d6 4101", json: `"AQ=="`, rule: "§3.4.5.2: tag 22 with padding"},
		{hex: "d7 42abcd", json: `"ABCD"`, rule: "§3.4.5.2: tag 23, base16 with uppercase alphabetics"},
		{hex: "d6 82 4101 d5 4101", json: `["AQ==","AQ"]`, rule: "§3.4.5.2: a tag 21-23 applies to the byte strings inside, except those under another such tag"},
		{hex: "d7 a1 6161 4101", json: `{"a":"01"}`, rule: "§3.4.5.2: the tag applies inside maps too"},
		{hex: "d7 5f 41ab 41cd ff", json: `"ABCD"`, rule: "§6.1: indefinite-length items are made definite"},
		{hex: "7f 6161 6162 ff", json: `"ab"`, rule: "§6.1: indefinite-length text"},
		{hex: "62 225c", json: `"\"\\"`, rule: "§6.1: quotation mark and reverse solidus escaped"},
		{hex: "63 00 1f 7f", json: `"\u0000\u001f` + "\x7f" + `"`, rule: "§6.1: C0 controls escaped, all other characters copied"},
		{hex: "62 c3bc", json: "\"ü\"", rule: "§6.1: characters other than quote, reverse solidus and C0 are copied unchanged"},
		{hex: "9f 01 bf 6161 02 ff ff", json: `[1,{"a":2}]`, rule: "§6.1: arrays and maps, indefinite or not"},
		{hex: "a2 01 02 20 03", json: `{"1":2,"-1":3}`, rule: "§6.1: integer keys as their decimal representation"},
		{hex: "a2 01 02 61 31 03", err: ErrKeyCollision, rule: "§6.1: 1 and \"1\" collide as member names"},
		{hex: "a2 3bffffffffffffffff 00 75 2d3138343436373434303733373039353531363136 01", err: ErrKeyCollision, rule: "§6.1: -2^64 and its decimal text collide"},
		{hex: "a2 f93e00 00 63 312e35 01", err: ErrKeyCollision, rule: "other keys in diagnostic notation: 1.5 and \"1.5\" collide"},
		{hex: "a2 4101 00 65 6827303127 01", err: ErrKeyCollision, rule: "other keys in diagnostic notation: h'01' and \"h'01'\" collide"},
		{hex: "a2 7f 6161 6162 60 ff 00 7f ff 01", json: `{"ab":0,"":1}`, rule: "§6.1: indefinite-length text keys are made definite"},
		{hex: "a2 7f 6161 6162 ff 00 0a 01", json: `{"ab":0,"10":1}`, rule: "an indefinite key and a number"},
		{hex: "a2 7f 6131 6130 ff 00 0a 01", err: ErrKeyCollision, rule: "(_ \"1\", \"0\") and 10 collide"},
		{hex: "a2 7f 6161 ff 00 6161 01", err: ErrDuplicateKey, rule: "(_ \"a\") and \"a\" are the same key: refused before conversion"},
		{hex: "a2 61ff 00 61fe 01", err: ErrKeyCollision, opts: &Options{AllowInvalidUTF8: true}, rule: "two invalid keys both written \"\\ufffd\" collide"},
		{hex: "a2 63efbfbd 00 61ff 01", err: ErrKeyCollision, opts: &Options{AllowInvalidUTF8: true}, rule: "\"\\ufffd\" and an invalid key written so collide"},
		{hex: "a1 61ff 00", json: `{"\ufffd":0}`, opts: &Options{AllowInvalidUTF8: true}, rule: "an invalid key with AllowInvalidUTF8 is converted as a value is"},
		{hex: "a1 8161ff 00", json: `{"[\"\\ufffd\"]":0}`, opts: &Options{AllowInvalidUTF8: true}, rule: "the options apply to keys converted through diagnostic notation"},
		{hex: "a1 a2 01 01 01 02 00", json: `{"{1: 1, 1: 2}":0}`, opts: &Options{AllowDuplicateKeys: true}, rule: "the options apply to keys converted through diagnostic notation"},
		{hex: "c2 a2 01 01 01 02", err: ErrKeyCollision, opts: &Options{AllowDuplicateKeys: true}, rule: "the options apply under tags 2 and 3"},
		{hex: "c2 61ff", json: `"\ufffd"`, opts: &Options{AllowInvalidUTF8: true}, rule: "the options apply under tags 2 and 3"},
		{hex: "f4", json: "false", rule: "§6.1: false"},
		{hex: "f5", json: "true", rule: "§6.1: true"},
		{hex: "f6", json: "null", rule: "§6.1: null"},
		{hex: "f7", json: "null", rule: "§6.1: other simple values (undefined) become the substitute value"},
		{hex: "f0", json: "null", rule: "§6.1: other simple values become the substitute value"},
		{hex: "f8ff", json: "null", rule: "§6.1: other simple values become the substitute value"},
		{hex: "f97e00", json: "null", rule: "§6.1: NaN becomes the substitute value"},
		{hex: "fb7ff8000000000001", json: "null", rule: "§6.1: NaN with a payload"},
		{hex: "f97c00", json: "null", rule: "§6.1: Infinity"},
		{hex: "faff800000", json: "null", rule: "§6.1: -Infinity"},
		{hex: "f98000", json: "-0", rule: "§6.1: a finite float becomes a number (-0 is a JSON number)"},
		{hex: "f93e00", json: "1.5", rule: "§6.1: finite floats"},
		{hex: "fb7e37e43c8800759c", json: "1e+300", rule: "§6.1: large exponents"},
		{hex: "f90001", json: "5.960464477539063e-8", rule: "§6.1: subnormal half"},
		{hex: "fb0000000000000001", json: "5e-324", rule: "§6.1: smallest double"},
		{hex: "c11a514b67b0", json: "1363896240", rule: "§6.1: other tags: the content, tag number ignored"},
		{hex: "d820 6161", json: `"a"`, rule: "§6.1: other tags ignored"},
		{hex: "c249010000000000000000", json: "18446744073709551616", rule: "§6.1: bignum",
			deviation: "§6.1 advises base64url text (\"AQAAAAAAAAAA\"); lecp writes the exact number, as cbor-test-vectors' decoded field does and so that FromJSON's bignums round-trip"},
		{hex: "c349010000000000000000", json: "-18446744073709551617", rule: "§6.1: negative bignum", deviation: "§6.1 advises \"~AQAAAAAAAAAA\"; as above"},
		{hex: "c35f4101ff", json: "-2", rule: "§6.1: negative bignum, indefinite byte string", deviation: "as above"},
		{hex: "c2 01", json: "1", rule: "tag 2 around a non-byte-string (not valid, §3.4.3): the content is converted"},
		{hex: "a1 d820 6161 00", json: `{"32(\"a\")":0}`, rule: "§6.1: map keys that are not text",
			deviation: "§6.1 notes tags on text keys may be ignored (risking collisions); lecp names such keys in diagnostic notation, so 32(\"a\") and \"a\" do not collide"},
	} {
		got, err := AppendJSON(nil, testenv.Hex(t, tc.hex), tc.opts)
		switch {
		case tc.err != nil:
			if !errors.Is(err, tc.err) {
				t.Errorf("%s (%s): %s, %v; want %v", tc.hex, tc.rule, got, err, tc.err)
			}
		case err != nil || string(got) != tc.json:
			t.Errorf("%s (%s): %s, %v; want %s", tc.hex, tc.rule, got, err, tc.json)
		case !json.Valid(got):
			t.Errorf("%s: %s is not JSON", tc.hex, got)
		}
	}
}

// TestFromJSONRules: one row per rule of RFC 8949 §6.2, with lecp's
// choices where the RFC leaves one.
func TestFromJSONRules(t *testing.T) {
	for _, tc := range []struct {
		json, hex string // hex "" means an error
		det       bool
		rule      string
	}{
		{`0`, "00", false, "§6.2: integers become integers, shortest form"},
		{`-1`, "20", false, "§6.2"},
		{`-0`, "00", false, "§6.2: -0 is an integer number; CBOR integers have no -0"},
		{`9007199254740993`, "1b0020000000000001", false, "§6.2: lecp's range is -2^64..2^64-1 (allowed), not the default ±2^53"},
		{`18446744073709551615`, "1bffffffffffffffff", false, "§6.2"},
		{`-18446744073709551616`, "3bffffffffffffffff", false, "§6.2"},
		{`18446744073709551616`, "c249010000000000000000", false, "§6.2: beyond 64 bits, tag 2 (preferred: no leading zeros)"},
		{`-18446744073709551617`, "c349010000000000000000", false, "§6.2: tag 3"},
		{`1.5`, "f93e00", false, "§6.2: fractions are floats in the shortest form that keeps the value"},
		{`100000.0`, "fa47c35000", false, "§6.2: a fractional part makes a float even when the value is whole"},
		{`1e2`, "f95640", false, "lecp: an exponent makes a float (§6.2 speaks of fractional parts; integers are written without exponents)"},
		{`0.1`, "fb3fb999999999999a", false, "§6.2: decimal to binary64, roundTiesToEven"},
		{`1e-400`, "f90000", false, "§6.2: underflow rounds to 0"},
		{`1e400`, "", false, "lecp: beyond binary64 is an error (no infinity in JSON)"},
		{`"\ud83d\ude00"`, "64f09f9880", false, "strings become text"},
		{`{"b":1,"a":2}`, "a2616201616102", false, "objects become maps, order kept"},
		{`{"b":1,"a":2}`, "a2616102616201", true, "deterministic: keys sorted (§4.2.1)"},
		{`{"a":1,"a":2}`, "", false, "duplicate names: not a valid CBOR map (§5.6)"},
		{`[1,[true,false,null]]`, "8201 83f5f4f6", false, "arrays"},
		{` [1] `, "8101", false, "white space"},
		{`[1] [2]`, "", false, "one JSON text"},
		{``, "", false, "empty input"},
		{`[[1]`, "", false, "unterminated"},
	} {
		got, err := FromJSON(nil, strings.NewReader(tc.json), tc.det)
		if tc.hex == "" {
			if err == nil {
				t.Errorf("%q (%s): %x accepted", tc.json, tc.rule, got)
			}
			continue
		}
		if want := testenv.Hex(t, tc.hex); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%q (%s): %x, %v; want %x", tc.json, tc.rule, got, err, want)
		}
	}
	// FromJSON appends to dst
	got, err := FromJSON([]byte{0xaa}, strings.NewReader(`{"a":[1]}`), true)
	if err != nil || !bytes.Equal(got, testenv.Hex(t, "aa a1 6161 8101")) {
		t.Errorf("append: %x, %v", got, err)
	}
}

// TestFromJSONText: encoding/json turns invalid UTF-8 and unpaired
// surrogate escapes into U+FFFD; FromJSON refuses them (ErrInvalidUTF8, at
// the first bad byte or the escape's backslash), in names as in values,
// as and where lejp does by default, and keeps every well-formed escape.
func TestFromJSONText(t *testing.T) {
	for _, tc := range []struct {
		json string
		hex  string // "" means ErrInvalidUTF8
		off  int64
	}{
		{`"\ud800"`, "", 1},
		{`"\udbff"`, "", 1},
		{`"\udc00"`, "", 1},
		{`"\udfff"`, "", 1},
		{`"\ud800\u0041"`, "", 1},
		{`"\ud800\ud800"`, "", 1},
		{`"\ud800\ue000"`, "", 1},
		{`"\ud800\n"`, "", 1},
		{`"\ud800x"`, "", 1},
		{`"\ud800xudc00"`, "", 1},
		{`"\ud800\\udc00"`, "", 1},
		{`"\ud800\udc00"`, "64f0908080", 0},
		{`"\ud83d\ude00\udc00"`, "", 13},
		{"\"a\xff\"", "", 2},
		{"\"\xed\xa0\x80\"", "", 1},
		{"\"\xc0\xaf\"", "", 1},
		{`[1, "ok", "\udc00"]`, "", 11},
		{`{"a":1, "\udc00":2}`, "", 9},
		{`{"a":"\ud800"}`, "", 6},
		{`"\ud7ff\ue000"`, "66ed9fbfee8080", 0},
		{`"\uD83D\uDE00"`, "64f09f9880", 0},
		{`"\udbff\udfff"`, "64f48fbfbf", 0},
		{`"\\ud800"`, "665c7564383030", 0},
		{`"\\\ud83d\ude00"`, "655cf09f9880", 0},
		{`"\u0000\"\/"`, "6300222f", 0},
		{"\"\uFFFD\"", "63efbfbd", 0},
	} {
		got, err := FromJSON(nil, strings.NewReader(tc.json), false)
		if tc.hex == "" {
			var se *SyntaxError
			if !errors.Is(err, ErrInvalidUTF8) || !errors.As(err, &se) || se.Offset != tc.off {
				t.Errorf("%q: %x, %v; want ErrInvalidUTF8 at %d", tc.json, got, err, tc.off)
			}
			var le *lejp.SyntaxError
			if lerr := lejp.Check([]byte(tc.json), nil); !errors.Is(lerr, lejp.ErrInvalidUTF8) || !errors.As(lerr, &le) || le.Offset != tc.off {
				t.Errorf("%q: lejp: %v", tc.json, lerr)
			}
			continue
		}
		if want := testenv.Hex(t, tc.hex); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%q: %x, %v; want %x", tc.json, got, err, want)
		}
	}
	// A string past encoding/json's first read, after a long run of
	// numbers the source forgets as it goes.
	long := "[" + strings.Repeat("12345678,", 100000) + `"\udc00"]`
	if _, err := FromJSON(nil, iotest.HalfReader(strings.NewReader(long)), false); !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("long: %v", err)
	}
}

// jsonSuiteExpect lists the y_ files FromJSON refuses on purpose.
var jsonSuiteExpect = map[string]string{
	"y_object_duplicated_key.json":           "duplicate names make an invalid CBOR map (RFC 8949 §5.6); RFC 8259 §4 only says names SHOULD be unique",
	"y_object_duplicated_key_and_value.json": "as above",
}

// TestJSONTestSuiteRoundTrip: every y_ file converts to CBOR that Check
// accepts (also deterministically, sorted), and back to JSON that
// encoding/json decodes to the same value as the file (integers exactly);
// every n_ file is refused; i_ files do not panic and, when accepted, give
// valid CBOR and JSON.
func TestJSONTestSuiteRoundTrip(t *testing.T) {
	dir := testenv.VectorsFile(t, "JSONTestSuite/test_parsing")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var y, n, i, iAccepted int
	for _, e := range ents {
		name := e.Name()
		in, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		c, err := FromJSON(nil, bytes.NewReader(in), false)
		for _, r := range []io.Reader{iotest.OneByteReader(bytes.NewReader(in)), iotest.DataErrReader(iotest.HalfReader(bytes.NewReader(in)))} {
			split, serr := FromJSON(nil, r, false)
			if !bytes.Equal(split, c) || fmt.Sprint(serr) != fmt.Sprint(err) {
				t.Fatalf("%q: read in pieces gives %x, %v; whole %x, %v", in, split, serr, c, err)
			}
		}
		switch name[0] {
		case 'n':
			n++
			if err == nil {
				t.Errorf("%s: accepted as %x", name, c)
			}
			continue
		case 'i':
			i++
			if lerr := lejp.Check(in, nil); errors.Is(lerr, lejp.ErrInvalidUTF8) != errors.Is(err, ErrInvalidUTF8) {
				t.Errorf("%s: %v; lejp: %v", name, err, lerr)
			}
			if err == nil {
				iAccepted++
				if cerr := Check(c, nil); cerr != nil {
					t.Errorf("%s: CBOR %x rejected: %v", name, c, cerr)
				}
				if j, err := AppendJSON(nil, c, nil); err != nil || !json.Valid(j) {
					t.Errorf("%s: back to JSON: %s, %v", name, j, err)
				}
			}
			continue
		}
		y++
		if why, ok := jsonSuiteExpect[name]; ok {
			if err == nil {
				t.Errorf("%s: accepted, expected refused (%s)", name, why)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err := Check(c, nil); err != nil {
			t.Errorf("%s: CBOR %x: %v", name, c, err)
			continue
		}
		d, err := FromJSON(nil, bytes.NewReader(in), true)
		if err != nil || Check(d, &Options{Deterministic: true}) != nil {
			t.Errorf("%s: deterministic %x, %v", name, d, err)
		}
		back, err := AppendJSON(nil, c, nil)
		if err != nil {
			t.Errorf("%s: to JSON: %v", name, err)
			continue
		}
		if !sameJSONValue(t, in, back) {
			t.Errorf("%s: %s came back as %s", name, in, back)
		}
	}
	if y < 95 || n < 188 {
		t.Fatalf("%d y_ and %d n_ files; want 95 and 188", y, n)
	}
	t.Logf("%d y_, %d n_, %d i_ (%d accepted)", y, n, i, iAccepted)
}

// sameJSONValue decodes a and b with encoding/json and compares the
// values: integer literals exactly, other numbers as float64 (FromJSON
// keeps a decimal fraction only to binary64 precision).
func sameJSONValue(t *testing.T, a, b []byte) bool {
	return jsonvalue.EqualFunc(a, b, func(x, y string) bool {
		if !strings.ContainsAny(x, ".eE") {
			return jsonvalue.ExactNumbers(x, y)
		}
		fx, err1 := strconv.ParseFloat(x, 64)
		fy, err2 := strconv.ParseFloat(y, 64)
		return err1 == nil && err2 == nil && fx == fy
	})
}

// FuzzJSONDifferential: FromJSON gives the same result, or the same error,
// when the input comes one byte per Read or in halves with io.EOF on the
// last bytes (with deterministic too, whose output Check accepts as core
// deterministic), and refuses input at the offset
// lejp names; it accepts what encoding/json accepts
// (json.Valid), except duplicate names, numbers beyond binary64, integers
// of more than 2467 digits (TestJSONBignumLimit), and invalid UTF-8 or
// unpaired surrogate escapes, which it refuses exactly where lejp does; what it
// accepts is valid CBOR that converts back to JSON with the same value for
// encoding/json.
func FuzzJSONDifferential(f *testing.F) {
	for _, s := range []string{`0`, `-0`, `1e2`, `[1,{"a":"\ud83d\ude00"}]`, `{"a":1,"a":2}`, `123456789012345678901234567890`, `-18446744073709551617`, `[1e400]`, `"\ud800"`, "\"\xff\"", `{"1":1,"2":[true,null]}`, ` [] `, `[1,]`} {
		f.Add([]byte(s))
	}
	addJSONSuiteSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		c, err := FromJSON(nil, bytes.NewReader(in), false)
		for _, r := range []io.Reader{iotest.OneByteReader(bytes.NewReader(in)), iotest.DataErrReader(iotest.HalfReader(bytes.NewReader(in)))} {
			split, serr := FromJSON(nil, r, false)
			if !bytes.Equal(split, c) || fmt.Sprint(serr) != fmt.Sprint(err) {
				t.Fatalf("%q: read in pieces gives %x, %v; whole %x, %v", in, split, serr, c, err)
			}
		}
		// deterministic: the same verdict (its own limit needs megabytes),
		// one byte per Read too, and core deterministic CBOR
		det, derr := FromJSON(nil, bytes.NewReader(in), true)
		if split, serr := FromJSON(nil, iotest.OneByteReader(bytes.NewReader(in)), true); !bytes.Equal(split, det) || fmt.Sprint(serr) != fmt.Sprint(derr) {
			t.Fatalf("%q: deterministic, one byte per read gives %x, %v; whole %x, %v", in, split, serr, det, derr)
		}
		if fmt.Sprint(derr) != fmt.Sprint(err) {
			t.Fatalf("%q: deterministic %v; not %v", in, derr, err)
		}
		if derr == nil {
			if err := Check(det, &Options{Deterministic: true}); err != nil {
				t.Fatalf("%q: deterministic CBOR %x: %v", in, det, err)
			}
		}
		valid := json.Valid(in)
		// lejp with its other limits out of the way refuses valid JSON
		// only for invalid UTF-8 or an unpaired surrogate escape
		lerr := lejp.Check(in, &lejp.Options{AllowDuplicateNames: true, MaxDepth: 1 << 20, MaxNumberLen: 1 << 20})
		badText := valid && lerr != nil
		// where both refuse the input (and not for a rule only FromJSON
		// has), they name the same offset
		var se *SyntaxError
		var le *lejp.SyntaxError
		if errors.As(err, &se) && !errors.Is(err, ErrDuplicateKey) && !errors.Is(err, ErrJSONNumber) && !errors.Is(err, ErrDepth) &&
			(!errors.As(lerr, &le) || le.Offset != se.Offset) {
			t.Fatalf("%q: %v; lejp: %v", in, err, lerr)
		}
		switch {
		case err == nil && !valid:
			t.Fatalf("%q: accepted as %x; encoding/json refuses it", in, c)
		case err == nil && badText:
			t.Fatalf("%q: accepted as %x; lejp refuses its text", in, c)
		case errors.Is(err, ErrInvalidUTF8) != badText && valid:
			t.Fatalf("%q: %v; lejp refuses its text: %v", in, err, badText)
		case err != nil:
			if valid && !badText && !errors.Is(err, ErrDuplicateKey) && !errors.Is(err, ErrJSONNumber) {
				t.Fatalf("%q: %v; encoding/json accepts it", in, err)
			}
			return
		}
		if err := Check(c, nil); err != nil {
			t.Fatalf("%q: CBOR %x: %v", in, c, err)
		}
		back, err := AppendJSON(nil, c, nil)
		if err != nil {
			t.Fatalf("%q: back: %v", in, err)
		}
		if utf8.Valid(in) && !sameJSONValue(t, in, back) {
			t.Fatalf("%q came back as %s", in, back)
		}
	})
}

// TestJSONBignumLimit: converting between binary and decimal takes time
// that grows faster than the length (CVE-2020-10735 in Python's int), so
// a bignum whose magnitude needs more than 1024 bytes (2467 decimal digits)
// becomes what RFC 8949 §6.1 advises, base64url text with "~" before a
// negative one, and FromJSON refuses longer integer literals. Leading zero
// bytes do not count.
func TestJSONBignumLimit(t *testing.T) {
	long := bytes.Repeat([]byte{0xff}, maxJSONBignum+1)
	for _, tc := range []struct {
		tag  uint64
		mag  []byte
		want string // "" for a number
	}{
		{2, long[:maxJSONBignum], ""},
		{3, long[:maxJSONBignum], ""},
		{2, long, `"` + base64.RawURLEncoding.EncodeToString(long) + `"`},
		{3, long, `"~` + base64.RawURLEncoding.EncodeToString(long) + `"`},
		{2, append(make([]byte, 5000), 1), "1"},
	} {
		b := AppendBytes(AppendTag(nil, tc.tag), tc.mag)
		j, err := AppendJSON(nil, b, nil)
		if err != nil || !json.Valid(j) {
			t.Fatalf("tag %d, %d bytes: %.40s, %v", tc.tag, len(tc.mag), j, err)
		}
		if tc.want == "" {
			v, ok := new(big.Int).SetString(string(j), 10)
			want := new(big.Int).SetBytes(tc.mag)
			if tc.tag == 3 {
				want.Neg(want.Add(want, big.NewInt(1)))
			}
			if !ok || v.Cmp(want) != 0 {
				t.Errorf("tag %d, %d bytes: %.40s…, want the number", tc.tag, len(tc.mag), j)
			}
		} else if string(j) != tc.want {
			t.Errorf("tag %d, %d bytes: %.40s…, want %.40s…", tc.tag, len(tc.mag), j, tc.want)
		}
	}
	max := new(big.Int).SetBytes(long[:maxJSONBignum]).String()
	for _, tc := range []struct {
		json string
		ok   bool
	}{
		{max, true},
		{"-" + max, true},
		{max + "0", false},
		{"-" + max + "0", false},
		{strings.Repeat("9", 100000), false},
	} {
		c, err := FromJSON(nil, strings.NewReader(tc.json), false)
		if (err == nil) != tc.ok {
			t.Errorf("%d digits: %v, want accepted=%v", len(tc.json), err, tc.ok)
			continue
		}
		if err == nil {
			back, err := AppendJSON(nil, c, nil)
			if err != nil || string(back) != tc.json {
				t.Errorf("%d digits: back %.40s…, %v", len(tc.json), back, err)
			}
		}
	}
}

// TestFromJSONDepth: FromJSON nests at most DefaultMaxDepth deep, so what
// it writes is what Check accepts by default; a million open brackets fail
// early, with allocation that does not grow with them.
func TestFromJSONDepth(t *testing.T) {
	for _, open := range []string{"[", `{"a":`} {
		ok := strings.Repeat(open, DefaultMaxDepth) + "1" + strings.Repeat(map[string]string{"[": "]", `{"a":`: "}"}[open], DefaultMaxDepth)
		c, err := FromJSON(nil, strings.NewReader(ok), false)
		if err != nil || Check(c, nil) != nil {
			t.Errorf("%q×%d: %v, Check %v", open, DefaultMaxDepth, err, Check(c, nil))
		}
		deep := strings.Repeat(open, 1000000)
		n := allocBytes(func() { _, err = FromJSON(nil, strings.NewReader(deep), false) })
		if err == nil || !strings.Contains(err.Error(), "deep") {
			t.Errorf("%q×10^6: %v, want a nesting error", open, err)
		}
		if n > 1<<20 {
			t.Errorf("%q×10^6: %d bytes allocated", open, n)
		}
	}
}
