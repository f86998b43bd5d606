package lecp

import (
	"bytes"
	"encoding/hex"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestFromDiagForms: each form of the grammar, and the bytes it gives.
func TestFromDiagForms(t *testing.T) {
	for _, c := range []struct{ in, hex string }{
		// integers
		{"0", "00"}, {"23", "17"}, {"24", "1818"}, {"-1", "20"}, {"-0", "00"}, {"+5", "05"},
		{"18446744073709551615", "1bffffffffffffffff"},
		{"-18446744073709551616", "3bffffffffffffffff"},
		{"18446744073709551616", "c249010000000000000000"},
		{"-18446744073709551617", "c349010000000000000000"},
		{"0x1F", "181f"}, {"-0x10", "2f"}, {"0o17", "0f"}, {"0b101", "05"}, {"0X10", "10"},
		{"0x10000000000000000", "c249010000000000000000"},
		// width indicators
		{"1_0", "1801"}, {"1_1", "190001"}, {"1_2", "1a00000001"}, {"1_3", "1b0000000000000001"},
		{"-1_0", "3800"}, {"255_0", "18ff"}, {"65535_1", "19ffff"},
		// _i: the argument in the initial byte (draft §2.3)
		{"0_i", "00"}, {"23_i", "17"}, {"-24_i", "37"}, {"0x17_i", "17"}, {"1_i(2)", "c102"}, {"23_i(1)", "d701"},
		{"'a'_i", "4161"}, {`""_i`, "60"}, {"h''_i", "40"}, {"'ab' 'c'_i", "43616263"}, {"<<1>>_i", "4101"},
		{"[_i 1]", "8101"}, {"[_i]", "80"}, {"{_i 1: 2}", "a10102"}, {"(_ 'a'_i, h''_i)", "5f416140ff"},
		{"[_i " + strings.Repeat("1,", 22) + "1]", "97" + strings.Repeat("01", 23)},
		// floats
		{"1.5", "f93e00"}, {"1.0", "f93c00"}, {"-0.0", "f98000"}, {"1e3", "f963d0"}, {"1.1", "fb3ff199999999999a"},
		{"100000.0", "fa47c35000"}, {"5.960464477539063e-8", "f90001"}, {"1E+2", "f95640"},
		{"0x1.8p3", "f94a00"}, {"-0x1p-2", "f9b400"},
		// digits on one side of the point (draft §5.1 item 3)
		{"1.", "f93c00"}, {".5", "f93800"}, {"-.5", "f9b800"}, {"+.5", "f93800"}, {"1.e3", "f963d0"},
		{".5e1", "f94500"}, {"0.", "f90000"}, {"-0.", "f98000"}, {"1._2", "fa3f800000"}, {"[1., .5]", "82f93c00f93800"},
		{"0x1.p3", "f94800"}, {"0x.8p1", "f93c00"},
		{"NaN", "f97e00"}, {"Infinity", "f97c00"}, {"-Infinity", "f9fc00"}, {"+Infinity", "f97c00"},
		{"1.5_1", "f93e00"}, {"1.5_2", "fa3fc00000"}, {"1.5_3", "fb3ff8000000000000"},
		{"NaN_1", "f97e00"}, {"NaN_2", "fa7fc00000"}, {"NaN_3", "fb7ff8000000000000"},
		{"Infinity_2", "fa7f800000"}, {"-Infinity_3", "fbfff0000000000000"},
		{"1e-400", "f90000"},
		// the float application literal (the bits as written): what
		// AppendDiagExact writes for a NaN the indicators cannot describe
		{"float'7e01'", "f97e01"}, {"float'fe00'", "f9fe00"}, {"float'7fc00001'", "fa7fc00001"},
		{"float'7ff8000000000001'", "fb7ff8000000000001"}, {"float'3C00'", "f93c00"},
		{"float'3f80 0000'", "fa3f800000"}, {"[float'7e01', 1]", "82f97e0101"},
		// text
		{`""`, "60"}, {`"a"`, "6161"}, {`"\u00fc"`, "62c3bc"}, {`"ü"`, "62c3bc"},
		{`"\ud800\udd51"`, "64f0908591"}, {`"\"\\\/\b\f\n\r\t"`, "68225c2f080c0a0d09"},
		{`"\u{41}"`, "6141"}, {`"\u{1F600}\u{1f600}"`, "68f09f9880f09f9880"}, {`"\u{0}"`, "6100"},
		{`"\u{10FFFF}"`, "64f48fbfbf"}, {`"\u{00000000e9}"`, "62c3a9"}, {`'\u{fc}'`, "42c3bc"}, {`"\u{d7ff}\u{E000}"`, "66ed9fbfee8080"},
		{`"a" "b"`, "626162"}, {`"a" /c/ "b"`, "626162"}, {`"a"_0`, "780161"}, {`""_`, "7fff"},
		// bytes
		{"h''", "40"}, {"h'0102'", "420102"}, {"h'01 02\n/x/ 0A0b'", "4401020a0b"},
		{"'a'", "4161"}, {`'\''`, "4127"}, {`'"'`, "4122"}, {"''_", "5fff"},
		{"b64'AQID'", "43010203"}, {"b64'AQ'", "4101"}, {"b64'AQ=='", "4101"}, {"b64'__4'", "42fffe"},
		{"b64'//4'", "42fffe"}, {"b64'AQ ID'", "43010203"}, {"b64''", "40"},
		{"b32'ME'", "4161"}, {"b32'MFRA===='", "42616200"[0:6] + ""}, {"b32'me======'", "4161"},
		{"h32'C4'", "4161"}, {"h32'c4======'", "4161"},
		{"h'01' h'02'", "420102"}, {"'a' h'62' b64'Yw'", "43616263"}, {"h'01'_1", "59000101"},
		// joined with + (draft §5.1 item 7): bytes with bytes, text
		// with text, and bytes added to text (the left side's type)
		{"'a' + 'b'", "426162"}, {"h'01'+h'02'", "420102"}, {`"a" + "b"`, "626162"}, {"'a' + h'62' + b64'Yw'", "43616263"},
		{`"Hello" + h'20' + "world"`, "6b48656c6c6f20776f726c64"}, {`"" + h'c3' + h'bc'`, "62c3bc"}, {`"a" + 'b'`, "626162"},
		{"'a' /c/ + # d\n 'b'", "426162"}, {"'a' 'b' + 'c' 'd'", "4461626364"}, {"'a' + 'b'_0", "58026162"},
		{"[h'01' + h'02', 3]", "8242010203"}, {"{'a' + 'b': 'c' + 'd'}", "a1426162426364"}, {"(_ 'a' + 'b', h'63')", "5f4261624163ff"},
		{"24('a' + 'b')", "d818426162"}, {"'' + ''", "40"},
		// embedded
		{"<<>>", "40"}, {"<<1>>", "4101"}, {"<<1, 2>>", "420102"}, {"<< h'' >>", "4140"},
		{"<<[1]>>_0", "58028101"}, {"<<<<1>>>>", "424101"},
		// simple values
		{"false", "f4"}, {"true", "f5"}, {"null", "f6"}, {"undefined", "f7"},
		{"simple(0)", "e0"}, {"simple(16)", "f0"}, {"simple(32)", "f820"}, {"simple( 255 )", "f8ff"},
		// any integer notation (draft §2.8)
		{"simple(0x14)", "f4"}, {"simple(0b10100)", "f4"}, {"simple(0o24)", "f4"}, {"simple(0XfF)", "f8ff"},
		{"simple(+20)", "f4"}, {"simple(-0)", "e0"}, {"simple(020)", "f4"}, {"simple(/c/ 0x20 # c\n)", "f820"},
		// tags
		{"0(\"x\")", "c06178"}, {"24(h'01')", "d8184101"}, {"18446744073709551615(1)", "dbffffffffffffffff01"},
		{"0x18(1)", "d81801"}, {"1_1(1)", "d9000101"}, {"1(2(3))", "c1c203"},
		// arrays and maps
		{"[]", "80"}, {"[1, [2, 3]]", "8201820203"}, {"[_ ]", "9fff"}, {"[_ 1, 2]", "9f0102ff"},
		{"[_1 1]", "99000101"}, {"[_0]", "9800"}, {"{}", "a0"}, {"{_}", "bfff"}, {"{1: 2}", "a10102"},
		{`{"a": 1, "b": [2, 3]}`, "a26161016162820203"}, {`{_ "a": 1}`, "bf616101ff"},
		{"{[1]: 2, {3: 4}: 5, 1.5: 6, h'': 7}", "a4810102a1030405f93e00064007"},
		{"{_0 1: 2}", "b8010102"},
		{"[" + strings.Repeat("1,", 23) + "1]", "9818" + strings.Repeat("01", 24)},
		// indefinite strings
		{"(_ h'01', h'02')", "5f41014102ff"}, {`(_ "a", "b")`, "7f61616162ff"},
		{"(_ h'01' h'02', <<3>>)", "5f4201024103ff"}, {`(_ "a"_0)`, "7f780161ff"},
		// white space and comments
		{" \t\r\n/ a comment /1/ another /", "01"}, {"[1 /x/ , /y/ 2]", "820102"},
		{"{1 : 2}", "a10102"},
		// a trailing comma (draft-ietf-cbor-edn-literals §2.6, and its
		// seq and streamstring rules)
		{"[1,]", "8101"}, {"[1, 2 , /c/ ]", "820102"}, {"[[1,],]", "818101"}, {"{1: 2,}", "a10102"},
		{"[_ 1,]", "9f01ff"}, {"[_0 1,]", "980101"}, {"{_ 1: 2,}", "bf0102ff"}, {"<<1,>>", "4101"},
		{"<<1, 2,>>_0", "58020102"}, {"(_ h'01',)", "5f4101ff"}, {`(_ "a", "b",)`, "7f61616162ff"},
		{"[" + strings.Repeat("1,", 24) + "]", "9818" + strings.Repeat("01", 24)},
		// # comments (draft-ietf-cbor-edn-literals §2.2), to a line
		// feed or the end of the text, also inside h'..' and b64'..'
		{"1 # comment", "01"}, {"# c\n1", "01"}, {"#\n1#", "01"}, {"[1, # x / y\n2]", "820102"},
		{"{1: # a\r\n 2}", "a10102"}, {"h'01 # c\n02'", "420102"}, {"h'01 # c'", "4101"}, {"h'01 /x/ # y\n 02'", "420102"},
		{"b64'AQ # c\nID'", "43010203"}, {"b32'ME#\n'", "4161"}, {"b64'AQ#'", "4101"}, {"float'7e # x\n01'", "f97e01"},
		{"'a' # c\n 'b'", "426162"}, {`"#"`, "6123"}, {"'#'", "4123"},
	} {
		got, err := FromDiag(nil, []byte(c.in), nil)
		if err != nil || hex.EncodeToString(got) != c.hex {
			t.Errorf("FromDiag(%q) = %x, %v; want %s", c.in, got, err, c.hex)
			continue
		}
		if err := Check(got, nil); err != nil {
			t.Errorf("FromDiag(%q) = %x: Check: %v", c.in, got, err)
		}
	}
}

// TestFromDiagSequence: AllowSequence reads zero or more items separated by
// commas, as AppendDiag writes them; without it, one item only.
func TestFromDiagSequence(t *testing.T) {
	seq := &Options{AllowSequence: true}
	for _, c := range []struct{ in, hex string }{
		{"", ""}, {" /c/ ", ""}, {"1", "01"}, {"1, 2", "0102"}, {"[1], {}, h''", "81 01a040"},
		// a trailing comma after the last item (the draft's seq rule)
		{"1,", "01"}, {"1, 2, # c", "0102"}, {"[1,],", "8101"},
	} {
		got, err := FromDiag([]byte{0xaa}, []byte(c.in), seq)
		want := "aa" + strings.ReplaceAll(c.hex, " ", "")
		if err != nil || hex.EncodeToString(got) != want {
			t.Errorf("FromDiag(%q) = %x, %v; want %s", c.in, got, err, want)
		}
	}
	for _, c := range []struct {
		in   string
		opts *Options
		off  int64
		err  error
	}{
		{"1, 2", nil, 1, ErrTrailingData}, {"1 2", nil, 2, ErrTrailingData}, {"1 2", seq, 2, ErrDiagSyntax},
		{"1,", nil, 1, ErrTrailingData}, {",", seq, 0, ErrDiagSyntax}, {"1,,2", seq, 2, ErrDiagSyntax},
		{"1,,", seq, 2, ErrDiagSyntax}, {", 1", seq, 0, ErrDiagSyntax},
		{"", nil, 0, ErrUnexpectedEOF}, {"/c/", nil, 3, ErrUnexpectedEOF},
	} {
		fromDiagErr(t, c.in, c.opts, c.off, "", c.err)
	}
}

// fromDiagErr checks that in is refused with cause want at offset off
// (and path, when not "-"), and that dst comes back unchanged.
func fromDiagErr(t *testing.T, in string, opts *Options, off int64, path string, want error) {
	t.Helper()
	dst := []byte{1, 2, 3}
	got, err := FromDiag(dst[:2], []byte(in), opts)
	var se *SyntaxError
	switch {
	case !errors.As(err, &se):
		t.Errorf("FromDiag(%q) = %x, %v; want a SyntaxError", in, got, err)
	case !errors.Is(err, want) || se.Offset != off || path != "-" && se.Path != path:
		t.Errorf("FromDiag(%q): %v (offset %d, path %q); want %v at %d, path %q", in, err, se.Offset, se.Path, want, off, path)
	case len(got) != 2 || &got[0] != &dst[0] || dst[2] != 3:
		t.Errorf("FromDiag(%q): dst changed: %x", in, got)
	}
}

// TestFromDiagErrors: every refusal, with its cause, offset and path.
func TestFromDiagErrors(t *testing.T) {
	det := &Options{Deterministic: true}
	for _, c := range []struct {
		in   string
		opts *Options
		off  int64
		path string
		err  error
	}{
		// words and characters
		{"foo", nil, 0, "", ErrDiagSyntax}, {"[1, nul]", nil, 4, "[1]", ErrDiagSyntax},
		{"dt'2020-01-01T00:00:00Z'", nil, 0, "", ErrDiagSyntax}, {"ip'1.2.3.4'", nil, 0, "", ErrDiagSyntax},
		{"@", nil, 0, "", ErrDiagSyntax}, {"\xff", nil, 0, "", ErrDiagSyntax}, {"<1>", nil, 0, "", ErrDiagSyntax},
		{"(1)", nil, 0, "", ErrDiagSyntax}, {"(_1 h'')", nil, 0, "", ErrDiagSyntax},
		{"-NaN", nil, 0, "", ErrDiagSyntax}, {"simple", nil, 6, "", ErrDiagSyntax},
		{"simple(24)", nil, 7, "", ErrDiagSyntax}, {"simple(31)", nil, 7, "", ErrDiagSyntax},
		{"simple(256)", nil, 7, "", ErrDiagSyntax}, {"simple(x)", nil, 7, "", ErrDiagSyntax},
		{"simple(1", nil, 8, "", ErrUnexpectedEOF}, {"simple(1 2)", nil, 9, "", ErrDiagSyntax},
		{"simple(0x18)", nil, 7, "", ErrDiagSyntax}, {"simple(0x100)", nil, 7, "", ErrDiagSyntax}, {"simple(-1)", nil, 7, "", ErrDiagSyntax},
		{"simple(0x)", nil, 7, "", ErrDiagSyntax}, {"simple(0b2)", nil, 7, "", ErrDiagSyntax}, {"simple(1.0)", nil, 8, "", ErrDiagSyntax},
		{"simple(1_0)", nil, 8, "", ErrDiagSyntax}, {"simple(+)", nil, 7, "", ErrDiagSyntax}, {"simple(--1)", nil, 7, "", ErrDiagSyntax},
		{"simple(0x1f)", nil, 7, "", ErrDiagSyntax}, {"simple(-", nil, 8, "", ErrUnexpectedEOF},
		// numbers
		{"1a", nil, 0, "", ErrDiagSyntax}, {".", nil, 0, "", ErrDiagSyntax}, {"-.", nil, 0, "", ErrDiagSyntax},
		{".e3", nil, 0, "", ErrDiagSyntax}, {"-.e3", nil, 0, "", ErrDiagSyntax}, {"1.e", nil, 0, "", ErrDiagSyntax},
		{"1..", nil, 0, "", ErrDiagSyntax}, {".5.", nil, 0, "", ErrDiagSyntax}, {"..5", nil, 0, "", ErrDiagSyntax},
		{"0x.p1", nil, 0, "", ErrDiagSyntax}, {"0x1.", nil, 0, "", ErrDiagSyntax}, {"1.(2)", nil, 2, "", ErrTrailingData},
		{"...", nil, 0, "", ErrDiagSyntax}, {"[1, ...]", nil, 4, "[1]", ErrDiagSyntax},
		{"1e", nil, 0, "", ErrDiagSyntax}, {"1e+", nil, 0, "", ErrDiagSyntax}, {"0x", nil, 0, "", ErrDiagSyntax},
		{"0x1.8", nil, 0, "", ErrDiagSyntax}, {"0b2", nil, 0, "", ErrDiagSyntax}, {"0o8", nil, 0, "", ErrDiagSyntax},
		{"1.5.5", nil, 0, "", ErrDiagSyntax}, {"1e999", nil, 0, "", ErrDiagSyntax}, {"-1e999", nil, 0, "", ErrDiagSyntax},
		{"-", nil, 0, "", ErrDiagSyntax}, {"[1, -]", nil, 4, "[1]", ErrDiagSyntax},
		{"1" + strings.Repeat("0", 2467), nil, 0, "", ErrDiagSyntax},
		{"0x1" + strings.Repeat("0", 2048), nil, 0, "", ErrDiagSyntax},
		// float'..': 2, 4 or 8 bytes, no indicator, no joining
		{"float''", nil, 0, "", ErrDiagSyntax}, {"float'7e'", nil, 0, "", ErrDiagSyntax},
		{"float'7e0001'", nil, 0, "", ErrDiagSyntax}, {"float'7e0'", nil, 9, "", ErrDiagSyntax},
		{"float'7e01'_1", nil, 11, "", ErrDiagSyntax}, {"float'7e0g'", nil, 9, "", ErrDiagSyntax},
		{"h'01' float'7e00'", nil, 6, "", ErrDiagSyntax}, {"(_ float'7e00')", nil, 3, "", ErrDiagSyntax},
		{"float'7e01", nil, 10, "", ErrUnexpectedEOF},
		{"float'7e01'", det, 0, "", ErrNotDeterministic}, {"float'3f800000'", det, 0, "", ErrNotDeterministic}, {"float'3c00'", det, 0, "", nil},
		// encoding indicators
		{"256_0", nil, 3, "", ErrDiagSyntax}, {"1000_0", nil, 4, "", ErrDiagSyntax}, {"65536_1", nil, 5, "", ErrDiagSyntax},
		{"1_4", nil, 1, "", ErrDiagSyntax}, {"1_", nil, 1, "", ErrDiagSyntax}, {"1_x", nil, 1, "", ErrDiagSyntax},
		{"1.1_1", nil, 3, "", ErrDiagSyntax}, {"1.1_2", nil, 3, "", ErrDiagSyntax}, {"1.5_0", nil, 3, "", ErrDiagSyntax},
		{"65504.0_1", nil, 7, "", nil}, {"100000.0_1", nil, 8, "", ErrDiagSyntax},
		{"18446744073709551616_3", nil, 20, "", ErrDiagSyntax}, {"[_4 1]", nil, 1, "", ErrDiagSyntax},
		{"[_x]", nil, 1, "", ErrDiagSyntax}, {`"a"_`, nil, 3, "", ErrDiagSyntax}, {"'' ''_", nil, 5, "", ErrDiagSyntax},
		{"h'" + strings.Repeat("00", 256) + "'_0", nil, 515, "", ErrDiagSyntax},
		{"[_0 " + strings.Repeat("1,", 256) + "1]", nil, 1, "", ErrDiagSyntax},
		{"<<" + strings.Repeat("1,", 256) + "1>>_0", nil, 517, "", ErrDiagSyntax},
		{"true_0", nil, 4, "", ErrDiagSyntax}, {"256_0(1)", nil, 3, "", ErrDiagSyntax},
		{"1_0", det, 1, "", ErrNotDeterministic}, {"[_ ]", det, 1, "", ErrNotDeterministic},
		{"''_", det, 2, "", ErrNotDeterministic}, {"(_ h'')", det, 0, "", ErrNotDeterministic},
		{"1.5_3", det, 3, "", ErrNotDeterministic},
		// _i: ai 0 to 23 only, not on floats; the preferred encoding, so
		// also with Deterministic
		{"24_i", nil, 2, "", ErrDiagSyntax}, {"-25_i", nil, 3, "", ErrDiagSyntax}, {"24_i(1)", nil, 2, "", ErrDiagSyntax},
		{"1.5_i", nil, 3, "", ErrDiagSyntax}, {"NaN_i", nil, 3, "", ErrDiagSyntax}, {"1e3_i", nil, 3, "", ErrDiagSyntax},
		{"[_i " + strings.Repeat("1,", 23) + "1]", nil, 1, "", ErrDiagSyntax},
		{"h'" + strings.Repeat("00", 24) + "'_i", nil, 51, "", ErrDiagSyntax},
		{"<<" + strings.Repeat("1,", 23) + "1>>_i", nil, 51, "", ErrDiagSyntax},
		{"true_i", nil, 4, "", ErrDiagSyntax}, {"1_I", nil, 1, "", ErrDiagSyntax}, {"1_ii", nil, 1, "", ErrDiagSyntax},
		{"18446744073709551616_i", nil, 20, "", ErrDiagSyntax}, {"float'3c00'_i", nil, 11, "", ErrDiagSyntax},
		{"1_i", det, 0, "", nil}, {"[_i {_i 1: 'a'_i}]", det, 0, "", nil},
		// strings
		{`"a`, nil, 2, "", ErrUnexpectedEOF}, {`"\`, nil, 2, "", ErrUnexpectedEOF}, {`"\u12`, nil, 5, "", ErrUnexpectedEOF},
		{`"\x"`, nil, 1, "", ErrDiagSyntax}, {`"\u12g4"`, nil, 1, "", ErrDiagSyntax}, {`"\'"`, nil, 1, "", ErrDiagSyntax},
		{`"\ud800"`, nil, 1, "", ErrInvalidUTF8}, {`"\udc00"`, nil, 1, "", ErrInvalidUTF8}, {`"\udc00\udc00"`, nil, 1, "", ErrInvalidUTF8},
		{`"\ud800\u0041"`, nil, 1, "", ErrInvalidUTF8}, {`"\ud800x"`, nil, 1, "", ErrInvalidUTF8},
		{`"\ud800\`, nil, 8, "", ErrUnexpectedEOF}, {`'\ud800'`, nil, 1, "", ErrInvalidUTF8},
		// \u{...}: a Unicode scalar value in hex (draft §2.5.1)
		{`"\u{}"`, nil, 1, "", ErrDiagSyntax}, {`"a\u{110000}"`, nil, 2, "", ErrDiagSyntax}, {`"\u{fffffffff}"`, nil, 1, "", ErrDiagSyntax},
		{`"\u{d800}"`, nil, 1, "", ErrInvalidUTF8}, {`"\u{DFFF}"`, nil, 1, "", ErrInvalidUTF8}, {`'\u{d800}'`, nil, 1, "", ErrInvalidUTF8},
		{`"\u{4g}"`, nil, 1, "", ErrDiagSyntax}, {`"\u{ 41}"`, nil, 1, "", ErrDiagSyntax}, {`"\u{41"`, nil, 1, "", ErrDiagSyntax},
		{`"\u{41`, nil, 6, "", ErrUnexpectedEOF}, {`"\U{41}"`, nil, 1, "", ErrDiagSyntax}, {`"\u{-1}"`, nil, 1, "", ErrDiagSyntax},
		{"\"a\xffb\"", nil, 2, "", ErrInvalidUTF8}, {"\"\xed\xa0\x80\"", nil, 1, "", ErrInvalidUTF8},
		{"\"a\nb\"", nil, 2, "", ErrDiagSyntax}, {"'\x01'", nil, 1, "", ErrDiagSyntax},
		{`"a" h'00'`, nil, 4, "", ErrDiagSyntax}, {`h'00' "a"`, nil, 6, "", ErrDiagSyntax},
		// +: a string after it; no text added to bytes; bytes added to
		// text make UTF-8; the indicator after the last string only
		{"'a' + \"b\"", nil, 6, "", ErrDiagSyntax}, {"h'01' + 'a' + \"b\"", nil, 14, "", ErrDiagSyntax},
		{"'a' +", nil, 5, "", ErrUnexpectedEOF}, {"'a' + 1", nil, 6, "", ErrDiagSyntax}, {"'a' + + 'b'", nil, 6, "", ErrDiagSyntax},
		{"['a' + ]", nil, 7, "[0]", ErrDiagSyntax}, {"'a' + <<1>>", nil, 6, "", ErrDiagSyntax}, {"<<1>> + 'a'", nil, 6, "", ErrTrailingData},
		{"'a' + ...", nil, 6, "", ErrDiagSyntax}, {"1 + 'a'", nil, 2, "", ErrTrailingData}, {"+ 'a'", nil, 0, "", ErrDiagSyntax},
		{`"a" + h'ff'`, nil, 0, "", ErrInvalidUTF8}, {`["x", "a" + h'c3']`, nil, 6, "[1]", ErrInvalidUTF8},
		{`"a" + h'62' 'c'`, nil, 12, "", ErrDiagSyntax}, {"'a'_0 + 'b'", nil, 6, "", ErrDiagSyntax},
		{"''_ + 'b'", nil, 4, "", ErrDiagSyntax}, {"'a' + ''_", nil, 8, "", ErrDiagSyntax}, {"'a' + float'3c00'", nil, 6, "", ErrDiagSyntax},
		{"'a' + /c", nil, 8, "", ErrUnexpectedEOF},
		{"h'0'", nil, 3, "", ErrDiagSyntax}, {"h'0g'", nil, 3, "", ErrDiagSyntax}, {"h'00", nil, 4, "", ErrUnexpectedEOF},
		{"h'00 /x", nil, 7, "", ErrUnexpectedEOF},
		{"# 1", nil, 3, "", ErrUnexpectedEOF}, {"[1 # ]", nil, 6, "[1]", ErrUnexpectedEOF},
		{"h'00 # c", nil, 8, "", ErrUnexpectedEOF}, {"b64'AQ # c", nil, 10, "", ErrUnexpectedEOF},
		{"h'00 # c' 1", nil, 10, "", ErrTrailingData},
		{"1 # c\n2", nil, 6, "", ErrTrailingData}, {"1 #", nil, 3, "", nil},
		{"b64'A'", nil, 5, "", ErrDiagSyntax}, {"b64'AR'", nil, 6, "", ErrDiagSyntax}, {"b64'AQ='", nil, 7, "", ErrDiagSyntax},
		{"b64'=='", nil, 4, "", ErrDiagSyntax}, {"b64'AQ==A'", nil, 8, "", ErrDiagSyntax}, {"b64'A.'", nil, 5, "", ErrDiagSyntax},
		{"b64'AQID", nil, 8, "", ErrUnexpectedEOF},
		{"b32'M'", nil, 5, "", ErrDiagSyntax}, {"b32'MF'", nil, 6, "", ErrDiagSyntax}, {"b32'ME='", nil, 7, "", ErrDiagSyntax},
		{"b32'M1'", nil, 5, "", ErrDiagSyntax}, {"h32'W0'", nil, 4, "", ErrDiagSyntax},
		// containers
		{"[1 2]", nil, 3, "[1]", ErrDiagSyntax}, {"[,]", nil, 1, "[0]", ErrDiagSyntax},
		// one trailing comma after an item (draft §2.6), no more
		{"[1,,]", nil, 3, "[1]", ErrDiagSyntax}, {"[1,,2]", nil, 3, "[1]", ErrDiagSyntax},
		{"{,}", nil, 1, "", ErrDiagSyntax}, {"{1: 2,,}", nil, 6, "", ErrDiagSyntax},
		{"{1: 2, 3,}", nil, 8, "3", ErrDiagSyntax}, {"{1: ,}", nil, 4, "1", ErrDiagSyntax},
		{"<<,>>", nil, 2, "", ErrDiagSyntax}, {"(_ ,)", nil, 3, "", ErrDiagSyntax}, {"1(2,)", nil, 3, "", ErrDiagSyntax},
		{"[1,", nil, 3, "[1]", ErrUnexpectedEOF}, {"[1, /c/", nil, 7, "[1]", ErrUnexpectedEOF},
		{"{1}", nil, 2, "1", ErrDiagSyntax}, {"{1: }", nil, 4, "1", ErrDiagSyntax}, {"{1, 2}", nil, 2, "1", ErrDiagSyntax},
		{"{1: 2 3}", nil, 6, "", ErrDiagSyntax}, {"[1}", nil, 2, "[1]", ErrDiagSyntax}, {"<<1>", nil, 3, "", ErrDiagSyntax},
		{"1(", nil, 2, "", ErrUnexpectedEOF}, {"1()", nil, 2, "", ErrDiagSyntax}, {"1(2, 3)", nil, 3, "", ErrDiagSyntax},
		{"1 (2)", nil, 2, "", ErrTrailingData}, {"-1(2)", nil, 0, "", ErrDiagSyntax}, {"1.5(2)", nil, 3, "", ErrTrailingData},
		{"18446744073709551616(1)", nil, 0, "", ErrDiagSyntax},
		{"(_ )", nil, 3, "", ErrDiagSyntax}, {"(_ 1)", nil, 3, "", ErrDiagSyntax}, {"(_ h'', \"\")", nil, 8, "", ErrDiagSyntax},
		{"(_ \"\", h'')", nil, 7, "", ErrDiagSyntax}, {"(_ \"\", <<>>)", nil, 7, "", ErrDiagSyntax},
		{"(_ ''_)", nil, 3, "", ErrDiagSyntax}, {"(_ (_ h''))", nil, 3, "", ErrDiagSyntax},
		{"[", nil, 1, "[0]", ErrUnexpectedEOF}, {"{1:", nil, 3, "1", ErrUnexpectedEOF}, {"<<", nil, 2, "", ErrUnexpectedEOF},
		{`{"a": [1, {"b": x}]}`, nil, 16, "a[1].b", ErrDiagSyntax}, {`{h'01': [x]}`, nil, 9, "h'01'[0]", ErrDiagSyntax},
		{`[<<[x]>>]`, nil, 4, "[0]", ErrDiagSyntax}, {`{[1]: x}`, nil, 6, "[1]", ErrDiagSyntax},
		// what Check finds in the output, at the item of the text
		{"{1: 1, 1: 2}", nil, 7, "", ErrDuplicateKey}, {`[{"a": 1, "a": 2}]`, nil, 10, "[0]", ErrDuplicateKey},
		{"{[1, [2]]: 0, [1, [2]]: 0}", nil, 14, "", ErrDuplicateKey}, {`{"a": 0, (_ "a"): 0}`, nil, 9, "", ErrDuplicateKey},
		{"{0.0: 0, -0.0: 1}", nil, 9, "", ErrDuplicateKey}, {"{1: 1, 1_0: 2}", nil, 7, "", ErrDuplicateKey},
		{"[1, h'0102']", &Options{MaxStringLen: 1}, 4, "[1]", ErrStringTooLong},
		{"[[1, 2, 3]]", &Options{MaxItems: 2}, 1, "[0]", ErrTooManyItems},
		{"[[1]]", &Options{MaxDepth: 1}, 1, "[0]", ErrDepth}, {"1([2])", &Options{MaxDepth: 1}, 2, "", ErrDepth},
		{"[18446744073709551616]", &Options{MaxDepth: 1}, 1, "[0]", ErrDepth},
		{"<<[1]>>", &Options{MaxDepth: 1}, 2, "", ErrDepth}, {"(_ <<>>)", &Options{MaxDepth: 1}, 3, "", ErrDepth},
	} {
		if c.err == nil {
			if _, err := FromDiag(nil, []byte(c.in), c.opts); err != nil {
				t.Errorf("FromDiag(%q): %v", c.in, err)
			}
			continue
		}
		fromDiagErr(t, c.in, c.opts, c.off, c.path, c.err)
	}
}

// TestFromDiagOptions: the Options FromDiag shares with Check.
func TestFromDiagOptions(t *testing.T) {
	// duplicates allowed
	if got, err := FromDiag(nil, []byte("{1: 1, 1: 2}"), &Options{AllowDuplicateKeys: true}); err != nil || hex.EncodeToString(got) != "a201010102" {
		t.Errorf("AllowDuplicateKeys: %x, %v", got, err)
	}
	// invalid UTF-8 passed through
	if got, err := FromDiag(nil, []byte("\"a\xffb\""), &Options{AllowInvalidUTF8: true}); err != nil || hex.EncodeToString(got) != "6361ff62" {
		t.Errorf("AllowInvalidUTF8: %x, %v", got, err)
	}
	// deterministic: keys sorted, also inside arrays and tags, not inside << >>
	det := &Options{Deterministic: true}
	got, err := FromDiag([]byte{0xaa}, []byte(`[{"b": 1, "a": 2, 10: 3, -1: 4}, 1({2: 0, 1: 0}), <<{2: 0, 1: 0}>>, 2(h'01')]`), det)
	want := "aa84a40a032004616102616201c1a2010002004 5a2020001000 1"
	want = strings.ReplaceAll(want, " ", "")
	if err != nil || hex.EncodeToString(got) != want {
		t.Errorf("Deterministic: %x, %v; want %s", got, err, want)
	}
	if err == nil {
		if err := Check(got[1:], det); err != nil {
			t.Errorf("Deterministic output: %v", err)
		}
	}
	// without it, the order of the text
	got, err = FromDiag(nil, []byte(`{"b": 1, "a": 2}`), nil)
	if err != nil || hex.EncodeToString(got) != "a2616201616102" {
		t.Errorf("not deterministic: %x, %v", got, err)
	}
	// duplicates inside << >> are the caller's: kept
	if _, err := FromDiag(nil, []byte(`<<{1: 1, 1: 2}>>`), nil); err != nil {
		t.Errorf("duplicate in << >>: %v", err)
	}
}

// TestFromDiagDeep: a million levels of nesting of each kind are ErrDepth
// at level MaxDepth+1, without recursion (the stack of a goroutine stays
// small) and without memory beyond the levels accepted.
func TestFromDiagDeep(t *testing.T) {
	const n = 1000000
	for _, c := range []struct {
		name, open string
		off        int64
	}{
		{"array", "[", 1000}, {"map", "{1:", 3000}, {"embedded", "<<", 2000}, {"tag", "1(", 2000},
		{"indef", "[_ ", 3000}, {"mixed", "[<<1({0:", 2000},
	} {
		in := []byte(strings.Repeat(c.open, n))
		var err error
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err = FromDiag(nil, in, nil)
		runtime.ReadMemStats(&after)
		var se *SyntaxError
		if !errors.As(err, &se) || !errors.Is(err, ErrDepth) {
			t.Errorf("%s: %v, want ErrDepth", c.name, err)
			continue
		}
		// the level past DefaultMaxDepth
		if se.Offset != c.off {
			t.Errorf("%s: offset %d, want %d", c.name, se.Offset, c.off)
		}
		if a := after.TotalAlloc - before.TotalAlloc; a > 4<<20 {
			t.Errorf("%s: %d bytes allocated for %d bytes of text", c.name, a, len(in))
		}
		if after.StackInuse > before.StackInuse+1<<20 {
			t.Errorf("%s: stack grew from %d to %d", c.name, before.StackInuse, after.StackInuse)
		}
	}
}

// TestFromDiagLarge: a 10 MB h” string converts with the work and memory
// of a few copies; a huge integer literal is refused before conversion.
func TestFromDiagLarge(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	const n = 5 << 20 // bytes: 10 MB of hex digits
	in := []byte("h'" + strings.Repeat("a5", n) + "'")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	out, err := FromDiag(nil, in, nil)
	runtime.ReadMemStats(&after)
	if err != nil || len(out) != n+5 || out[0] != 0x5a || out[5] != 0xa5 || out[len(out)-1] != 0xa5 {
		t.Fatalf("%d bytes, %v", len(out), err)
	}
	// the string's bytes, the encoding and the output: a few times n
	if a := after.TotalAlloc - before.TotalAlloc; a > 8*n {
		t.Errorf("%d bytes allocated for a %d-byte string", a, n)
	}
	if a := after.Mallocs - before.Mallocs; a > 200 {
		t.Errorf("%d allocations", a)
	}
	// a huge integer: refused without converting it
	big := []byte(strings.Repeat("9", 10<<20))
	allocs := testing.AllocsPerRun(2, func() {
		if _, err := FromDiag(nil, big, nil); !errors.Is(err, ErrDiagSyntax) {
			t.Fatalf("huge integer: %v", err)
		}
	})
	runtime.GC()
	runtime.ReadMemStats(&before)
	FromDiag(nil, big, nil)
	runtime.ReadMemStats(&after)
	if a := after.TotalAlloc - before.TotalAlloc; allocs > 20 || a > 6<<20 {
		t.Errorf("huge integer: %v allocations, %d bytes", allocs, a)
	}
}

// TestFromDiagAllocs: a cose-wg message converts in a few allocations.
func TestFromDiagAllocs(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	ex := coseDiags(t)
	diag := []byte(ex["sign1-tests/sign-pass-01.json"][0])
	dst := make([]byte, 0, 1024)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := FromDiag(dst, diag, nil); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("%v allocations for %d bytes of text", allocs, len(diag))
	if allocs > 10 {
		t.Errorf("%v allocations", allocs)
	}
}

// TestFromDiagRoundTrip: AppendDiag's text of varied CBOR reads back to
// the same bytes.
func TestFromDiagRoundTrip(t *testing.T) {
	for _, h := range []string{
		"9f018202039f0405ffff", "bf61610161629f0203ffff", "7f657374726561646d696e67ff", "5f42010243030405ff",
		"c249010000000000000000", "c24101", "c34a00010000000000000000", "d818456449455446", "f8ff", "f7",
		"a3f93e00014002410103", "7fff", "5fff", "fb7fefffffffffffff", "fa7f7fffff", "f90001", "3bffffffffffffffff",
	} {
		b, _ := hex.DecodeString(h)
		d, err := AppendDiag(nil, b, nil)
		if err != nil {
			t.Fatal(h, err)
		}
		got, err := FromDiag(nil, d, nil)
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s → %s → %x, %v", h, d, got, err)
		}
	}
}
