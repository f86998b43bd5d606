package jose

import (
	"errors"
	"testing"
)

// FuzzParseObject: ParseObject, a parser of its own (the generic JOSE
// object reader under JWKs, embedded keys and JWS JSON), never panics, and
// neither do the accessors of what it accepts; an error comes with no
// object and wraps ErrMalformed or ErrLimit; every accepted member is
// found by Get, and no two names are equal under case folding. (It was
// reached only through FuzzClaims in package jwt, which runs it on claims
// inputs.)
func FuzzParseObject(f *testing.F) {
	headerSeeds(f)
	for _, s := range []string{`{"a":{"b":[1,{"c":null}]},"d":"eA","e":true,"f":-1.5e3}`,
		`{"keys":[{"kty":"oct","k":"AAAA"}]}`, `{"a":1,"A":2}`, `{"a":{"b":1,"b":2}}`, `[]`, `{`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		o, err := ParseObject(raw)
		if err != nil {
			if o != nil {
				t.Fatal("error with a partial result")
			}
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrLimit) {
				t.Fatalf("%q: %v wraps neither ErrMalformed nor ErrLimit", raw, err)
			}
			return
		}
		for i, m := range o.Members {
			if g, ok := o.Get(m.Name); !ok || string(g.Value) != string(m.Value) {
				t.Fatalf("Get(%q) = %q, %v; member %q", m.Name, g.Value, ok, m.Value)
			}
			for _, p := range o.Members[:i] {
				if foldCompare(p.Name, m.Name) {
					t.Fatalf("names %q and %q both accepted", p.Name, m.Name)
				}
			}
			if m.Kind() == KindInvalid {
				t.Fatalf("member %q: value %q of no kind", m.Name, m.Value)
			}
			if _, err := m.String(); (err == nil) != (m.Kind() == KindString) {
				t.Fatalf("member %q: String() = %v for kind %v", m.Name, err, m.Kind())
			}
			m.Bool()
			m.Int()
			m.Base64URL()
			m.Object()
			m.Array()
			m.Strings()
			EachElement(m.Value, func([]byte) error { return nil })
		}
	})
}
