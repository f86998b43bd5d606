package lecp

// Diagnostic notation differential: AppendDiag against RFC 8949 Appendix
// A (Table 6, every row) and against fxamacker/cbor's Diagnose and
// DiagnoseFirst, on the Appendix A items, every hex field of the cose-wg
// examples (messages, Sig_structure, Enc_structure, MAC_structure, KDF
// contexts, and keys that are not CBOR at all: those test the verdict) and
// the checked-in fuzz corpora.

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fxamacker/cbor/v2"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// rfc8949TableA is RFC 8949 Appendix A, Table 6: the diagnostic notation
// of each encoded item, as printed in the RFC.
var rfc8949TableA = []struct{ diag, hex string }{
	{"0", "00"}, {"1", "01"}, {"10", "0a"}, {"23", "17"}, {"24", "1818"}, {"25", "1819"}, {"100", "1864"},
	{"1000", "1903e8"}, {"1000000", "1a000f4240"}, {"1000000000000", "1b000000e8d4a51000"},
	{"18446744073709551615", "1bffffffffffffffff"}, {"18446744073709551616", "c249010000000000000000"},
	{"-18446744073709551616", "3bffffffffffffffff"}, {"-18446744073709551617", "c349010000000000000000"},
	{"-1", "20"}, {"-10", "29"}, {"-100", "3863"}, {"-1000", "3903e7"},
	{"0.0", "f90000"}, {"-0.0", "f98000"}, {"1.0", "f93c00"}, {"1.1", "fb3ff199999999999a"}, {"1.5", "f93e00"},
	{"65504.0", "f97bff"}, {"100000.0", "fa47c35000"}, {"3.4028234663852886e+38", "fa7f7fffff"},
	{"1.0e+300", "fb7e37e43c8800759c"}, {"5.960464477539063e-8", "f90001"}, {"0.00006103515625", "f90400"},
	{"-4.0", "f9c400"}, {"-4.1", "fbc010666666666666"},
	{"Infinity", "f97c00"}, {"NaN", "f97e00"}, {"-Infinity", "f9fc00"},
	{"Infinity", "fa7f800000"}, {"NaN", "fa7fc00000"}, {"-Infinity", "faff800000"},
	{"Infinity", "fb7ff0000000000000"}, {"NaN", "fb7ff8000000000000"}, {"-Infinity", "fbfff0000000000000"},
	{"false", "f4"}, {"true", "f5"}, {"null", "f6"}, {"undefined", "f7"}, {"simple(16)", "f0"}, {"simple(255)", "f8ff"},
	{`0("2013-03-21T20:04:00Z")`, "c074323031332d30332d32315432303a30343a30305a"},
	{"1(1363896240)", "c11a514b67b0"}, {"1(1363896240.5)", "c1fb41d452d9ec200000"},
	{"23(h'01020304')", "d74401020304"}, {"24(h'6449455446')", "d818456449455446"},
	{`32("http://www.example.com")`, "d82076687474703a2f2f7777772e6578616d706c652e636f6d"},
	{"h''", "40"}, {"h'01020304'", "4401020304"}, {`""`, "60"}, {`"a"`, "6161"}, {`"IETF"`, "6449455446"},
	{`"\"\\"`, "62225c"}, {`"\u00fc"`, "62c3bc"}, {`"\u6c34"`, "63e6b0b4"}, {`"\ud800\udd51"`, "64f0908591"},
	{"[]", "80"}, {"[1, 2, 3]", "83010203"}, {"[1, [2, 3], [4, 5]]", "8301820203820405"},
	{"[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]", "98190102030405060708090a0b0c0d0e0f101112131415161718181819"},
	{"{}", "a0"}, {"{1: 2, 3: 4}", "a201020304"}, {`{"a": 1, "b": [2, 3]}`, "a26161016162820203"},
	{`["a", {"b": "c"}]`, "826161a161626163"},
	{`{"a": "A", "b": "B", "c": "C", "d": "D", "e": "E"}`, "a56161614161626142616361436164614461656145"},
	{"(_ h'0102', h'030405')", "5f42010243030405ff"}, {`(_ "strea", "ming")`, "7f657374726561646d696e67ff"},
	{"[_ ]", "9fff"}, {"[_ 1, [2, 3], [_ 4, 5]]", "9f018202039f0405ffff"}, {"[_ 1, [2, 3], [4, 5]]", "9f01820203820405ff"},
	{"[1, [2, 3], [_ 4, 5]]", "83018202039f0405ff"}, {"[1, [_ 2, 3], [4, 5]]", "83019f0203ff820405"},
	{"[_ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]", "9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff"},
	{`{_ "a": 1, "b": [_ 2, 3]}`, "bf61610161629f0203ffff"}, {`["a", {_ "b": "c"}]`, "826161bf61626163ff"},
	{`{_ "Fun": true, "Amt": -2}`, "bf6346756ef563416d7421ff"},
}

