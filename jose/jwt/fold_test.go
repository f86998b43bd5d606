package jwt

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/hostile"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestFoldKey: over every rune, two runes have equal fold keys exactly
// when bytes.EqualFold (which encoding/json's field matching uses) takes
// them as equal.
func TestFoldKey(t *testing.T) {
	first := map[string]rune{}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		enc := utf8.AppendRune(nil, r)
		k := string(appendFoldKey(nil, enc))
		if f, ok := first[k]; !ok {
			first[k] = r
		} else if !bytes.EqualFold(utf8.AppendRune(nil, f), enc) {
			t.Fatalf("%U and %U: one key %q, not EqualFold", f, r, k)
		}
		if s := unicode.SimpleFold(r); string(appendFoldKey(nil, utf8.AppendRune(nil, s))) != k {
			t.Fatalf("%U and %U: EqualFold, keys differ", r, s)
		}
	}
}

// foldPairs is the oracle: whether some object of the JSON text in, at any
// level, has two names that bytes.EqualFold takes as equal, found by
// comparing every pair.
func foldPairs(t *testing.T, in []byte) bool {
	d := lejp.NewDecoderBytes(in, &lejp.Options{AllowDuplicateNames: true})
	var stack [][]string
	for {
		tok, err := d.ReadToken()
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		switch tok.Kind {
		case lejp.ObjectStart:
			stack = append(stack, nil)
		case lejp.ObjectEnd:
			stack = stack[:len(stack)-1]
		case lejp.Name:
			top := &stack[len(stack)-1]
			for _, o := range *top {
				if bytes.EqualFold([]byte(o), tok.Value) {
					return true
				}
			}
			*top = append(*top, string(tok.Value))
		}
		if d.Depth() == 0 {
			return false
		}
	}
}

// TestAttack20FoldedNames (catalog row 20): a claims set with two
// names of one object, at the top level or nested, that encoding/json's
// Unicode folding matches to one struct field is refused by both claims
// readers, so Decode cannot see another value than Get. Names equal only
// under full case folding (ß and ss), or in different objects, are not
// refused.
func TestAttack20FoldedNames(t *testing.T) {
	names := func(n int) string { return strings.TrimSuffix(hostile.CaseVariantObject(n, 8, 'f'), "}")[1:] + "," }
	filler := names(40)
	for _, tc := range []struct {
		in     string
		refuse bool
	}{
		{`{"scope":"read","ſcope":"admin"}`, true},
		{`{"scope":"read","\u017fcope":"admin"}`, true},
		{`{"\u017fcope":"admin","scope":"read"}`, true},
		{`{"kid":"a","\u212aid":"b"}`, true},
		{`{"é":1,"É":2}`, true},
		{`{"σ":1,"ς":2}`, true},
		{`{"ß":1,"ẞ":2}`, true},
		{`{"sub":"a","ſub":"b"}`, true},
		{`{"é":1,"e":2}`, false},
		{`{"ß":1,"ss":2}`, false},
		{`{"scope":"read","scope_":"admin"}`, false},
		{`{"perm":{"role":"user","ROLE":"admin"}}`, true},
		{`{"perm":{"role":"user","rołe":"admin"}}`, false},
		{`{"perm":{"role":"user","ro\u0142e":"admin","Ro\u0141e":"x"}}`, true},
		{`{"a":[1,{"x":1,"X":2}]}`, true},
		{`{"a":[{"x":1},{"X":2}]}`, false},
		{`{"a":{"x":1},"b":{"X":2}}`, false},
		{`{"x":{"X":1}}`, false},
		{`{"o":{"a":{"b":1},"A":2}}`, true},
		{`{"o":{"a":{"b":1},"b":2}}`, false},
		{`{"o":{"a":{"b":{"c":1}},"c":2,"B":3}}`, false},
		{`{"a":{"b":[{"c":{"d":1,"D":2}}]}}`, true},
		{`{` + filler + `"scope":"read","ſcope":"admin"}`, true},
		{`{` + filler + `"FFFF0001":1}`, true},
		{`{` + filler + `"FFFF0039":1}`, true},
		{`{"n":{` + filler + `"FFFF0039":1}}`, true},
		{`{"n":{` + filler + `"ſcope":1,"SCOPE":2}}`, true},
		{`{"n":{` + filler + `"scope":1}}`, false},
		{`{"n":{` + filler + `"FFFF0001":1}}`, true},
		{`{"n":{` + names(foldScan) + `"FFFF0001":1}}`, true},
		{`{` + names(foldScan) + `"FFFF0001":1}`, true},
		{`{"n":{"p":1,"q":{` + filler + `"FFFF0001":1}}}`, true},
		{`{"n":{"p":1,"q":{` + filler + `"FFFF0039":1}}}`, true},
		{`{"n":{"p":1,"q":{` + filler + `"P":1}}}`, false},
		{`{"n":[{"b":1},{"x":1,"X":2}]}`, true},
		{`{"n":[{"b":1},{"x":1,"y":2}],"N":1}`, true},
		{`{"n":[{` + filler + `"x":1},{` + filler + `"x":1}]}`, false},
	} {
		if got := foldPairs(t, []byte(tc.in)); got != tc.refuse {
			t.Fatalf("%s: oracle %v", tc.in, got)
		}
		c, err := parseClaims(tc.in)
		if tc.refuse != (err != nil) || tc.refuse && !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if err == nil {
			var m map[string]any
			if err := c.Decode(&m); err != nil {
				t.Errorf("%s: Decode: %v", tc.in, err)
			}
		}
	}
}

// TestAttack20DecodeFoldDifferential: the attack end to end. A signed token whose
// claims hold "scope" and "ſcope" would make Decode fill Scope with the
// second (encoding/json folds ſ to s) while Get("scope") returns the first;
// Verify refuses it and returns no claims.
func TestAttack20DecodeFoldDifferential(t *testing.T) {
	var v struct {
		Scope string `json:"scope"`
	}
	raw := []byte(`{"scope":"read","ſcope":"admin"}`)
	if err := json.Unmarshal(raw, &v); err != nil || v.Scope != "admin" {
		t.Fatalf("encoding/json no longer folds ſ: %+v, %v", v, err)
	}
	cs := &ClaimSet{Extra: []jose.Member{{Name: "scope", Value: []byte(`"read"`)}, {Name: "ſcope", Value: []byte(`"admin"`)}}}
	if _, err := Sign(cs, hsKey()); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("Sign: %v", err)
	}
	tok, err := jws.Sign(raw, hsKey(), nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := hsVerifier(t, Validator{}).Verify(tok)
	if c != nil || !errors.Is(err, jose.ErrMalformed) {
		t.Fatalf("%v, %v", c, err)
	}
}

// TestNestedFoldWork: checkNested's case-variant check in a nested object
// costs a small constant per input byte whatever the number of names, as
// checkCase's does at the top level.
func TestNestedFoldWork(t *testing.T) {
	saved := keyEqual
	defer func() { keyEqual = saved }()
	work := 0
	keyEqual = func(a, b []byte) bool { work += len(a); return saved(a, b) }
	for _, n := range []int{16, 256, 4096} {
		for _, l := range []int{16, 256} {
			in := `{"n":` + hostile.CaseVariantObject(n, l, 'c') + `}`
			work = 0
			if _, err := parseClaims(in); err != nil {
				t.Fatalf("%d names: %v", n, err)
			}
			if work > 32*len(in) {
				t.Errorf("%d names of %d bytes: %d bytes compared for %d bytes of input", n, l, work, len(in))
			}
		}
	}
}
