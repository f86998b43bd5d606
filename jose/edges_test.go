package jose

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// The tests of this file pin behaviour of the package's public API that
// mutation testing (changing one operator or constant of the code at a
// time) showed no test of this package would notice.

// TestCritRegisteredNames: "crit" may list none of the header parameters
// RFC 7515 §4.1, RFC 7516 §4.1 and RFC 7518 §4.6.1, §4.7.1, §4.8.1
// register, even when present and "understood" (the list is written out
// here from the RFCs, not taken from the code).
func TestCritRegisteredNames(t *testing.T) {
	present := func(string) bool { return true }
	for _, name := range []string{"alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
		"enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c"} {
		if !IsRegisteredHeader(name) {
			t.Errorf("IsRegisteredHeader(%q) = false", name)
		}
		if err := CheckCrit([]string{name}, present, []string{name}); !errors.Is(err, ErrCrit) {
			t.Errorf("crit [%q]: %v, want ErrCrit", name, err)
		}
	}
	for _, name := range []string{"b64", "exp", "Alg", "x5t#s256", ""} {
		if IsRegisteredHeader(name) {
			t.Errorf("IsRegisteredHeader(%q) = true", name)
		}
	}
	if err := CheckCrit([]string{"b64"}, present, []string{"b64"}); err != nil {
		t.Errorf(`crit ["b64"]: %v`, err)
	}
}

