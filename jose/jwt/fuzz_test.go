package jwt

import (
	"math/bits"
	"reflect"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// FuzzClaims: the claims reader never panics, accepts only what
// jose.ParseObject accepts, and gives the same members, which Get returns
// as ParseObject does.
func FuzzClaims(f *testing.F) {
	for _, s := range []string{`{}`, `{"iss":"a","aud":["x","y"],"exp":1.5,"nbf":0,"iat":-3}`,
		`{"aud":5}`, `{"exp":1e400}`, `{"a":{"b":[1,2,{"c":null}]}}`, `{"sub":"a","Sub":"b"}`,
		`{"\u0073ub":"x"}`, `[]`, `{"x":[[[[[[]]]]]]}`, `{"s":1,"ſ":2}`, `{"a":{"k":1,"\u212a":2}}`} {
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
		if foldPairs(t, in) {
			t.Fatalf("claims reader accepted %q, whose names encoding/json folds together", in)
		}
		if n := c.count(); n != len(o.Members) {
			t.Fatalf("%d names, ParseObject %d", n, len(o.Members))
		}
		for _, name := range c.Names() {
			if _, ok := o.Get(name); !ok {
				t.Fatalf("claim %q: not in ParseObject's", name)
			}
		}
		// Get (which finds unregistered claims among those read) agrees
		// with ParseObject on every member and on case variants.
		for _, om := range o.Members {
			for _, name := range []string{om.Name, strings.ToUpper(om.Name), strings.ToLower(om.Name)} {
				got, ok := c.Get(name)
				m, want := o.Get(name)
				if ok != want || string(got) != string(m.Value) {
					t.Fatalf("Get(%q): %q, %v; ParseObject %q, %v", name, got, ok, m.Value, want)
				}
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
	`{"exp":012345678}`, `{"a":123456789012345678}`, `{"exp":12345678,"x":1}`, `{"a":-12345678}`,
	`{"nbf":1234567:}`, `{"iat":12345678.5}`, `{"preferred_username":"x","PREFERRED_USERNAME":"y"}`,
	"{\"a\":\"x\ty\"}", "{\"a\":\"xy\"\t}", "{\"a\":\"\xc3\xa9\"}", "{\"a\"\n:1}", "{\"abcdefgh\x01\":1}",
	"{\"a\":\"abcdefghijk\x80\"}", "{\"a\":\"abc\"\x80}", "{\"a\":\"abcdef\\\\\"}", "{\"a\":\"ab\"} \x7f",
	`{"r":{"roles":["a","b"]},"g":[{"x":"\u00e9"}],"iss":"i"}`, `{"a":{"b":1,"b":2}}`, `{"a":{"b":1}x}`,
	`{"a":[1,{"b":[]}],"aud":[{"x":1}]}`, `{"a":{"b":1} ,"A":2}`, "{\"a\":{\"b\":\"\xff\"}}",
	`{"a":tru}`, `{"a":truex}`, `{"a":1,}`, `{"a":1}x`, "{\"a\":\"\x7f\"}", "{\"a\":\"\x1f\"}", "{\"a\":1}\n"}

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
		if f, st := view(&fast), view(&strict); !reflect.DeepEqual(f, st) {
			t.Fatalf("%q:\nfast   %+v\nstrict %+v", in, f, st)
		}
	})
}

// claimsView is everything a Claims holds, decoded, so that two Claims
// whose spans address different buffers compare.
type claimsView struct {
	AudOK         bool
	Bits          uint8
	Iss, Sub, Jti string
	Aud, Names    []string
	Count         int
	Extra         []string
	Dates         [3]numericDate
}

func view(c *Claims) claimsView {
	v := claimsView{AudOK: c.audOK, Bits: c.has, Iss: c.str(c.iss), Sub: c.str(c.sub), Jti: c.str(c.jti),
		Dates: [3]numericDate{c.exp, c.nbf, c.iat}}
	for _, a := range c.aud {
		v.Aud = append(v.Aud, c.str(a))
	}
	v.Names = c.Names()
	v.Count = c.count()
	for _, m := range c.extra {
		v.Extra = append(v.Extra, c.str(m.name), string(c.Raw[m.value.off:m.value.off+m.value.n]))
	}
	return v
}

// count returns the number of members read.
func (c *Claims) count() int {
	n := len(c.extra) + bits.OnesCount8(c.has)
	if c.audOK {
		n++
	}
	return n
}
