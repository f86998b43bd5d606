package jwt

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/jose"
)

// FuzzStringClaim: StringClaim's value signs and reads back as the string
// given when it is UTF-8; when it is not, AppendJSON refuses it
// (jose.ErrMalformed) and nothing is written that decodes to another
// string.
func FuzzStringClaim(f *testing.F) {
	for _, s := range []string{"", "admin", "a\"b\\c\n\u2028", "\xff", "é\xc3", "\ufffd", `\ufffd`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cs := &ClaimSet{Extra: []jose.Member{StringClaim("v", s)}}
		out, err := cs.AppendJSON(nil)
		if !utf8.ValidString(s) {
			if err == nil {
				t.Fatalf("%q: AppendJSON wrote %s", s, out)
			}
			return
		}
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		var got struct{ V *string }
		if err := json.Unmarshal(out, &got); err != nil || got.V == nil || *got.V != s {
			t.Fatalf("%q: read back %v, %v", s, got.V, err)
		}
	})
}

// FuzzJSONClaimRaw: a value JSONClaim accepts (here a json.RawMessage,
// which encoding/json only checks loosely) is one the claims set takes:
// AppendJSON with it succeeds, the claims reader returns its exact
// bytes, encoding/json finds the claims set valid, and Verify accepts a
// token signed with it.
func FuzzJSONClaimRaw(f *testing.F) {
	for _, s := range []string{`1`, `"a"`, `{"a":1,"a":2}`, `{"a":1,"A":2}`, "\"\xff\"", `[1e999]`, `{"ſ":1,"s":2}`, `"\ufffd"`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := JSONClaim("x", json.RawMessage(b))
		if err != nil {
			return
		}
		out, err := (&ClaimSet{Extra: []jose.Member{m}}).AppendJSON(nil)
		if err != nil {
			t.Fatalf("%q: JSONClaim took %s, AppendJSON refused it: %v", b, m.Value, err)
		}
		c := Claims{Raw: out}
		if err := c.parse(); err != nil {
			t.Fatalf("%q: %v", b, err)
		}
		if v, ok := c.Get("x"); !ok || !bytes.Equal(v, m.Value) {
			t.Fatalf("%q: Get = %s, want %s", b, v, m.Value)
		}
		// and a token signed with it verifies, its claims set plain JSON
		if !json.Valid(out) {
			t.Fatalf("%q: claims set %s is not valid JSON to encoding/json", b, out)
		}
		tok, err := Sign(&ClaimSet{Extra: []jose.Member{m}}, hsKey())
		if err != nil {
			t.Fatalf("%q: Sign: %v", b, err)
		}
		if _, err := fuzzVerifier.Verify(tok); err != nil {
			t.Fatalf("%q: Verify refuses the token signed with it: %v", b, err)
		}
	})
}

// fuzzVerifier verifies hsKey's tokens whatever their claims say.
var fuzzVerifier = func() *Verifier {
	v, err := NewVerifier(secret, []string{"HS256"}, Validator{AnyAudience: true, Now: clock})
	if err != nil {
		panic(err)
	}
	return v
}()
