package lejp

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// scanStrEnd is the scanner's verdict on the string at b[i]: its end, or -1.
func scanStrEnd(b []byte, i int, max int64, allow bool) (int, bool) {
	end, esc, _, cause := scanStr(b, i, max, allow)
	if cause != nil || end < 0 {
		return -1, esc
	}
	return end, esc
}

// checkFastStr fails t if the fast pass's string or name routines judge the
// string at b[i] otherwise than scanStr.
func checkFastStr(t *testing.T, b []byte, i int) {
	t.Helper()
	for _, allow := range []bool{false, true} {
		for _, max := range []int64{1 << 62, 5, 8, 16} {
			want, esc := scanStrEnd(b, i, max, allow)
			if got := fastStr(b, i, max, allow); got != want {
				t.Fatalf("fastStr(%q, %d, max %d, allow %v) = %d, scanStr %d", b, i, max, allow, got, want)
			}
			if max > 1<<20 {
				continue
			}
			if esc {
				want = -1 // an escaped name is the scanner's
			}
			got, key := fastName(b, i, int(max), allow)
			if got != want {
				t.Fatalf("fastName(%q, %d, max %d, allow %v) = %d, scanStr %d (esc %v)", b, i, max, allow, got, want, esc)
			}
			if got >= 0 && key != fastKey(b[i+1:got-1]) {
				t.Fatalf("fastName(%q, %d): key %x, fastKey %x", b, i, key, fastKey(b[i+1:got-1]))
			}
		}
	}
}

// checkFastDocs fails t if Check's fast pass and the scanner judge the
// string s (with its quotes) otherwise as an array element, a member value
// and a member name, under a few options: the fast pass must accept exactly
// what the scanner accepts, except escaped names, which it leaves to the
// scanner.
func checkFastDocs(t *testing.T, s []byte) {
	t.Helper()
	esc := bytes.IndexByte(s, '\\') >= 0
	for k, doc := range [][]byte{
		append(append([]byte("[ "), s...), ']'),
		append(append([]byte(`{"a": `), s...), '}'),
		append(append([]byte("{\n  "), s...), ": 0}"...),
	} {
		for _, o := range []*Options{nil, {AllowInvalidUTF8: true}, {MaxStringLen: 5, MaxNameLen: 5}} {
			fast, slow := fastOK(doc, o), slowCheck(doc, o) == nil
			if fast != slow && !(k == 2 && esc && !fast) {
				t.Fatalf("%q %+v: fast pass %v, scanner %v", doc, o, fast, slow)
			}
		}
	}
}