// TestDiagRFCTable: AppendDiag gives the Table 6 spelling of every row,
// bignums as their numeric value and text beyond ASCII as \u escapes
// included.
func TestDiagRFCTable(t *testing.T) {
	if len(rfc8949TableA) != 81 {
		t.Fatalf("%d rows, want 81 (82 items less simple(24), removed by erratum 5917)", len(rfc8949TableA))
	}
	for _, row := range rfc8949TableA {
		want := row.diag
		got, err := AppendDiag(nil, testenv.Hex(t, row.hex), nil)
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", row.hex, got, err, want)
		}
	}
}

// TestDiagEmptyIndefiniteString: RFC 8949 §8.1: an indefinite-length
// string with no chunks is written as an empty string literal (two single
// or two double quotes) followed by an underscore, since (_ ) would not say
// whether a byte or a text string is meant; one with empty chunks keeps
// them.
func TestDiagEmptyIndefiniteString(t *testing.T) {
	for _, tc := range []struct{ hex, want string }{
		{"5fff", "''_"},
		{"7fff", `""_`},
		{"5f40ff", "(_ h'')"},
		{"7f60ff", `(_ "")`},
		{"7f6060ff", `(_ "", "")`},
		{"825fff7fff", `[''_, ""_]`},
		{"a15fff7fff", `{''_: ""_}`},
		{"c15fff", "1(''_)"},
		{"9f5fff5f4101ffff", "[_ ''_, (_ h'01')]"},
	} {
		got, err := AppendDiag(nil, testenv.Hex(t, tc.hex), nil)
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: %q, %v; want %q", tc.hex, got, err, tc.want)
		}
	}
}

var fxDiag, _ = cbor.DiagOptions{MaxNestedLevels: 256, MaxArrayElements: 1 << 30, MaxMapPairs: 1 << 30}.DiagMode()
var fxDiagSeq, _ = cbor.DiagOptions{MaxNestedLevels: 256, MaxArrayElements: 1 << 30, MaxMapPairs: 1 << 30, CBORSequence: true}.DiagMode()

// diagOpts: duplicate keys are allowed, since fxamacker's Diagnose does not
// check them (notation is for looking at data, valid or not); depth as
// fxDiag allows.
var diagOpts = &Options{MaxDepth: 256, AllowDuplicateKeys: true}

// Documented differences between AppendDiag and fxamacker's Diagnose:
//
//   - Text strings: both escape every character beyond ASCII as \uXXXX
//     (surrogate pairs above U+FFFF), as Appendix A does; fxamacker also
//     escapes DEL and writes \b and \f as \u0008 and \u000c, where lecp
//     writes DEL as it is and uses JSON's short forms. The spellings are the
//     same JSON string (RFC 8949 §8 borrows JSON's string syntax), so strings
//     are compared decoded.
//   - Bignums: fxamacker writes tag 2 or 3 around any byte string as the
//     decimal number; lecp does so only for a bignum in preferred
//     serialization (beyond 64 bits, no leading zero byte, at most 1024
//     bytes: Appendix A, note above Table 6) and otherwise writes the tag
//     and byte string as they are, so that the text still says which bytes
//     were read. lecp's remaining 2(h'..') spellings are converted to the
//     number for comparison.
//   - Verdict: fxamacker refuses tag 2 or 3 around anything but a byte
//     string (RFC 8949 §3.4.3 validity); lecp does not check tag contents
//     (doc.go, "Not supported": tag validity is the application's).
var diagTextString = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
var diagBignum = regexp.MustCompile(`(^|[\[{(, :_])([23])\(h'([0-9a-f]*)'\)`)

