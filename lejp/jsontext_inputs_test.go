//go:build goexperiment.jsonv2

package lejp

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// jsontextInputs generates the inputs TestJSONTextDiff and
// FuzzJSONTextDiff compare beyond the corpora: every kind of escape,
// surrogate pairs and broken ones, raw UTF-8 at every boundary and broken,
// control bytes, every shape of number (valid and not), literals, nesting
// up to and past each depth limit, duplicate names that differ only in
// their escaping, and inputs at and past each size limit.
func jsontextInputs() []namedInput {
	var out []namedInput
	add := func(name, s string) { out = append(out, namedInput{name, []byte(s)}) }

	// Strings: each as a value, as a name and at the top level.
	var strs []string
	for _, e := range []string{`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`,
		`\a`, `\v`, `\'`, `\x41`, `\U0041`, `\0`, `\`, `\ `, `\u`, `\u1`, `\u12`, `\u123`, `\u123g`, `\uG123`, `\u-123`, `\u+123`} {
		strs = append(strs, e, "ab"+e+"cd")
	}
	for c := 0; c < 0x80; c++ {
		strs = append(strs, fmt.Sprintf(`\u%04x`, c), fmt.Sprintf(`\u%04X`, c))
	}
	for _, cp := range []string{"0080", "00e9", "00E9", "07ff", "0800", "2028", "2029", "d7ff", "e000", "fdd0", "fffe", "ffff", "FFFF", "feff"} {
		strs = append(strs, `\u`+cp)
	}
	// Surrogates: pairs in both cases, and every way of breaking them.
	for _, s := range []string{
		`\ud83d\ude00`, `\uD83D\uDE00`, `\uD83d\uDe00`, `\ud800\udc00`, `\udbff\udfff`, `x\ud834\udd1ey`,
		`\ud800`, `\udc00`, `\udfff`, `\udbff`, `\ude00\ud83d`, `\ud800\ud800`, `\ud800\udc00\udc00`,
		`\ud800x`, `\ud800\n`, `\ud800\\`, `\ud800\u0041`, `\ud800\uzzzz`, `\ud800\u`, `\ud800\ud`,
		`\ud800\udc`, `\ud800\udc0`, `\ud800\`, `\ud800\x`, `\ud800\uDC00`, `\uD800\udc00`, "\\ud800é",
		"\\ud83d\\ude00\\ud83d", `\ud7ff\udc00`, `\ue000\udc00`,
	} {
		strs = append(strs, s)
	}
	// Raw UTF-8: boundaries, and not UTF-8.
	for _, s := range []string{
		"\u007f", "\u0080", "\u07ff", "\u0800", "\uffff", "\U00010000", "\U0010ffff", "é€😀", "\u2028",
		"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x8f\xbf\xbf",
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xfe", "\xff", "\x80", "\xbf",
		"\xc3", "\xe2\x82", "\xf0\x9f\x98", "a\xc3", "\xc3(", "\xe2\x28\xa1", "\xef\xbb\xbf",
	} {
		strs = append(strs, s, "abcdefghij"+s+"klmnopqrstuvwxyz")
	}
	for c := 0; c < 0x20; c++ {
		strs = append(strs, string(rune(c)), "abcdefgh"+string(rune(c)))
	}
	strs = append(strs, "", " ", "\x7f", `"`, strings.Repeat("long ", 40)+`\u00e9`+strings.Repeat("x", 300))
	for _, s := range strs {
		add("string "+s, `"`+s+`"`)
		add("value "+s, `["`+s+`",1]`)
		add("name "+s, `{"`+s+`":1,"z":2}`)
	}

	// Numbers: valid shapes, invalid ones, and what may follow one.
	nums := []string{"0", "-0", "1", "-1", "9", "10", "1234567890", "0.0", "-0.0", "0.5", "1.5", "123.456",
		"1e1", "1E1", "1e+1", "1e-1", "1E+01", "1e001", "0e0", "-0e-0", "0.0e0", "1.5e308", "1e309", "4.9e-324",
		"1e-400", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
		"123456789012345678901234567890", "0.1234567890123456789012345678901234567890",
		"01", "-01", "00", "-", "+1", "1.", ".1", "-.1", "1.e1", "1e", "1e+", "1e-", "1E", "e1", "1ee1",
		"1e1.5", "1.5.5", "--1", "-+1", "0x1", "0X1", "1_000", "Infinity", "-Infinity", "NaN", "0.", "-0.",
		"1.0e", "2.e3", "2.e+3", "1e--1", "1e+-1", "１", "1.5e", "0e", "0E+", "00.1", "-00"}
	for _, n := range nums {
		add("number "+n, n)
		add("number in array "+n, "["+n+"]")
		add("number member "+n, `{"n":`+n+`}`)
		add("number spaced "+n, " \t\r\n"+n+"\n")
	}
	for _, tail := range []string{"x", "a", "e", "E", ".", "-", "+", "0", " 1", ",", "]", "}", ":", `"`, "\x00", "#", "/", "\xff", "é"} {
		add("number then "+tail, "12"+tail)
		add("number in array then "+tail, "[12"+tail)
		add("number in array then "+tail+"]", "[12"+tail+"]")
	}

	// Literals and the top level.
	for _, s := range []string{"true", "false", "null", "tru", "fals", "nul", "True", "NULL", "nulll", "truex",
		"true false", "truefalse", "null,", "[true,false,null]", "[truefalse]", "[nul]", "[tru e]",
		"", " ", "\n\t\r ", "\ufeff{}", "{}\ufeff", "\x00", "{}\x00", "{} ", " {}", "{}x", "{}{}", "[][]", "1 2",
		"\"a\"\"b\"", "{} # c", "# c\n{}", "/* c */{}", "{}//", "[1,]", "[,1]", "[1,,2]", "{,}", `{"a":1,}`,
		`{"a"}`, `{"a":}`, `{"a" 1}`, `{:1}`, `{1:1}`, `{null:1}`, `{"a":1 "b":2}`, `['a']`, `{'a':1}`,
		"[\f]", "[\v]", "[\u00a0]", "[\u2028]", "\r\n[\r\n]\r\n", "[", "]", "{", "}", "[}", "{]", `{"a":[}`, `[{]`,
		"[[[[[[[[[[", "]]]]", "{\"a\":{\"b\":{}}}}", "[1]]", "\"", "\"abc", "\"abc\\", "\"abc\\\"",
		// Sequences (several top-level values allowed): touching or not.
		"0 1", "01", "1-2", "-0-0", "1.5e3-1", "null1", "1null", "nulltrue", "1\"a\"", "\"a\"1", "[]{}", "{}[]1 2\n3\t[4]",
		"1\n", "\n\n", "1 2 ", "[1] [2", "1 2 x", "true false null 0 -1 1.5 \"s\" [] {}",
	} {
		add("top "+s, s)
	}

	// Nesting near each depth limit: lejp's default 1000 and jsontext's
	// 10000 (jsontextRaised's MaxDepth), with arrays, objects and both.
	for _, n := range []int{999, 1000, 1001, 9999, 10000, 10001} {
		add(fmt.Sprintf("arrays %d deep", n), strings.Repeat("[", n)+strings.Repeat("]", n))
		add(fmt.Sprintf("objects %d deep", n), strings.Repeat(`{"a":`, n-1)+"{}"+strings.Repeat("}", n-1))
		add(fmt.Sprintf("mixed %d deep", n), strings.Repeat(`[{"k":`, n/2)+strings.Repeat("[", n%2)+"1"+strings.Repeat("]", n%2)+strings.Repeat("}]", n/2))
		add(fmt.Sprintf("arrays %d deep, unclosed", n), strings.Repeat("[", n))
		add(fmt.Sprintf("arrays %d deep, then a sibling", n), "["+strings.Repeat("[", n-1)+strings.Repeat("]", n-1)+",["+strings.Repeat("[", n-2)+strings.Repeat("]", n-1)+"]")
	}

	// Duplicate names: equal after decoding but written differently, and
	// names that only look alike; in small objects and in objects past 64
	// members (lejp's hash index), nested, and in sibling objects.
	dups := [][2]string{
		{"a", `\u0061`}, {`\u0041`, "A"}, {"é", `\u00e9`}, {`\u00E9`, `\u00e9`}, {"😀", `\ud83d\ude00`},
		{`\uD83D\uDE00`, `\ud83d\ude00`}, {`\/`, "/"}, {`\"`, `\u0022`}, {`\\`, `\u005c`}, {`\n`, `\u000a`},
		{`\t`, `\u0009`}, {"", ""}, {`\u0000`, `\u0000`}, {"a\u0000", "a"}, {"a", "a "}, {"é", "e\u0301"},
		{"a", "A"}, {"ab", `a\u0062`}, {"x", "x"}, {`\b\f`, `\u0008\u000C`}, {"€", `\u20ac`},
	}
	for _, d := range dups {
		add("dup "+d[0]+" "+d[1], `{"`+d[0]+`":1,"`+d[1]+`":2}`)
		add("dup nested "+d[0]+" "+d[1], `{"o":{"`+d[0]+`":1,"b":[{"`+d[0]+`":0}],"`+d[1]+`":2}}`)
		var b strings.Builder
		b.WriteString(`{"`)
		b.WriteString(d[0])
		b.WriteString(`":0`)
		for i := range 100 {
			fmt.Fprintf(&b, `,"m%d":%d`, i, i)
		}
		b.WriteString(`,"`)
		b.WriteString(d[1])
		b.WriteString(`":1}`)
		add("dup past 64 members "+d[0]+" "+d[1], b.String())
		add("dup siblings "+d[0]+" "+d[1], `[{"`+d[0]+`":1},{"`+d[1]+`":2}]`)
		add("dup parent and child "+d[0]+" "+d[1], `{"`+d[0]+`":{"`+d[1]+`":2}}`)
	}
	// Names that differ only in invalid UTF-8 (with it allowed, lejp
	// compares bytes, jsontext after replacing each invalid byte).
	for _, d := range [][2]string{{"\xff", "\xfe"}, {"a\xff", "a\xc0"}, {"\xff", `\ufffd`}, {"\xff", "\uFFFD"}, {"\xff", `\ud800`}, {`\udc00`, `\ud800`}, {"\xed\xa0\x80", `\ud800`}} {
		add("invalid-UTF-8 names "+d[0]+" "+d[1], `{"`+d[0]+`":1,"`+d[1]+`":2}`)
		add("invalid-UTF-8 names nested "+d[0]+" "+d[1], `[{"o":{"`+d[0]+`":1,"x":[],"`+d[1]+`":2}}]`)
	}
	{
		var b strings.Builder
		b.WriteString("{")
		for i := range 300 {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"\u%04x":%d`, 0x100+i, i)
		}
		add("300 escaped names", b.String()+"}")
		add("300 escaped names and a raw duplicate", b.String()+`,"`+string(rune(0x100+150))+`":1}`)
	}

	// Size limits: lejp's defaults (number 1 KiB, name 64 KiB, string
	// 64 MiB, 4 MiB of names held), at and just past each.
	add("number of 1024 bytes", strings.Repeat("9", DefaultMaxNumberLen))
	add("number of 1025 bytes", strings.Repeat("9", DefaultMaxNumberLen+1))
	add("float of 1025 bytes in an array", "[0."+strings.Repeat("1", DefaultMaxNumberLen-1)+"]")
	add("name of 64 KiB", `{"`+strings.Repeat("n", DefaultMaxNameLen)+`":1}`)
	add("name of 64 KiB + 1", `{"`+strings.Repeat("n", DefaultMaxNameLen+1)+`":1}`)
	add("escaped name past 64 KiB", `{"`+strings.Repeat(`\u0061`, DefaultMaxNameLen/6+1)+`":1}`)
	add("string of 64 MiB + 1", `"`+strings.Repeat("s", DefaultMaxStringLen+1)+`"`)
	{
		// 4 MiB of name memory is some 110,000 names of 6 bytes (32 bytes
		// of bookkeeping each): 150,000 in one object is past it.
		var b strings.Builder
		b.WriteString("{")
		for i := range 150000 {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"%06d":0`, i)
		}
		add("150000 names in one object", b.String()+"}")
		add("150000 names in one object and a duplicate", b.String()+`,"000007":1}`)
	}
	return out
}

// diffCorpus is one group of inputs for TestJSONTextDiff.
type diffCorpus struct {
	name   string
	inputs []namedInput
}

type namedInput struct {
	name string
	in   []byte
}

// readDir returns the files of dir (sorted by name).
func readDir(t *testing.T, dir string) []namedInput {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []namedInput
	for _, e := range es {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, namedInput{e.Name(), b})
	}
	return out
}

// lejpOwnInputs returns the inputs of lejp's golden traces and of its
// checked-in fuzz corpus (every []byte argument of testdata/fuzz/*/*).
func lejpOwnInputs(t *testing.T) []namedInput {
	var out []namedInput
	for _, tc := range goldenCases {
		out = append(out, namedInput{"golden " + tc.name, []byte(tc.in)})
	}
	out = append(out, namedInput{"allocDoc", allocDoc})
	files, err := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if s, ok := strings.CutPrefix(line, "[]byte("); ok {
				v, err := strconv.Unquote(strings.TrimSuffix(s, ")"))
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				out = append(out, namedInput{f, []byte(v)})
			}
		}
	}
	return out
}