// TestFastStrAgrees: the fast pass's string and name routines accept
// exactly the strings the scanner's scanStr accepts (same end, same length
// limit, both UTF-8 modes): at every quote of every JSONTestSuite file, and
// in random buffers made of the bytes that matter (quotes, backslashes,
// escape letters, hex digits, control bytes, UTF-8 lead and continuation
// bytes of every class).
func TestFastStrAgrees(t *testing.T) {
	for _, sub := range []string{"test_parsing", "test_transform"} {
		for _, b := range jtsFiles(t, sub) {
			for i, c := range b {
				if c == '"' {
					checkFastStr(t, b, i)
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	pick := []byte{'"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u', 'x', 'a', 'D', '8', 'c', '0', ' ', 0x1F, 0x7F,
		0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF}
	utf := []string{"é", "名前", "😋", "\u0800", "\uFFFF", "\U00010000", "\U0010FFFF", "\uD7FF", "\uE000"}
	buf := make([]byte, 0, 64)
	for n := 0; n < 300000; n++ {
		buf = append(buf[:0], '"')
		size := 1 + r.IntN(40)
		for len(buf) < size {
			switch k := r.IntN(8); {
			case k < 3:
				buf = append(buf, "abcdefgh ijklmnop"[:1+r.IntN(16)]...)
			case k < 5:
				buf = append(buf, utf[r.IntN(len(utf))]...)
			case k < 6:
				buf = append(buf, '\\', pick[1+r.IntN(10)])
			default:
				buf = append(buf, pick[r.IntN(len(pick))])
			}
		}
		if r.IntN(2) == 0 {
			buf = append(buf, '"')
		}
		checkFastStr(t, buf, 0)
		if n%4 == 0 {
			checkFastDocs(t, buf)
		}
	}
}

// numberRE is RFC 8259's number grammar.
var numberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// TestFastNum: fastNum takes a number exactly when the grammar does,
// whatever follows it, and the scanner agrees.
func TestFastNum(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	alpha := []byte("0123456789000111-+.eE,]x")
	buf := make([]byte, 0, 40)
	for n := 0; n < 300000; n++ {
		buf = buf[:0]
		if r.IntN(2) == 0 {
			buf = append(buf, '-')
		}
		for size := 1 + r.IntN(30); len(buf) < size; {
			buf = append(buf, alpha[r.IntN(len(alpha))])
		}
		if buf[0] != '-' && buf[0]-'0' > 9 {
			continue
		}
		// In the fast pass's own loop, as an element and a member value.
		for _, doc := range [][]byte{append(append([]byte("["), buf...), ']'), append(append([]byte(`{"n":`), buf...), '}')} {
			for _, o := range []*Options{nil, {MaxNumberLen: 6}} {
				if fast, slow := fastOK(doc, o), slowCheck(doc, o) == nil; fast != slow {
					t.Fatalf("%q %+v: fast pass %v, scanner %v", doc, o, fast, slow)
				}
			}
		}
		j := fastNum(buf, 0)
		if j < 0 {
			// The longest prefix that is a number must be followed by a
			// byte that continues it (an invalid number), or be none.
			k := len(buf)
			for k > 0 && !numberRE.Match(buf[:k]) {
				k--
			}
			if k > 0 && (k == len(buf) || !numClass[buf[k]]) {
				t.Fatalf("fastNum(%q) declines; %q is a number", buf, buf[:k])
			}
			continue
		}
		if !numberRE.Match(buf[:j]) || (j < len(buf) && buf[j]-'0' <= 9) {
			t.Fatalf("fastNum(%q) = %d", buf, j)
		}
		doc := append(append([]byte("["), buf[:j]...), ']')
		if err := slowCheck(doc, nil); err != nil {
			t.Fatalf("fastNum(%q) = %d, scanner: %v", buf, j, err)
		}
	}
}

// TestFastWS: fastWS stops at the first byte that is not JSON whitespace.
func TestFastWS(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	alpha := []byte("    \n\r\t\x0b\x00x")
	buf := make([]byte, 0, 40)
	for n := 0; n < 100000; n++ {
		buf = buf[:0]
		for size := r.IntN(40); len(buf) < size; {
			buf = append(buf, alpha[r.IntN(len(alpha))])
		}
		want := len(buf) - len(bytes.TrimLeft(buf, " \n\r\t"))
		if got := fastWS(buf, 0); got != want {
			t.Fatalf("fastWS(%q) = %d, want %d", buf, got, want)
		}
	}
}

// TestFastWSDocs: whitespace runs of every length up to 70 (spaces, or
// spaces with a newline, tab, carriage return or a control byte in them),
// at every place whitespace may or may not stand in a document: the fast
// pass accepts exactly what the scanner accepts.
func TestFastWSDocs(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	parts := []string{"{", `"a"`, ":", `"s"`, ",", `"b"`, ":", "[", "1", ",", "{", "}", ",", "[", "]", ",", "true", "]", "}"}
	for n := 0; n <= 70; n++ {
		for k := 0; k <= len(parts); k++ {
			ws := []byte(strings.Repeat(" ", n))
			if n > 0 && r.IntN(2) == 0 {
				ws[r.IntN(n)] = "\n\t\r\x0b\x00"[r.IntN(5)]
			}
			doc := strings.Join(parts[:k], "") + string(ws) + strings.Join(parts[k:], "")
			if fast, slow := fastOK([]byte(doc), nil), slowCheck([]byte(doc), nil) == nil; fast != slow {
				t.Fatalf("%q: fast pass %v, scanner %v", doc, fast, slow)
			}
		}
	}
}

// TestFastUTF8: what fastUTF8 takes is well-formed UTF-8 made of whole
// sequences, and it takes valid non-ASCII text up to its first ASCII byte.
func TestFastUTF8(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	pick := []byte{0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 'a', '"'}
	buf := make([]byte, 24)
	for n := 0; n < 300000; n++ {
		for i := range buf {
			if r.IntN(4) == 0 {
				buf[i] = byte(r.IntN(256))
			} else {
				buf[i] = pick[r.IntN(len(pick))]
			}
		}
		buf[0] |= 0x80
		k := fastUTF8(buf, 0)
		if !utf8.Valid(buf[:k]) {
			t.Fatalf("fastUTF8(% x) took %d bytes", buf, k)
		}
		// The longest valid run of non-ASCII runes must be taken.
		want := 0
		for want < len(buf) {
			r, size := utf8.DecodeRune(buf[want:])
			if (r == utf8.RuneError && size == 1) || r < 0x80 {
				break
			}
			want += size
		}
		if k != want {
			t.Fatalf("fastUTF8(% x) = %d, want %d", buf, k, want)
		}
	}
	text := []byte("名前前田あゆみ第一印象なんか怖っ😋✨✨é")
	if k := fastUTF8(text, 0); k != len(text) {
		t.Errorf("fastUTF8 of text: %d of %d bytes", k, len(text))
	}
}

// FuzzFastStr: the fast pass's string and name routines agree with scanStr
// on any bytes after an opening quote.
func FuzzFastStr(f *testing.F) {
	for _, s := range []string{`abc"`, `a\"b"`, `\u00e9"`, "é\"", "\xed\xa0\x80\"", `\ud83d\ude00"`, "名前\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		b := append([]byte{'"'}, in...)
		checkFastStr(t, b, 0)
		checkFastDocs(t, b)
		if len(in) > 0 {
			if j := fastNum(in, 0); j >= 0 && !numberRE.Match(in[:j]) {
				t.Fatalf("fastNum(%q) = %d", in, j)
			}
		}
	})
}

// numMutants returns numbers (sign, integer, fraction and exponent parts
// whose digit runs end before, at and after 8- and 16-byte boundaries) and
// every one of them with each grammar error at each position: cut short,
// and a byte inserted or replaced by one of the bytes that matter there.
func numMutants() []string {
	bases := []string{"0", "-0", "7", "12345678", "-1234567", "123456789012345678", "-65.613616999999977",
		"43.420273000000009", "-65.625", "1e5", "1.5E-3", "-0.0e+0", "1234567.1234567e1234567",
		"0.12345678901234567", "-123456789012345.1", "9.87654321E+12345678"}
	alpha := "-+.eE0159a x,]}\"\x00\xff"
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, b := range bases {
		add(b)
		for p := 0; p <= len(b); p++ {
			add(b[:p])
			for _, c := range []byte(alpha) {
				add(b[:p] + string(c) + b[p:])
				if p < len(b) {
					add(b[:p] + string(c) + b[p+1:])
				}
			}
		}
	}
	return out
}

// numArrayDocs embeds x, a number or a mutant, in the arrays of numbers
// Check's fast pass reads without a frame (numArr): first, between and
// last, with whitespace around the commas, before another kind of value,
// nested, empty, and cut off at the end of the input.
func numArrayDocs(x string) []string {
	return []string{
		"[[" + x + "]]", "[[" + x + "],[]]", `{"a":[` + x + "]}", `{"a":[` + x + `],"b":[]}`,
		"[[1," + x + "]]", "[[" + x + ",2]]", "[[" + x + ", 2]]", "[[" + x + " ,2]]", "[[" + x + "\n,\n2\n]\n]",
		"[[" + x + `,"s"]]`, "[[" + x + ",[3]]]", "[[" + x + ",{}]]", "[[" + x + ",[]]]", "[[" + x + ",true]]",
		"[[" + x + ",2," + x + "]]", "[[" + x + "],[" + x + "]]", "[[" + x + ",]]", "[[" + x + "]", "[[" + x + ",",
		"[[" + x, "[[" + x + "] ]", "[[" + x + "]]x", "[[[" + x + "],[" + x + "]]]",
		`{"a":[[1],[` + x + "]]}", `{"a":[1],[` + x + "]}", "[[1],[" + x + `,"s"],[2]]`, "[[1],[" + x + "],",
	}
}

// TestFastNumArrays: Check's fast pass agrees with the scanner (accepts
// only what it accepts, and accepts the valid documents) on arrays of
// numbers and empty arrays, which it reads without frames, for every
// number mutant, under the number-length and depth limits.
func TestFastNumArrays(t *testing.T) {
	opts := []*Options{nil, {MaxNumberLen: 6}, {MaxDepth: 2}, {MaxDepth: 3, MaxNumberLen: 17}}
	n := 0
	for _, x := range numMutants() {
		for _, doc := range numArrayDocs(x) {
			for _, o := range opts {
				fast, slow := fastOK([]byte(doc), o), slowCheck([]byte(doc), o) == nil
				if fast != slow {
					t.Fatalf("%q %+v: fast pass %v, scanner %v", doc, o, fast, slow)
				}
				n++
			}
		}
	}
	t.Logf("%d documents", n)
}