// normDiagText rewrites every "string" in a diagnostic text in one
// spelling (Go's strconv.QuoteToASCII of the decoded JSON string).
func normDiagText(t testing.TB, s string) string {
	return diagTextString.ReplaceAllStringFunc(s, func(q string) string {
		var v string
		if err := json.Unmarshal([]byte(q), &v); err != nil {
			t.Fatalf("%s is not a JSON string: %v", q, err)
		}
		return strconv.QuoteToASCII(v)
	})
}

// normDiagBignum rewrites lecp's 2(h'..') and 3(h'..') as the number.
func normDiagBignum(s string) string {
	return diagBignum.ReplaceAllStringFunc(s, func(m string) string {
		sub := diagBignum.FindStringSubmatch(m)
		b, _ := hex.DecodeString(sub[3])
		n := new(big.Int).SetBytes(b)
		if sub[2] == "3" {
			n.Neg(n.Add(n, big.NewInt(1)))
		}
		return sub[1] + n.String()
	})
}

// hasBadBignum reports whether b holds tag 2 or 3 around something other
// than a definite byte string (which fxamacker refuses or, for an
// indefinite one, joins), found through lecp's own Decoder.
func hasBadBignum(b []byte) bool {
	d := NewDecoderBytes(b, &Options{MaxDepth: 256, AllowDuplicateKeys: true, AllowSequence: true})
	bad := false
	after := false
	for {
		tk, err := d.ReadToken()
		if err != nil {
			return bad
		}
		if after && !(tk.Kind == Bytes && !tk.Indefinite) {
			bad = true
		}
		after = tk.Kind == TagStart && (tk.Uint == 2 || tk.Uint == 3)
	}
}

// diagCompare compares AppendDiag and fxamacker on one input; it returns
// whether lecp accepted it.
func diagCompare(t testing.TB, b []byte) bool {
	diagCompareSequence(t, b)
	ours, lerr := AppendDiag(nil, b, diagOpts)
	theirs, ferr := fxDiag.Diagnose(b)
	if errors.Is(lerr, ErrDepth) {
		return false
	}
	if lerr != nil && strings.Contains(lerr.Error(), "too long") || ferr != nil && strings.Contains(ferr.Error(), "exceeds max") {
		return false // limits differ
	}
	if hasBadBignum(b) {
		return lerr == nil
	}
	if (lerr == nil) != (ferr == nil) {
		t.Fatalf("%x: lecp %v, fxamacker %v", b, lerr, ferr)
	}
	if lerr != nil {
		return false
	}
	got, want := normDiagText(t, normDiagBignum(string(ours))), normDiagText(t, theirs)
	if got != want {
		t.Fatalf("%x:\nlecp      %s\nfxamacker %s", b, ours, theirs)
	}
	// the same as a sequence, item by item through DiagnoseFirst
	rest := b
	var items []string
	for len(rest) > 0 {
		var s string
		var err error
		if s, rest, err = fxDiagSeq.DiagnoseFirst(rest); err != nil {
			t.Fatalf("%x: DiagnoseFirst: %v", b, err)
		}
		items = append(items, normDiagText(t, s))
	}
	seq, err := AppendDiag(nil, b, &Options{MaxDepth: 256, AllowDuplicateKeys: true, AllowSequence: true})
	if err != nil || normDiagText(t, normDiagBignum(string(seq))) != strings.Join(items, ", ") {
		t.Fatalf("%x as a sequence: %s, %v; fxamacker %q", b, seq, err, items)
	}
	return true
}

