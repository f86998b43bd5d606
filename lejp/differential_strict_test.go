package lejp

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// strictVsStd is lejp strict (nil Options) but for the limits, raised to
// encoding/json's (nesting 10000; numbers, names and strings of any length
// an input here can have).
var strictVsStd = &Options{MaxDepth: 10000, MaxNumberLen: 1 << 30, MaxNameLen: 1 << 30, MaxStringLen: -1}

// FuzzDifferentialStrict is issue 3's differential against
// encoding/json.Valid as its text asks: on valid UTF-8 input without
// duplicate names, strict lejp accepts exactly what encoding/json.Valid
// accepts. Two inputs are set aside, each told by code independent of lejp:
// those with duplicate names (stdDuplicateName, walking encoding/json's
// tokens), and those with an escaped lone surrogate (loneSurrogateEscape),
// which encoding/json accepts (decoding it to U+FFFD) and strict lejp
// rejects (RFC 8259 §8.2, documented). FuzzDifferential compares the
// loosened lejp on those too.
func FuzzDifferentialStrict(f *testing.F) {
	addSeeds(f, func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, in []byte) {
		if !utf8.Valid(in) {
			return
		}
		std := json.Valid(in)
		if std && (stdDuplicateName(in) || loneSurrogateEscape(in)) {
			return
		}
		if err := Check(in, strictVsStd); std != (err == nil) {
			t.Fatalf("encoding/json.Valid %v, strict lejp %v on %q", std, err, in)
		}
	})
}

// TestDifferentialStrictHelpers pins the two helpers FuzzDifferentialStrict
// sets inputs aside by.
func TestDifferentialStrictHelpers(t *testing.T) {
	for in, want := range map[string]bool{
		`{"a":1,"b":2}`:                  false,
		`{"a":1,"a":2}`:                  true,
		`{"a":1,"\u0061":2}`:             true,
		`{"a":{"a":1},"b":[{"a":1}]}`:    false,
		`[{"a":1},{"a":2}]`:              false,
		`{"x":{"a":1,"b":{},"a":2}}`:     true,
		`{"a":[1,{"b":2}],"c":3,"a":[]}`: true,
	} {
		if got := stdDuplicateName([]byte(in)); got != want {
			t.Errorf("stdDuplicateName(%s) = %v", in, got)
		}
	}
	for in, want := range map[string]bool{
		`"\ud83d\ude00"`: false, `"\uD83D\uDE00"`: false, `"\ud800"`: true, `"\udc00"`: true,
		`"\ude00\ud83d"`: true, `"\ud800\u0041"`: true, `"\\ud800"`: false, `"\\\ud800"`: true,
		`"\u00e9"`: false, `"\ud800\ud800\udc00"`: true, `["\ud83d\ude00","\udfff"]`: true,
	} {
		if got := loneSurrogateEscape([]byte(in)); got != want {
			t.Errorf("loneSurrogateEscape(%s) = %v", in, got)
		}
	}
}

// stdDuplicateName reports whether an object of in (valid JSON) has two
// members of the same name, as encoding/json decodes them.
func stdDuplicateName(in []byte) bool {
	type frame struct {
		obj, wantName bool
		names         map[string]bool
	}
	var stack []*frame
	d := json.NewDecoder(bytes.NewReader(in))
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.obj && top.wantName {
			if s, ok := tok.(string); ok {
				if top.names[s] {
					return true
				}
				top.names[s] = true
				top.wantName = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true, wantName: true, names: map[string]bool{}})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && stack[len(stack)-1].obj {
			stack[len(stack)-1].wantName = true // a value ended: a name comes next
		}
	}
}

// loneSurrogateEscape reports whether in (valid JSON) has a \u escape of a
// surrogate that is not the high half of a pair followed at once by the
// escaped low half.
func loneSurrogateEscape(in []byte) bool {
	hex := func(b []byte) (rune, bool) {
		if len(b) < 4 {
			return 0, false
		}
		var r rune
		for _, c := range b[:4] {
			switch {
			case '0' <= c && c <= '9':
				r = r<<4 | rune(c-'0')
			case 'a' <= c && c <= 'f':
				r = r<<4 | rune(c-'a'+10)
			case 'A' <= c && c <= 'F':
				r = r<<4 | rune(c-'A'+10)
			default:
				return 0, false
			}
		}
		return r, true
	}
	for i := 0; i+1 < len(in); i++ {
		if in[i] != '\\' {
			continue
		}
		if in[i+1] != 'u' {
			i++ // an escaped character, \\ included
			continue
		}
		r, _ := hex(in[i+2:])
		i += 5
		if !utf16.IsSurrogate(r) {
			continue
		}
		if r >= 0xdc00 || i+6 >= len(in) || in[i+1] != '\\' || in[i+2] != 'u' {
			return true
		}
		if r2, ok := hex(in[i+3:]); !ok || r2 < 0xdc00 || r2 > 0xdfff {
			return true
		}
		i += 6
	}
	return false
}
