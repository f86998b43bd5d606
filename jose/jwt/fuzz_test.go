package jwt

import (
	"reflect"
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

// fastSeeds are claims sets around the fast reader's edges: inside its
// subset, and one step outside it in each direction.
var fastSeeds = []string{`{}`, ` { } `, `{"iss":"a","sub":"b","aud":"c","exp":1,"nbf":-2,"iat":0,"jti":"d"}`,
	`{"aud":["x", "y"] , "scope":"r w","n":[1,true,null,"s",-0],"e":[]}`, `{"aud":[]}`, `{"aud":[1]}`,
	`{"ISS":"a","iss":"b"}`, `{"iss":"a","iss":"a"}`, `{"longname1":1,"LONGname1":2}`, `{"longname1":1,"longname2":2}`,
	`{"exp":1.5}`, `{"exp":1e3}`, `{"exp":01}`, `{"exp":-}`, `{"exp":"1"}`, `{"exp":9999999999999999}`,
	`{"exp":999999999999999}`, `{"iss":"\u0061"}`, `{"iss":"é"}`, `{"a":{"b":1}}`, `{"a":[[1]]}`,
	`{"a":tru}`, `{"a":truex}`, `{"a":1,}`, `{"a":1}x`, `{"a":""}`, `{"a":""}`, "{\"a\":1}\n"}

// FuzzFastClaims: whatever the fast reader accepts, the strict reader
// accepts too, into an identical Claims.
func FuzzFastClaims(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		fast := Claims{Raw: in}
		if !fast.fastParse() {
			return
		}
		strict := Claims{Raw: in}
		if err := strict.parseStrict(); err != nil {
			t.Fatalf("fast reader accepted %q, strict reader: %v", in, err)
		}
		fast.dec, strict.dec, fast.nested, strict.nested = nil, nil, nil, nil
		if !reflect.DeepEqual(normal(fast), normal(strict)) {
			t.Fatalf("%q:\nfast   %+v\nstrict %+v", in, fast, strict)
		}
	})
}

// normal drops the difference between nil and empty slices.
func normal(c Claims) Claims {
	for _, p := range []*[]span{&c.aud, &c.names} {
		if len(*p) == 0 {
			*p = nil
		}
	}
	if len(c.extra) == 0 {
		c.extra = nil
	}
	if len(c.strs) == 0 {
		c.strs = nil
	}
	return c
}