// diagCompareSequence compares AppendDiag with AllowSequence and
// fxamacker's Diagnose with CBORSequence (RFC 8742) on any input: the same
// verdict and, where both accept, the same text. An empty input is an empty
// sequence for lecp and io.EOF for fxamacker.
func diagCompareSequence(t testing.TB, b []byte) {
	if len(b) == 0 || hasBadBignum(b) {
		return
	}
	ours, lerr := AppendDiag(nil, b, &Options{MaxDepth: 256, AllowDuplicateKeys: true, AllowSequence: true})
	theirs, ferr := fxDiagSeq.Diagnose(b)
	if errors.Is(lerr, ErrDepth) || lerr != nil && strings.Contains(lerr.Error(), "too long") || ferr != nil && strings.Contains(ferr.Error(), "exceeds max") {
		return
	}
	if (lerr == nil) != (ferr == nil) {
		t.Fatalf("%x as a sequence: lecp %v, fxamacker %v", b, lerr, ferr)
	}
	if lerr == nil && normDiagText(t, normDiagBignum(string(ours))) != normDiagText(t, theirs) {
		t.Fatalf("%x as a sequence:\nlecp      %s\nfxamacker %s", b, ours, theirs)
	}
}

// diagInputs returns the Appendix A items, every hex field of every
// cose-wg example and the checked-in fuzz corpora of this package.
func diagInputs(t *testing.T) map[string][]byte {
	in := map[string][]byte{}
	for _, it := range loadAppendix(t) {
		in["appendix/"+it.Hex] = testenv.Hex(t, it.Hex)
	}
	dir := testenv.VectorsFile(t, "cose-wg-examples")
	filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var doc any
		if json.Unmarshal(raw, &doc) != nil {
			return nil
		}
		var walk func(v any, key string)
		walk = func(v any, key string) {
			switch v := v.(type) {
			case map[string]any:
				for k, x := range v {
					walk(x, k)
				}
			case []any:
				for _, x := range v {
					walk(x, key)
				}
			case string:
				if strings.HasSuffix(key, "_hex") || key == "cbor" {
					if b, err := hex.DecodeString(v); err == nil {
						in[p+"#"+key+"#"+v[:min(len(v), 16)]] = b
					}
				}
			}
		}
		walk(doc, "")
		return nil
	})
	for name, b := range fuzzCorpus(t, "testdata/fuzz") {
		in[name] = b
	}
	return in
}

// fuzzCorpus reads the []byte entries of the fuzz corpus files under dir.
func fuzzCorpus(t testing.TB, dir string) map[string][]byte {
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return nil
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if s, ok := strings.CutPrefix(line, "[]byte("); ok && strings.HasSuffix(s, ")") {
				if v, err := strconv.Unquote(s[:len(s)-1]); err == nil {
					out[p] = []byte(v)
				}
			}
		}
		return nil
	})
	return out
}

// TestDiagDifferential: on every input, AppendDiag and fxamacker agree on
// the verdict and, where both accept, on the text (up to the documented
// spellings), as one item and as a sequence.
func TestDiagDifferential(t *testing.T) {
	in := diagInputs(t)
	accepted := 0
	for _, b := range in {
		if diagCompare(t, b) {
			accepted++
		}
	}
	if accepted < 700 {
		t.Fatalf("only %d of %d inputs accepted", accepted, len(in))
	}
	t.Logf("%d inputs, %d accepted and compared", len(in), accepted)
}

// FuzzDiagDifferential: the comparison of TestDiagDifferential on any
// input.
func FuzzDiagDifferential(f *testing.F) {
	addSeeds(f)
	for _, tc := range []string{"5fff", "7fff", "c240", "c35f4101ff", "c201", "7f6161ff", "a2 01 01 01 02", "62 08 0c", "61 7f", "fa 00000001", "fb 3eb0c6f7a0b5ed8d"} {
		f.Add(testenv.Hex(f, tc))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		diagCompare(t, b)
	})
}