// TestQuoteName: names from attacker input are quoted with control bytes,
// DEL, C1 controls, quotes, backslashes and bytes that are not UTF-8
// replaced, and cut at 64 bytes without splitting a character, so that an
// error message is valid UTF-8 text. On the base "\x80" and a cut "é"
// came through as bytes that are not UTF-8.
func TestQuoteName(t *testing.T) {
	for in, want := range map[string]string{
		"kid":                         `"kid"`,
		"a\x00b\x1fc\x7fd\"e\\f":      `"a?b?c?d?e?f"`,
		" ~\x80":                      `" ~?"`,
		"a\xc3":                       `"a?"`,
		"\xed\xa0\x80":                `"???"`,
		"c1\u0085\u009b":              `"c1??"`,
		strings.Repeat("n", 63) + "é": `"` + strings.Repeat("n", 63) + `…"`,
		strings.Repeat("n", 62) + "é": `"` + strings.Repeat("n", 62) + `é"`,
		strings.Repeat("n", 64):       `"` + strings.Repeat("n", 64) + `"`,
		strings.Repeat("n", 65):       `"` + strings.Repeat("n", 64) + `…"`,
		"\x1f \x20\x7e\x7f":           `"?  ~?"`,
		strings.Repeat("\x7f", 2):     `"??"`,
		"é":                           `"é"`,
		"tab\there":                   `"tab?here"`,
		"new\nline":                   `"new?line"`,
		"quote\"in\\the\x01middle":    `"quote?in?the?middle"`,
	} {
		if got := QuoteName(in); got != want {
			t.Errorf("QuoteName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHeaderBase64Members: the variable-length base64url members take any
// length, the fixed ones exactly theirs (x5t 20 bytes, x5t#S256 32).
func TestHeaderBase64Members(t *testing.T) {
	for _, name := range []string{"apu", "apv", "iv", "tag", "p2s"} {
		for _, v := range []string{"", "AA", "AAAA", "AAAAAAAAAAAAAAAA"} {
			if _, err := ParseHeader([]byte(`{"alg":"x","` + name + `":"` + v + `"}`)); err != nil {
				t.Errorf("%s %q: %v", name, v, err)
			}
		}
		if _, err := ParseHeader([]byte(`{"alg":"x","` + name + `":"A"}`)); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s not base64url: %v", name, err)
		}
	}
	for name, n := range map[string]int{"x5t": 20, "x5t#S256": 32} {
		for _, l := range []int{n - 1, n, n + 1} {
			v := AppendBase64URL(nil, make([]byte, l))
			_, err := ParseHeader([]byte(`{"alg":"x","` + name + `":"` + string(v) + `"}`))
			if (err == nil) != (l == n) {
				t.Errorf("%s of %d bytes: %v", name, l, err)
			}
		}
	}
}

// TestHeaderGetNil: a nil *Header has no members, to each method that
// reads them.
func TestHeaderGetNil(t *testing.T) {
	var h *Header
	if v, ok := h.Get("alg"); ok || v != nil {
		t.Errorf("Get on nil: %q, %v", v, ok)
	}
	if h.Has("alg") {
		t.Error("Has on nil")
	}
	// On the base IsProtected and Members panicked on a nil *Header,
	// where Get and Has answered.
	if h.IsProtected("alg") {
		t.Error("IsProtected on nil")
	}
	if m := h.Members(); m != nil {
		t.Errorf("Members on nil: %v", m)
	}
}

// TestCaseVariantLetterEdges: names that differ only in the case of a
// letter at either end of the alphabet are one name, to ParseObject,
// ParseHeader and Join, in either order; names that differ by 0x20 in a
// byte that is not a letter are distinct.
func TestCaseVariantLetterEdges(t *testing.T) {
	many := ""
	for i := range 17 {
		many += `"n` + string(rune('a'+i)) + `":0,`
	}
	for _, tc := range []struct {
		a, b    string
		variant bool
	}{
		{"A", "a", true}, {"a", "A", true}, {"Z", "z", true}, {"z", "Z", true},
		{"xA", "xa", true}, {"xz", "xZ", true}, {"Az", "aZ", true}, {"aZ", "Az", true},
		{"@", "`", false}, {"[", "{", false}, {"x@", "x`", false},
	} {
		// Without and with 17 other names first, so that the checks run
		// both one by one and through their hash index (foldScan).
		for _, pre := range []string{"", many} {
			obj := `{` + pre + `"` + tc.a + `":1,"` + tc.b + `":2}`
			_, oerr := ParseObject([]byte(obj))
			_, herr := ParseHeader([]byte(obj))
			p, _ := ParseHeader([]byte(`{` + pre + `"` + tc.a + `":1}`))
			u, _ := ParseHeader([]byte(`{"` + tc.b + `":2}`))
			_, jerr := Join(p, u)
			for what, err := range map[string]error{"ParseObject": oerr, "ParseHeader": herr, "Join": jerr} {
				if tc.variant != errors.Is(err, ErrMalformed) {
					t.Errorf("%s %q and %q after %d names: %v (variant %v)", what, tc.a, tc.b, len(pre)/7, err, tc.variant)
				}
			}
		}
	}
}

// TestMemberDecoders: each Member method decodes the values of its kind
// and refuses the others with ErrMalformed.
func TestMemberDecoders(t *testing.T) {
	o, err := ParseObject([]byte(`{"s":"a\u00e9\n","t":true,"f":false,"n":null,"i":-12,"z":0,"d":7,` +
		`"x":1.5,"o":{"k":1},"a":[1,"b"],"e":"","b":"AQI","9":9}`))
	if err != nil {
		t.Fatal(err)
	}
	get := func(name string) Member { m, _ := o.Get(name); return m }
	kinds := map[string]ValueKind{"s": KindString, "t": KindBool, "f": KindBool, "n": KindNull, "i": KindNumber,
		"z": KindNumber, "d": KindNumber, "9": KindNumber, "x": KindNumber, "o": KindObject, "a": KindArray, "e": KindString}
	for name, k := range kinds {
		if got := get(name).Kind(); got != k {
			t.Errorf("Kind of %q = %v, want %v", name, got, k)
		}
	}
	for _, v := range []string{"", "x", "+1", ".5", "]"} {
		if got := (Member{Name: "v", Value: []byte(v)}).Kind(); got != KindInvalid {
			t.Errorf("Kind of %q = %v, want KindInvalid", v, got)
		}
	}
	if s, err := get("s").String(); s != "a\u00e9\n" || err != nil {
		t.Errorf(`String of "s" = %q, %v`, s, err)
	}
	raw := Member{Name: "r", Value: []byte(`"a\u00e9\n"`)} // not from ParseObject: decoded on demand
	if s, err := raw.String(); s != "a\u00e9\n" || err != nil {
		t.Errorf("String of raw %s = %q, %v", raw.Value, s, err)
	}
	for _, bad := range []string{`"a`, `"a"x`, `"\x"`, `"a" "b"`} {
		if s, err := (Member{Name: "r", Value: []byte(bad)}).String(); !errors.Is(err, ErrMalformed) {
			t.Errorf("String of raw %s = %q, %v, want ErrMalformed", bad, s, err)
		}
	}
	if b, err := get("t").Bool(); !b || err != nil {
		t.Errorf("Bool of true = %v, %v", b, err)
	}
	if b, err := get("f").Bool(); b || err != nil {
		t.Errorf("Bool of false = %v, %v", b, err)
	}
	for _, name := range []string{"s", "n", "i", "o"} {
		if _, err := get(name).Bool(); !errors.Is(err, ErrMalformed) {
			t.Errorf("Bool of %q: %v, want ErrMalformed", name, err)
		}
		if name != "s" {
			if _, err := get(name).String(); !errors.Is(err, ErrMalformed) {
				t.Errorf("String of %q: %v, want ErrMalformed", name, err)
			}
		}
	}
}

// TestEachElement: elements in order; f's error returned as is; anything
// but exactly one array, trailing bytes included, is ErrMalformed.
func TestEachElement(t *testing.T) {
	els, err := ArrayElements([]byte(` [1, "a" ,{"b":[2]},[] ] `))
	if err != nil || len(els) != 4 || string(els[0]) != "1" || string(els[1]) != `"a"` ||
		string(els[2]) != `{"b":[2]}` || string(els[3]) != "[]" {
		t.Fatalf("ArrayElements = %q, %v", els, err)
	}
	if els, err := ArrayElements([]byte(`[]`)); err != nil || len(els) != 0 {
		t.Errorf("ArrayElements([]) = %q, %v", els, err)
	}
	stop := errors.New("stop")
	calls := 0
	err = EachElement([]byte(`[1,2,3]`), func([]byte) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Errorf("EachElement with a failing f: %v after %d calls, want stop after 1", err, calls)
	}
	for _, bad := range []string{`[1,2]x`, `[1,2][`, `[1,2] 3`, `[1,`, `{}`, `1`, ``, `[1 2]`} {
		if els, err := ArrayElements([]byte(bad)); !errors.Is(err, ErrMalformed) || els != nil {
			t.Errorf("ArrayElements(%q) = %q, %v, want ErrMalformed", bad, els, err)
		}
	}
}

// TestMemberStringsWhole: Strings, like String, Int, Array and Object,
// decodes a Member made by the caller only if its Value is exactly one
// array of strings. On the base it stopped at the array's ']' and returned
// ["a"] for `["a"] x`, `["a"]]` and `["a"],"b"`.
func TestMemberStringsWhole(t *testing.T) {
	for _, bad := range []string{`["a"] x`, `["a"]]`, `["a"],"b"`, `["a"] ["b"]`, `["a"`, `["a",]`, `[] 1`} {
		if s, err := (Member{Name: "crit", Value: []byte(bad)}).Strings(); !errors.Is(err, ErrMalformed) || s != nil {
			t.Errorf("Strings of %s = %q, %v, want ErrMalformed", bad, s, err)
		}
	}
	if s, err := (Member{Name: "crit", Value: []byte(`[ "a" , "b\u0063" ] `)}).Strings(); err != nil || len(s) != 2 || s[1] != "bc" {
		t.Errorf("Strings = %q, %v", s, err)
	}
}

// TestCaseVariantsAsEncodingJSON: two names that Go's encoding/json would
// match to one struct field (Unicode simple case folding: "kid" and "\u212aid"
// with the Kelvin sign, "sub" and "\u017fub" with the long s, "é" and "É")
// are case variants to ParseObject, ParseHeader and Join, as they are to
// package jwt's claims reader, so a peer decoding the header with
// encoding/json cannot read another "kid" than ours (catalog row 20).
// encoding/json is the oracle: each pair is rejected exactly when it maps
// both names to the field. On the base only ASCII case was folded, and
// {"kid":"a","\u212aid":"b"} was a header with "kid" "a", where
// encoding/json reads "b".
func TestCaseVariantsAsEncodingJSON(t *testing.T) {
	many := ""
	for i := range 17 {
		many += `"n` + string(rune('a'+i)) + `":0,`
	}
	for _, pair := range [][2]string{
		{"kid", "\u212aid"}, {"\u212aid", "KID"}, {"sub", "\u017fub"}, {"SUB", "\u017fub"}, {"é", "É"},
		{"x5t#S256", "x5t#\u017f256"}, {"ǆ", "ǅ"}, {"ω", "Ω"}, {"Ω", "\u2126"},
		{"i", "ı"}, {"i", "İ"}, {"ss", "ß"}, {"k", "kk"}, {"a", "á"},
	} {
		field := reflect.StructOf([]reflect.StructField{{Name: "F", Type: reflect.TypeFor[int](),
			Tag: reflect.StructTag(`json:"` + pair[0] + `"`)}})
		v := reflect.New(field)
		if err := json.Unmarshal([]byte(`{"`+pair[1]+`":7}`), v.Interface()); err != nil {
			t.Fatal(err)
		}
		variant := v.Elem().Field(0).Int() == 7
		// A value every typed parameter takes ("kid", "x5t#S256"), so that
		// no type error can stand in for the case check.
		val := `"` + strings.Repeat("A", 43) + `"`
		for _, pre := range []string{"", many} {
			obj := `{` + pre + `"` + pair[0] + `":` + val + `,"` + pair[1] + `":` + val + `}`
			_, oerr := ParseObject([]byte(obj))
			_, herr := ParseHeader([]byte(obj))
			p, err1 := ParseHeader([]byte(`{` + pre + `"` + pair[0] + `":` + val + `}`))
			u, err2 := ParseHeader([]byte(`{"` + pair[1] + `":` + val + `}`))
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			_, jerr := Join(p, u)
			for what, err := range map[string]error{"ParseObject": oerr, "ParseHeader": herr, "Join": jerr} {
				if variant != errors.Is(err, ErrMalformed) {
					t.Errorf("%s %q and %q after %d names: %v; encoding/json takes them for one name: %v",
						what, pair[0], pair[1], len(pre)/7, err, variant)
				}
			}
		}
	}
}

// TestMemberStringAfterValueChange: String decodes the Value the Member
// holds when it is called. On the base a Member from ParseObject kept the
// string decoded at parse time and returned it even after the caller gave
// the Member another Value (a copy of the member, edited): "x" for a Value
// of `"z"`, "yA" for `"w"`, and no error for `"a" x`.
func TestMemberStringAfterValueChange(t *testing.T) {
	o, err := ParseObject([]byte(`{"a":"x","b":"y\u0041","e":""}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "b", "e"} {
		m, _ := o.Get(name)
		for value, want := range map[string]string{`"z"`: "z", `"q\u0041"`: "qA", `""`: "", `"w"`: "w"} {
			m.Value = []byte(value)
			if s, err := m.String(); s != want || err != nil {
				t.Errorf("member %q given the Value %s: String = %q, %v; want %q", name, value, s, err, want)
			}
		}
		for _, bad := range []string{`"a" x`, `"x`, `"\x"`} {
			m.Value = []byte(bad)
			if s, err := m.String(); !errors.Is(err, ErrMalformed) {
				t.Errorf("member %q given the Value %s: String = %q, %v; want ErrMalformed", name, bad, s, err)
			}
		}
	}
}
