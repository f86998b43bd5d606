package jwt

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// FuzzClaims: the claims reader never panics, accepts only what
// jose.ParseObject (the module's one object reader) accepts, and gives the
// same members.
func FuzzClaims(f *testing.F) {
	for _, s := range []string{`{}`, `{"iss":"a","aud":["x","y"],"exp":1.5,"nbf":0,"iat":-3}`,
		`{"aud":5}`, `{"exp":1e400}`, `{"a":{"b":[1,2,{"c":null}]}}`, `{"sub":"a","Sub":"b"}`,
		`{"\u0073ub":"x"}`, `[]`, `{"x":[[[[[[]]]]]]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		c := Claims{Raw: in}
		err := c.parse()
		o, oerr := jose.ParseObject(in)
		if err == nil && oerr != nil {
			t.Fatalf("claims reader accepted %q that ParseObject rejects: %v", in, oerr)
		}
		if err != nil {
			return
		}
		if n := len(c.names); n != len(o.Members) {
			t.Fatalf("%d names, ParseObject %d", n, len(o.Members))
		}
		for _, name := range c.Names() {
			got, ok := c.Get(name)
			m, _ := o.Get(name)
			if !ok || string(got) != string(m.Value) {
				t.Fatalf("claim %q: %q vs %q", name, got, m.Value)
			}
		}
	})
}