// TestDiagFloats: every half, the float edge cases and 40,000 random
// singles and doubles (floatCases), in each width that holds them:
// AppendDiag writes what fxamacker's Diagnose writes, and AppendJSON a
// JSON number (or null) that reads back as the same float64.
func TestDiagFloats(t *testing.T) {
	n := 0
	for _, f := range floatCases() {
		encs := [][]byte{AppendFloat64(nil, f), AppendFloat(nil, f)}
		if float64(float32(f)) == f || f != f {
			encs = append(encs, AppendFloat32(nil, float32(f)))
		}
		for _, b := range encs {
			got, err := AppendDiag(nil, b, nil)
			want, ferr := fxDiag.Diagnose(b)
			if err != nil || ferr != nil || string(got) != want {
				t.Fatalf("%x: lecp %s (%v), fxamacker %s (%v)", b, got, err, want, ferr)
			}
			j, err := AppendJSON(nil, b, nil)
			if err != nil || !json.Valid(j) {
				t.Fatalf("%x: JSON %s, %v", b, j, err)
			}
			if f != f || math.IsInf(f, 0) {
				if string(j) != "null" {
					t.Fatalf("%x: JSON %s, want null", b, j)
				}
				continue
			}
			back, err := strconv.ParseFloat(string(j), 64)
			want64 := math.Float64frombits(math.Float64bits(f))
			if b[0] == 0xfa {
				want64 = float64(float32(f))
			}
			if err != nil || back != want64 || math.Signbit(back) != math.Signbit(want64) {
				t.Fatalf("%x: JSON %s reads back as %v, want %v", b, j, back, want64)
			}
			n++
		}
	}
	t.Logf("%d encodings compared", n)
}

// coseDiagUpstream lists cose-wg examples whose cbor_diag does not describe
// their cbor.
var coseDiagUpstream = map[string]string{
	"x509-examples/signed-01.json": "cbor_diag shows the kid as h'416c…' (a byte string); the cbor holds the text string \"Alice Lovelace\" (6e…), as fxamacker's Diagnose also says",
	"x509-examples/signed-02.json": "as above",
}

// TestCOSEDiag: for every cose-wg example, AppendDiag of output.cbor is the
// example's own cbor_diag (written by the cose-wg tools, another
// implementation), up to the case of hex digits (that tool writes upper
// case, lecp lower case, as RFC 8949 Appendix A does), except for the
// upstream mistakes listed in coseDiagUpstream, where fxamacker agrees
// with lecp.
func TestCOSEDiag(t *testing.T) {
	hexLit := regexp.MustCompile(`h'[0-9A-Fa-f]*'`)
	n := 0
	for rel, ex := range coseDiags(t) {
		if ex[0] == "" {
			continue
		}
		b := testenv.Hex(t, ex[1])
		got, err := AppendDiag(nil, b, nil)
		want := hexLit.ReplaceAllStringFunc(ex[0], strings.ToLower)
		if _, upstream := coseDiagUpstream[rel]; upstream {
			fx, ferr := fxDiag.Diagnose(b)
			if ferr != nil || normDiagText(t, string(got)) != normDiagText(t, fx) || string(got) == want {
				t.Errorf("%s: listed as an upstream mistake, but lecp %.60s, fxamacker %.60s, cbor_diag %.60s", rel, got, fx, want)
			}
		} else if err != nil || string(got) != want {
			t.Errorf("%s:\nlecp      %s (%v)\ncbor_diag %s", rel, got, err, want)
		}
		n++
	}
	if n < 300 {
		t.Fatalf("only %d examples with cbor_diag", n)
	}
}

