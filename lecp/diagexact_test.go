package lecp

// AppendDiagExact: each kind of head at each width, preferred and not,
// with the exact text; RFC 8949 Appendix A; the text determining the
// encoding over random items of random head widths; allocations.

import (
	"bytes"
	"encoding/hex"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// diagExactTable: input (hex, spaces ignored) and AppendDiagExact's text.
// Where want is "" the input is not well-formed or valid, and the error is
// AppendDiag's.
var diagExactTable = []struct{ hex, want string }{
	// unsigned integers: ai 0-23, then 24-27 with and without a shorter head
	{"00", "0"}, {"17", "23"}, {"1818", "24"}, {"18ff", "255"}, {"1800", "0_0"}, {"1817", "23_0"},
	{"190100", "256"}, {"19ffff", "65535"}, {"190000", "0_1"}, {"190017", "23_1"}, {"1900ff", "255_1"},
	{"1a00010000", "65536"}, {"1a00000000", "0_2"}, {"1a000000ff", "255_2"}, {"1a0000ffff", "65535_2"},
	{"1b0000000100000000", "4294967296"}, {"1bffffffffffffffff", "18446744073709551615"},
	{"1b0000000000000000", "0_3"}, {"1b00000000ffffffff", "4294967295_3"}, {"1b000000000000ffff", "65535_3"},
	// negative integers
	{"20", "-1"}, {"37", "-24"}, {"3818", "-25"}, {"3800", "-1_0"}, {"3817", "-24_0"}, {"3903e7", "-1000"},
	{"390000", "-1_1"}, {"3900ff", "-256_1"}, {"3a00000000", "-1_2"}, {"3a0000ffff", "-65536_2"},
	{"3a00010000", "-65537"}, {"3b0000000000000000", "-1_3"}, {"3b00000000ffffffff", "-4294967296_3"},
	{"3bffffffffffffffff", "-18446744073709551616"},
	// byte strings: the indicator after the literal
	{"40", "h''"}, {"4101", "h'01'"}, {"5800", "h''_0"}, {"5801ff", "h'ff'_0"}, {"590000", "h''_1"},
	{"590001ff", "h'ff'_1"}, {"5a00000001ff", "h'ff'_2"}, {"5b0000000000000001ff", "h'ff'_3"},
	{"5818" + strings.Repeat("ab", 24), "h'" + strings.Repeat("ab", 24) + "'"},
	{"590018" + strings.Repeat("ab", 24), "h'" + strings.Repeat("ab", 24) + "'_1"},
	{"590100" + strings.Repeat("cd", 256), "h'" + strings.Repeat("cd", 256) + "'"},
	{"5a00000100" + strings.Repeat("cd", 256), "h'" + strings.Repeat("cd", 256) + "'_2"},
	// text strings
	{"60", `""`}, {"6161", `"a"`}, {"7800", `""_0`}, {"780161", `"a"_0`}, {"79000161", `"a"_1`},
	{"7a0000000161", `"a"_2`}, {"7b000000000000000161", `"a"_3`}, {"78025f22", `"_\""_0`},
	{"7818" + strings.Repeat("61", 24), `"` + strings.Repeat("a", 24) + `"`},
	{"7a00000018" + strings.Repeat("61", 24), `"` + strings.Repeat("a", 24) + `"_2`},
	// arrays: the indicator after the bracket, then a space
	{"80", "[]"}, {"8101", "[1]"}, {"9800", "[_0 ]"}, {"980101", "[_0 1]"}, {"99000101", "[_1 1]"},
	{"9a000000020102", "[_2 1, 2]"}, {"9b000000000000000101", "[_3 1]"},
	{"9818" + strings.Repeat("00", 24), "[" + strings.TrimSuffix(strings.Repeat("0, ", 24), ", ") + "]"},
	{"9f1800ff", "[_ 0_0]"}, {"9fff", "[_ ]"},
	// maps
	{"a0", "{}"}, {"a10102", "{1: 2}"}, {"b800", "{_0 }"}, {"b8010102", "{_0 1: 2}"},
	{"b900011800190002", "{_1 0_0: 2_1}"}, {"ba000000016161f5", `{_2 "a": true}`},
	{"bb00000000000000010102", "{_3 1: 2}"}, {"bf18011802ff", "{_ 1_0: 2_0}"},
	// tags: the indicator between the number and the parenthesis
	{"c000", "0(0)"}, {"d76161", `23("a")`}, {"d81800", "24(0)"}, {"d80000", "0_0(0)"}, {"d81700", "23_0(0)"},
	{"d8ff00", "255(0)"}, {"d9000100", "1_1(0)"}, {"d900ff00", "255_1(0)"}, {"d9d9f700", "55799(0)"},
	{"da0000006400", "100_2(0)"}, {"da0001000000", "65536(0)"}, {"db000000000000006400", "100_3(0)"},
	{"d8641800", "100(0_0)"}, {"d90064d8641800", "100_1(100(0_0))"},
	// simple values have one encoding: no indicators; below 32 in two
	// bytes is not well-formed
	{"f0", "simple(16)"}, {"f4", "false"}, {"f5", "true"}, {"f6", "null"}, {"f7", "undefined"},
	{"f820", "simple(32)"}, {"f8ff", "simple(255)"}, {"f800", ""}, {"f818", ""}, {"f81f", ""},
	// floats: _1 half, _2 single, _3 double when wider than the shortest
	{"f90000", "0.0"}, {"f98000", "-0.0"}, {"f93c00", "1.0"}, {"f97bff", "65504.0"}, {"f90001", "5.960464477539063e-8"},
	{"f97c00", "Infinity"}, {"f9fc00", "-Infinity"}, {"f97e00", "NaN"},
	{"fa00000000", "0.0_2"}, {"fa80000000", "-0.0_2"}, {"fa3f800000", "1.0_2"}, {"fa477fe000", "65504.0_2"},
	{"fa47c35000", "100000.0"}, {"fa00000001", "1.401298464324817e-45"}, {"fa33800000", "5.960464477539063e-8_2"},
	{"fa7f800000", "Infinity_2"}, {"faff800000", "-Infinity_2"}, {"fa7fc00000", "NaN_2"},
	{"fb0000000000000000", "0.0_3"}, {"fb3ff0000000000000", "1.0_3"}, {"fb3ff8000000000000", "1.5_3"},
	{"fb40f86a0000000000", "100000.0_3"}, {"fb47efffffe0000000", "3.4028234663852886e+38_3"},
	{"fb3ff199999999999a", "1.1"}, {"fb0000000000000001", "5.0e-324"}, {"fb7ff0000000000000", "Infinity_3"},
	{"fbfff0000000000000", "-Infinity_3"}, {"fb7ff8000000000000", "NaN_3"},
	// NaNs the indicators cannot describe: their bits
	{"f97e01", "float'7e01'"}, {"f9fe00", "float'fe00'"}, {"f97c01", "float'7c01'"}, {"f97fff", "float'7fff'"},
	{"fa7fc00001", "float'7fc00001'"}, {"fa7f800001", "float'7f800001'"}, {"faffc00000", "float'ffc00000'"},
	{"fa7fc02000", "float'7fc02000'"}, {"fb7ff8000000000001", "float'7ff8000000000001'"},
	{"fbfff8000000000000", "float'fff8000000000000'"}, {"fb7ff0000000000001", "float'7ff0000000000001'"},
	// bignums: the number only where its preferred encoding is the input
	{"c249010000000000000000", "18446744073709551616"}, {"c349010000000000000000", "-18446744073709551617"},
	{"d80249010000000000000000", "2_0(h'010000000000000000')"},
	{"d9000349010000000000000000", "3_1(h'010000000000000000')"},
	{"c25809010000000000000000", "2(h'010000000000000000'_0)"},
	{"db00000000000000025a00000009010000000000000000", "2_3(h'010000000000000000'_2)"},
	{"c24801000000000000ff", "2(h'01000000000000ff')"}, {"c2580801000000000000ff", "2(h'01000000000000ff'_0)"},
	{"c2490001000000000000ff", "2(h'0001000000000000ff')"}, {"c25f49010000000000000000ff", "2((_ h'010000000000000000'))"},
	// indefinite-length strings: their chunks carry indicators
	{"5fff", "''_"}, {"7fff", `""_`}, {"5f40ff", "(_ h'')"}, {"5f5800ff", "(_ h''_0)"},
	{"5f4101590001025a0000000103ff", "(_ h'01', h'02'_1, h'03'_2)"}, {"7f7800780161ff", `(_ ""_0, "a"_0)`},
	{"7f61617b000000000000000162ff", `(_ "a", "b"_3)`},
	// nested
	{"9f98011800b900017801611a3f800000ff", `[_ [_0 0_0], {_1 "a"_0: 1065353216}]`},
	{"9f98011800b90001780161fa3f800000ff", `[_ [_0 0_0], {_1 "a"_0: 1.0_2}]`},
	{"d9006499000281d8641800a1f5fb3ff8000000000000", "100_1([_1 [100(0_0)], {true: 1.5_3}])"},
	{"a2 1801 26 02 3a0000ffff", "{1_0: -7, 2: -65536_2}"},
	// not well-formed or invalid: AppendDiag's error
	{"1c", ""}, {"19", ""}, {"5a000000", ""}, {"a2 00 01 1800 02", ""}, {"78 01 ff", ""},
}

func TestDiagExactTable(t *testing.T) {
	for _, c := range diagExactTable {
		b := testenv.Hex(t, c.hex)
		got, err := AppendDiagExact(nil, b, nil)
		plain, perr := AppendDiag(nil, b, nil)
		if c.want == "" {
			if err == nil || perr == nil || err.Error() != perr.Error() {
				t.Errorf("%s: %q, %v; want AppendDiag's error %v", c.hex, got, err, perr)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%s: %q, %v; want %q", c.hex, got, err, c.want)
		}
		// preferred exactly where there is no indicator: the text is then
		// AppendDiag's
		if !hasIndicator(c.want) && string(plain) != c.want {
			t.Errorf("%s: AppendDiag %q, AppendDiagExact %q", c.hex, plain, got)
		}
		if n := stripIndicators(string(got)); n != string(plain) {
			t.Errorf("%s: without indicators %q, AppendDiag %q", c.hex, n, plain)
		}
	}
}

// TestDiagExactSequence: items of a sequence each get their indicators.
func TestDiagExactSequence(t *testing.T) {
	b := testenv.Hex(t, "1800 00 fa3f800000 980100")
	got, err := AppendDiagExact([]byte("x"), b, &Options{AllowSequence: true})
	if want := "x0_0, 0, 1.0_2, [_0 0]"; err != nil || string(got) != want {
		t.Errorf("%q, %v; want %q", got, err, want)
	}
	// on an error dst comes back unchanged
	got, err = AppendDiagExact([]byte("x"), b, nil)
	if err == nil || string(got) != "x" {
		t.Errorf("not a sequence: %q, %v", got, err)
	}
}

// hasIndicator reports whether the text holds an indicator _0 to _3, or
// a float literal, outside string literals.
func hasIndicator(s string) bool { return stripIndicators(s) != s }

// stripIndicators takes the encoding indicators _0 to _3 out of diagnostic
// notation (leaving string literals alone and the _ of an indefinite
// length), writes float'...' (a NaN's bits) as NaN, and turns a tag 2 or 3
// that carried an indicator, around bytes that are a bignum in preferred
// serialization, into the number: the text AppendDiag writes for the same
// input.
func stripIndicators(s string) string {
	var out []byte
	skipInd := func(i int) int { // after an item: skip _0.._3
		if i+1 < len(s) && s[i] == '_' && s[i+1] >= '0' && s[i+1] <= '3' {
			return i + 2
		}
		return i
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			j := i + 1
			for s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			out = append(out, s[i:j+1]...)
			i = skipInd(j + 1)
		case strings.HasPrefix(s[i:], "h'"):
			j := i + 2 + strings.IndexByte(s[i+2:], '\'')
			out = append(out, s[i:j+1]...)
			i = skipInd(j + 1)
		case strings.HasPrefix(s[i:], "float'"):
			j := i + 6 + strings.IndexByte(s[i+6:], '\'')
			out = append(out, "NaN"...)
			i = j + 1
		case c == '\'': // ''_
			out = append(out, s[i:i+2]...)
			i += 2
		case (c == '[' || c == '{') && i+2 < len(s) && s[i+1] == '_' && s[i+2] >= '0' && s[i+2] <= '3':
			out = append(out, c)
			i += 4 // [_n and the space
		case c == '-' || c == '.' || c == '+' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			j := i
			for j < len(s) && (s[j] == '-' || s[j] == '.' || s[j] == '+' || s[j] >= '0' && s[j] <= '9' ||
				s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z') {
				j++
			}
			word := s[i:j]
			k := skipInd(j)
			if word == "2" || word == "3" {
				if n, ok := strippedBignum(s, j, word == "3"); ok {
					out = append(out, n...)
					i = len(s) - len(ok2rest(s, j))
					continue
				}
			}
			out = append(out, word...)
			i = k
		default:
			out = append(out, c)
			i++
		}
	}
	return string(out)
}

// strippedBignum: at s[j], after a tag number 2 or 3, an optional
// indicator, "(h'...'" an optional indicator and ")", with an indicator
// on the tag or the string and bytes that are a bignum in preferred
// serialization: the number as AppendDiag writes it.
func strippedBignum(s string, j int, neg bool) ([]byte, bool) {
	rest := s[j:]
	ind := false
	if len(rest) > 1 && rest[0] == '_' {
		rest, ind = rest[2:], true
	}
	if !strings.HasPrefix(rest, "(h'") {
		return nil, false
	}
	e := strings.IndexByte(rest[3:], '\'')
	mag, err := hex.DecodeString(rest[3 : 3+e])
	if err != nil {
		return nil, false
	}
	rest = rest[3+e+1:]
	if len(rest) > 1 && rest[0] == '_' {
		rest, ind = rest[2:], true
	}
	if !ind || !strings.HasPrefix(rest, ")") || !isPreferredBignum(Token{Kind: Bytes, Value: mag}) {
		return nil, false
	}
	return appendBignum(nil, mag, neg), true
}

// ok2rest returns what follows the bignum strippedBignum accepted at s[j].
func ok2rest(s string, j int) string {
	rest := s[j:]
	return rest[strings.IndexByte(rest, ')')+1:]
}

// TestStripIndicators: the test's own helper, on the forms it must get
// right.
func TestStripIndicators(t *testing.T) {
	for in, want := range map[string]string{
		`"a_0"_1`: `"a_0"`, `"\"_1"`: `"\"_1"`, `[_0 1_0, [_ 2]]`: `[1, [_ 2]]`, `{_3 "a": h'5f30'_2}`: `{"a": h'5f30'}`,
		`1.0e+300_3`: `1.0e+300`, `-Infinity_2`: `-Infinity`, `float'7e01'`: `NaN`, `''_`: `''_`, `(_ ""_0)`: `(_ "")`,
		`2_0(h'010000000000000000')`: `18446744073709551616`, `[3(h'010000000000000000'_1), 0]`: `[-18446744073709551617, 0]`,
		`2(h'010000000000000000')`: `2(h'010000000000000000')`, `2_0(h'0100')`: `2(h'0100')`, `simple(32)`: `simple(32)`,
	} {
		if got := stripIndicators(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

// TestDiagExactAppendixA: every item of RFC 8949 Appendix A gets
// AppendDiag's text where it is in preferred serialization (it re-encodes
// to itself through the Writer) and an indicator where it is not: the six
// infinities and NaNs of single and double width, nowhere else.
func TestDiagExactAppendixA(t *testing.T) {
	count := map[string]int{}
	n, indef := 0, 0
	for _, it := range loadAppendix(t) {
		b, err := hex.DecodeString(it.Hex)
		if err != nil {
			t.Fatal(err)
		}
		exact, err := AppendDiagExact(nil, b, nil)
		plain, perr := AppendDiag(nil, b, nil)
		if it.Hex == "f818" {
			if err == nil || perr == nil || err.Error() != perr.Error() {
				t.Errorf("f818: %v, AppendDiag %v", err, perr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", it.Hex, err)
			continue
		}
		n++
		// The Writer writes heads in preferred serialization, and every
		// length definite: an item with an indefinite length (which
		// AppendDiag shows) is preferred where its heads are, and in
		// Appendix A they all are
		preferred := bytes.Equal(reencode(t, b), b) || indefiniteAppendixA[it.Hex]
		if indefiniteAppendixA[it.Hex] {
			indef++
		}
		if it.Hex == "c249010000000000000000" || it.Hex == "c349010000000000000000" {
			preferred = true // the Writer writes a bignum's number as such
		}
		for _, ind := range []string{"_0", "_1", "_2", "_3"} {
			count[ind] += strings.Count(string(exact), ind)
		}
		switch {
		case preferred && string(exact) != string(plain):
			t.Errorf("%s is preferred: %q, AppendDiag %q", it.Hex, exact, plain)
		case !preferred && string(exact) == string(plain):
			t.Errorf("%s is not preferred: %q without an indicator", it.Hex, exact)
		case !preferred:
			t.Logf("%s: %s", it.Hex, exact)
		}
		if it.Diagnostic != "" && string(plain) != it.Diagnostic {
			t.Errorf("%s: AppendDiag %q, the vector %q", it.Hex, plain, it.Diagnostic)
		}
		if s := stripIndicators(string(exact)); s != string(plain) {
			t.Errorf("%s: without indicators %q, AppendDiag %q", it.Hex, s, plain)
		}
	}
	if n != 81 || indef != len(indefiniteAppendixA) {
		t.Errorf("%d items compared, want 81; %d of the %d indefinite", n, indef, len(indefiniteAppendixA))
	}
	if want := map[string]int{"_2": 3, "_3": 3}; len(count) != 4 || count["_0"] != 0 || count["_1"] != 0 || count["_2"] != want["_2"] || count["_3"] != want["_3"] {
		t.Errorf("indicators %v, want %v", count, want)
	}
}

// indefiniteAppendixA: the items of Appendix A with an indefinite length.
var indefiniteAppendixA = map[string]bool{
	"5f42010243030405ff": true, "7f657374726561646d696e67ff": true, "9fff": true, "9f018202039f0405ffff": true,
	"9f01820203820405ff": true, "83018202039f0405ff": true, "83019f0203ff820405": true,
	"9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff": true, "bf61610161629f0203ffff": true,
	"826161bf61626163ff": true, "bf6346756ef563416d7421ff": true,
}

// diagGen writes random well-formed CBOR whose heads take random widths:
// the same random stream (seed) gives the same items, and widths decides
// whether each head takes its shortest form or a random longer one.
type diagGen struct {
	r     *rand.Rand // the items
	w     *rand.Rand // the widths
	wide  bool       // longer heads at random, else every head preferred
	depth int
}

func (g *diagGen) head(dst []byte, major byte, arg uint64) []byte {
	ai := []int{0, 24, 25, 26, 27}
	min := 0
	switch {
	case arg < 24:
	case arg < 1<<8:
		min = 1
	case arg < 1<<16:
		min = 2
	case arg < 1<<32:
		min = 3
	default:
		min = 4
	}
	k := min
	if g.wide && g.w.IntN(2) == 0 {
		k = min + g.w.IntN(5-min)
	}
	if k == 0 {
		return append(dst, major<<5|byte(arg))
	}
	n := 1 << (ai[k] - 24)
	dst = append(dst, major<<5|byte(ai[k]))
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, byte(arg>>(8*i)))
	}
	return dst
}

// arg returns a random argument, spread over the head widths.
func (g *diagGen) arg() uint64 {
	switch g.r.IntN(5) {
	case 0:
		return uint64(g.r.IntN(24))
	case 1:
		return uint64(g.r.IntN(256))
	case 2:
		return uint64(g.r.IntN(1 << 16))
	case 3:
		return uint64(g.r.Uint32())
	}
	return g.r.Uint64()
}

func (g *diagGen) float(dst []byte) []byte {
	var f float64
	switch g.r.IntN(6) {
	case 0:
		f = halfToFloat(uint16(g.r.Uint32()))
	case 1:
		f = float64(math.Float32frombits(g.r.Uint32()))
	case 2:
		f = math.Float64frombits(g.r.Uint64())
	case 3:
		f = []float64{0, math.Copysign(0, -1), 1, 1.5, 65504, 100000, math.Inf(1), math.Inf(-1)}[g.r.IntN(8)]
	default:
		// a NaN with its own bits, at each width (f97e00 when every
		// head is to be preferred)
		bits := g.r.Uint64()
		if !g.wide {
			return append(dst, 0xf9, 0x7e, 0x00)
		}
		switch g.w.IntN(3) {
		case 0:
			v := 0x7c01 | uint16(bits)&0x83ff
			return append(dst, 0xf9, byte(v>>8), byte(v))
		case 1:
			v := 0x7f800001 | uint32(bits)&0x807fffff
			return append(dst, 0xfa, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
		}
		dst = append(dst, 0xfb)
		v := 0x7ff0000000000001 | bits&0x800fffffffffffff
		for i := 7; i >= 0; i-- {
			dst = append(dst, byte(v>>(8*i)))
		}
		return dst
	}
	w := floatWidth(f)
	if f != f {
		w = 2
	}
	if g.wide && g.w.IntN(3) == 0 {
		w = []int{w, 4, 8}[g.w.IntN(3)]
		if w < floatWidth(f) {
			w = floatWidth(f)
		}
	}
	switch w {
	case 2:
		h, ok := halfExact(float32(f))
		if f != f {
			h, ok = 0x7e00, true
		}
		if !ok {
			panic("not a half")
		}
		return append(dst, 0xf9, byte(h>>8), byte(h))
	case 4:
		v := math.Float32bits(float32(f))
		if f != f {
			v = 0x7fc00000
		}
		return append(dst, 0xfa, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
	}
	v := math.Float64bits(f)
	if f != f {
		v = 0x7ff8000000000000
	}
	dst = append(dst, 0xfb)
	for i := 7; i >= 0; i-- {
		dst = append(dst, byte(v>>(8*i)))
	}
	return dst
}

func (g *diagGen) str(dst []byte, major byte) []byte {
	n := g.r.IntN(4)
	if g.r.IntN(8) == 0 {
		n = 20 + g.r.IntN(300)
	}
	dst = g.head(dst, major, uint64(n))
	for range n {
		dst = append(dst, 'a'+byte(g.r.IntN(26)))
	}
	return dst
}

func (g *diagGen) item(dst []byte) []byte {
	k := g.r.IntN(12)
	if g.depth > 4 && k >= 7 {
		k = g.r.IntN(7)
	}
	switch k {
	case 0:
		return g.head(dst, 0, g.arg())
	case 1:
		return g.head(dst, 1, g.arg())
	case 2:
		return g.str(dst, 2)
	case 3:
		return g.str(dst, 3)
	case 4:
		return g.float(dst)
	case 5:
		if c := g.r.IntN(6); c < 5 {
			return append(dst, []byte{0xf4, 0xf5, 0xf6, 0xf7, 0xf0}[c])
		}
		return append(dst, 0xf8, byte(32+g.r.IntN(224)))
	case 6:
		// an indefinite-length string of chunks
		maj := byte(2 + g.r.IntN(2))
		dst = append(dst, maj<<5|31)
		for range g.r.IntN(3) {
			dst = g.str(dst, maj)
		}
		return append(dst, 0xff)
	case 7:
		// a bignum, preferred by value or not
		dst = g.head(dst, 6, uint64(2+g.r.IntN(2)))
		n := 1 + g.r.IntN(12)
		dst = g.head(dst, 2, uint64(n))
		for i := range n {
			c := byte(g.r.IntN(256))
			if i == 0 && g.r.IntN(4) != 0 {
				c |= 1
			}
			dst = append(dst, c)
		}
		return dst
	case 8:
		dst = g.head(dst, 6, g.arg()|1<<40) // beyond the tags lecp reads
		g.depth++
		dst = g.item(dst)
		g.depth--
		return dst
	}
	n := g.r.IntN(4)
	indef := g.r.IntN(4) == 0
	isMap := k >= 10
	maj := byte(4)
	if isMap {
		maj = 5
	}
	if indef {
		dst = append(dst, maj<<5|31)
	} else {
		dst = g.head(dst, maj, uint64(n))
	}
	g.depth++
	for i := range n {
		if isMap {
			dst = g.head(dst, 0, uint64(i)*1000) // distinct keys
		}
		dst = g.item(dst)
	}
	g.depth--
	if indef {
		dst = append(dst, 0xff)
	}
	return dst
}

// TestDiagExactDeterminesEncoding: over random items with random head
// widths, AppendDiagExact's text determines the bytes: no two different
// inputs (many of them the same items in other widths) get the same text,
// while AppendDiag gives all widths of an item one text; with every head
// preferred the text is AppendDiag's; and taking out the indicators
// always gives AppendDiag's text.
func TestDiagExactDeterminesEncoding(t *testing.T) {
	seen := map[string][]byte{}
	variants, told := 0, 0
	for seed := range uint64(5000) {
		gen := func(wide bool, wseed uint64) []byte {
			g := diagGen{r: rand.New(rand.NewPCG(seed, 1)), w: rand.New(rand.NewPCG(seed, wseed)), wide: wide}
			return g.item(nil)
		}
		pref := gen(false, 0)
		if err := Check(pref, nil); err != nil {
			t.Fatalf("seed %d: %x: %v", seed, pref, err)
		}
		pe, err := AppendDiagExact(nil, pref, nil)
		pp, _ := AppendDiag(nil, pref, nil)
		if err != nil || !bytes.Equal(pe, pp) {
			t.Fatalf("seed %d: preferred %x: %s, %v; AppendDiag %s", seed, pref, pe, err, pp)
		}
		plains, exacts := map[string]bool{}, map[string]bool{}
		for w := range uint64(8) {
			b := pref
			if w > 0 {
				b = gen(true, w+2)
			}
			e, err := AppendDiagExact(nil, b, nil)
			if err != nil {
				t.Fatalf("seed %d: %x: %v", seed, b, err)
			}
			p, _ := AppendDiag(nil, b, nil)
			plains[string(p)], exacts[string(e)] = true, true
			if s := stripIndicators(string(e)); s != string(p) {
				t.Fatalf("%x: without indicators %s, AppendDiag %s", b, s, p)
			}
			if old, ok := seen[string(e)]; ok && !bytes.Equal(old, b) {
				t.Fatalf("%x and %x both %s", old, b, e)
			} else if !ok {
				seen[string(e)] = b
				if w > 0 && !bytes.Equal(b, pref) {
					variants++
				}
			}
		}
		if len(plains) == 1 && len(exacts) > 1 {
			told++
		}
	}
	// the test means something only if many inputs differ in widths alone
	// and AppendDiag cannot tell them apart
	if variants < 8000 || told < 3000 {
		t.Fatalf("%d width variants; %d items whose variants only the indicators told apart", variants, told)
	}
}

// TestDiagExactAllocs: appending to a buffer with room, AppendDiagExact
// allocates no more than AppendDiag.
func TestDiagExactAllocs(t *testing.T) {
	if testenv.Race {
		t.Skip("allocation counts differ under -race")
	}
	for _, h := range []string{
		"00", "1800", "fa3f800000", "f97e01", "d80249010000000000000000",
		"9f98011800b9000178016161fa3f800000ff", "d9006499000281d8641800a1f5fb3ff8000000000000",
		"a3 01 26 1804 42 0102 3a0000ffff 5f 5800 4101 ff",
	} {
		b := testenv.Hex(t, h)
		buf := make([]byte, 0, 1024)
		plain := testing.AllocsPerRun(100, func() { AppendDiag(buf, b, nil) })
		exact := testing.AllocsPerRun(100, func() { AppendDiagExact(buf, b, nil) })
		if exact > plain {
			t.Errorf("%s: %v allocations, AppendDiag %v", h, exact, plain)
		}
	}
}

// BenchmarkDiagExact: AppendDiagExact over the benchmark corpus, as
// BenchmarkDiag runs AppendDiag (MB/s of the CBOR input).
func BenchmarkDiagExact(b *testing.B) {
	for _, f := range benchFiles(b) {
		c := f.cbor
		b.Run(f.name, func(b *testing.B) {
			out := make([]byte, 0, 4*len(c))
			b.ReportAllocs()
			b.SetBytes(int64(len(c)))
			for b.Loop() {
				if _, err := AppendDiagExact(out, c, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
