package jwt

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestClaimHelpersRoundTrip: StringClaim, IntClaim, BoolClaim and
// JSONClaim build ClaimSet.Extra members whose values verify back as the
// JSON given: a string keeps its quotes and escapes (the newcomer's
// jose.Member{Name: "role", Value: []byte("admin")} was an error at
// signing), and encoding/json's output is taken without HTML escaping.
func TestClaimHelpersRoundTrip(t *testing.T) {
	scopes, err := JSONClaim("scopes", []string{"read", "a<b>&c"})
	if err != nil {
		t.Fatal(err)
	}
	obj, err := JSONClaim("ctx", struct {
		Tenant string  `json:"tenant"`
		Ratio  float64 `json:"ratio"`
	}{"t1", 0.5})
	if err != nil {
		t.Fatal(err)
	}
	cs := &ClaimSet{Subject: "alice", Extra: []jose.Member{
		StringClaim("role", "ad\"min\\\n\u2028é\ufffd"),
		IntClaim("level", math.MinInt64),
		BoolClaim("admin", true),
		BoolClaim("guest", false),
		scopes,
		obj,
	}}
	tok, err := Sign(cs, hsKey())
	if err != nil {
		t.Fatal(err)
	}
	c, err := hsVerifier(t, Validator{}).Verify(tok)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"level": "-9223372036854775808", "admin": "true", "guest": "false",
		"scopes": `["read","a<b>&c"]`, "ctx": `{"tenant":"t1","ratio":0.5}`,
	} {
		if got, _ := c.Get(name); string(got) != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	var v struct{ Role string }
	if err := c.Decode(&v); err != nil || v.Role != "ad\"min\\\n\u2028é\ufffd" {
		t.Errorf("role = %q, %v", v.Role, err)
	}
}

// TestStringClaimInvalidUTF8Refused: a StringClaim value that is not
// UTF-8 is refused when the claims set is written (jose.ErrMalformed,
// lejp.ErrInvalidUTF8, naming the claim), not turned into U+FFFD, another
// value than the one given.
func TestStringClaimInvalidUTF8Refused(t *testing.T) {
	for _, s := range []string{"\xff", "ok\xc3", "a\"\xff\",\"b"} {
		cs := &ClaimSet{Extra: []jose.Member{StringClaim("role", s)}}
		_, err := cs.AppendJSON(nil)
		if !errors.Is(err, jose.ErrMalformed) || !errors.Is(err, lejp.ErrInvalidUTF8) || !strings.Contains(err.Error(), `"role"`) {
			t.Errorf("%q: AppendJSON = %v", s, err)
		}
	}
}

// TestJSONClaimStrict: JSONClaim refuses what encoding/json produces but
// the strict claims reader refuses, and what encoding/json would change:
// NaN, duplicate or case-variant names (from a RawMessage or a map),
// invalid UTF-8 (from a RawMessage, or a Go string encoding/json would
// write as U+FFFD), a registered claim of the wrong type, a value
// encoding/json cannot encode. Each error wraps jose.ErrMalformed and
// names the claim.
func TestJSONClaimStrict(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    any
		also error
	}{
		{"nan", math.NaN(), nil},
		{"inf", []float64{math.Inf(1)}, nil},
		{"dup", json.RawMessage(`{"a":1,"a":2}`), lejp.ErrDuplicateName},
		{"case", map[string]int{"scope": 1, "Scope": 2}, nil},
		{"raw utf8", json.RawMessage("\"\xff\""), lejp.ErrInvalidUTF8},
		{"string utf8", "a\xffb", lejp.ErrInvalidUTF8},
		{"key utf8", map[string]int{"\xfe": 1}, lejp.ErrInvalidUTF8},
		{"exp", "tomorrow", nil},
		{"chan", make(chan int), nil},
	} {
		name := tc.name
		if name != "exp" {
			name = "x-" + name
		}
		m, err := JSONClaim(name, tc.v)
		if !errors.Is(err, jose.ErrMalformed) || tc.also != nil && !errors.Is(err, tc.also) || !strings.Contains(err.Error(), jose.QuoteName(name)) {
			t.Errorf("%s: JSONClaim = %v, %v", tc.name, m, err)
		}
	}
	// what looks like encoding/json's U+FFFD but is not
	for _, v := range []any{`\ufffd`, "\ufffd", json.RawMessage(`"\uFFFD"`)} {
		if _, err := JSONClaim("x", v); err != nil {
			t.Errorf("%q: %v", v, err)
		}
	}
}

// TestExtraValueDuplicateNameNotSetTwice: an Extra Value holding an
// object with a name twice ({"a":1,"a":2}) is refused saying so, not that
// the claim "is set twice", as it said on the base: the writer's check of
// the name and of the value were read as one.
func TestExtraValueDuplicateNameNotSetTwice(t *testing.T) {
	cs := &ClaimSet{Extra: []jose.Member{{Name: "ctx", Value: []byte(`{"a":1,"a":2}`)}}}
	_, err := cs.AppendJSON(nil)
	_, jerr := JSONClaim("ctx", json.RawMessage(`{"a":1,"a":2}`))
	for _, err := range []error{err, jerr} {
		if !errors.Is(err, lejp.ErrDuplicateName) || strings.Contains(err.Error(), "set twice") ||
			!strings.Contains(err.Error(), `Extra claim "ctx": its Value has an object with a member name twice`) {
			t.Errorf("error %v", err)
		}
	}
}

// TestJSONClaimWrongTypeNamesClaimOnce: a registered claim of the wrong
// type is named once in the error, not as `Extra claim "exp": "exp": …`.
func TestJSONClaimWrongTypeNamesClaimOnce(t *testing.T) {
	for _, name := range []string{"exp", "aud", "iss"} {
		_, err := JSONClaim(name, map[string]int{"x": 1})
		if !errors.Is(err, jose.ErrMalformed) {
			t.Fatalf("JSONClaim(%q): %v, want jose.ErrMalformed", name, err)
		}
		if n := strings.Count(err.Error(), `"`+name+`"`); n != 1 {
			t.Errorf("JSONClaim(%q): %q names the claim %d times, want once", name, err, n)
		}
		var ce *ClaimError
		if !errors.As(err, &ce) || ce.Claim != name {
			t.Errorf("JSONClaim(%q): %v, want a *ClaimError for the claim", name, err)
		}
	}
}