// TestDiagBignumSpelling: only a bignum in preferred serialization is
// written as its number (RFC 8949 Appendix A, §3.4.3); every other tag 2 or
// 3 keeps its tag and content, so the text says which bytes were read.
func TestDiagBignumSpelling(t *testing.T) {
	big1024 := append([]byte{0x02, 0x59, 0x04, 0x00, 0x01}, make([]byte, 1023)...) // 2^8184, 1024 bytes
	big1025 := append([]byte{0x02, 0x59, 0x04, 0x01, 0x01}, make([]byte, 1024)...) // 1025 bytes
	for _, tc := range []struct{ hex, want string }{
		{"c249010000000000000000", "18446744073709551616"},
		{"c349010000000000000000", "-18446744073709551617"},
		{"c349ffffffffffffffffff", "-4722366482869645213696"},
		{"82c249010000000000000000f6", "[18446744073709551616, null]"},
		{"a1c24901000000000000000001", "{18446744073709551616: 1}"},
		{"d818c249010000000000000000", "24(18446744073709551616)"},
		// not preferred: fits in 64 bits, a leading zero, empty
		{"c248ffffffffffffffff", "2(h'ffffffffffffffff')"},
		{"c2420001", "2(h'0001')"},
		{"c24a00010000000000000000", "2(h'00010000000000000000')"},
		{"c240", "2(h'')"},
		{"c340", "3(h'')"},
		// chunked content, or not a byte string
		{"c25f49010000000000000000ff", "2((_ h'010000000000000000'))"},
		{"c26161", `2("a")`},
		{"c301", "3(1)"},
		{"c2c249010000000000000000", "2(18446744073709551616)"},
	} {
		got, err := AppendDiag(nil, testenv.Hex(t, tc.hex), nil)
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: %q, %v; want %q", tc.hex, got, err, tc.want)
		}
	}
	want := new(big.Int).Lsh(big.NewInt(1), 8184).String()
	if got, err := AppendDiag(nil, append([]byte{0xc2}, big1024[1:]...), nil); err != nil || string(got) != want {
		t.Errorf("1024-byte bignum: %.40q…, %v; want its %d digits", got, err, len(want))
	}
	if got, err := AppendDiag(nil, append([]byte{0xc2}, big1025[1:]...), nil); err != nil || !strings.HasPrefix(string(got), "2(h'01000000") {
		t.Errorf("1025-byte bignum: %.40q…, %v; want it as 2(h'…')", got, err)
	}
	// an error after the tag's content is still reported
	if _, err := AppendDiag(nil, testenv.Hex(t, "82c249010000000000000000"), nil); err == nil {
		t.Error("truncated array after a bignum: no error")
	}
}

// TestDiagTextEscapes: text beyond ASCII is written as \u escapes (Appendix
// A), control characters with JSON's escapes, invalid UTF-8 (allowed by
// AllowInvalidUTF8) as \ufffd; the result decodes, as a JSON string, to the
// text.
func TestDiagTextEscapes(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"ü", `"\u00fc"`},
		{"a水b", `"a\u6c34b"`},
		{"𐅑", `"\ud800\udd51"`},
		{"\U0010ffff", `"\udbff\udfff"`},
		{"\uffff", `"\uffff"`},
		{"\x00\x1f\x7f\"\\\b\f\n\r\t", `"\u0000\u001f` + "\x7f" + `\"\\\b\f\n\r\t"`},
	} {
		got, err := AppendDiag(nil, AppendText(nil, tc.text), nil)
		if err != nil || string(got) != tc.want {
			t.Errorf("%q: %s, %v; want %s", tc.text, got, err, tc.want)
			continue
		}
		var back string
		if err := json.Unmarshal(got, &back); err != nil || back != tc.text {
			t.Errorf("%s reads back as %q, %v", got, back, err)
		}
	}
	got, err := AppendDiag(nil, []byte{0x62, 0xff, 'a'}, &Options{AllowInvalidUTF8: true})
	if err != nil || string(got) != `"\ufffda"` {
		t.Errorf("invalid UTF-8: %s, %v", got, err)
	}
	// JSON conversion keeps UTF-8 as it is (compact, and equally valid)
	if got, err := AppendJSON(nil, AppendText(nil, "ü"), nil); err != nil || string(got) != `"ü"` {
		t.Errorf("AppendJSON: %s, %v", got, err)
	}
}
