package jwt

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
)

// render shows a parsed claims set through its public accessors, each
// claim as its value or "-" when the accessor reports it absent, so that
// the presence flags are checked as well as the values.
func render(c *Claims) string {
	var b strings.Builder
	str := func(name string, s string, ok bool) {
		if ok {
			fmt.Fprintf(&b, "%s=%q ", name, s)
		} else {
			fmt.Fprintf(&b, "%s=- ", name)
		}
	}
	s, ok := c.Issuer()
	str("iss", s, ok)
	s, ok = c.Subject()
	str("sub", s, ok)
	s, ok = c.ID()
	str("jti", s, ok)
	if a, ok := c.Audience(); ok {
		fmt.Fprintf(&b, "aud=%q ", a)
	} else {
		b.WriteString("aud=- ")
	}
	date := func(name string, get func() (sec int64, nsec int, ok bool)) {
		if sec, nsec, ok := get(); ok {
			fmt.Fprintf(&b, "%s=%ds+%dns ", name, sec, nsec)
		} else {
			fmt.Fprintf(&b, "%s=- ", name)
		}
	}
	date("exp", func() (int64, int, bool) { t, ok := c.ExpiresAt(); return t.Unix(), t.Nanosecond(), ok })
	date("nbf", func() (int64, int, bool) { t, ok := c.NotBefore(); return t.Unix(), t.Nanosecond(), ok })
	date("iat", func() (int64, int, bool) { t, ok := c.IssuedAt(); return t.Unix(), t.Nanosecond(), ok })
	return strings.TrimSpace(b.String())
}

// names17 is a claims set of 17 distinct one-letter names, enough that the
// case-variant check has switched from comparing names one by one to its
// hash (foldScan is 16), followed by name.
func names17(name string) string {
	return `{"b":0,"c":0,"d":0,"e":0,"f":0,"g":0,"h":0,"i":0,"j":0,"k":0,"l":0,"m":0,"n":0,"o":0,"p":0,"q":0,"r":0,` +
		strconv.Quote(name) + `:1}`
}

// TestClaimsReaders: every claims set reads to the same result through
// parse (the fast reader when it takes the input), the strict lejp reader
// on its own, and the fast reader where it accepts — values, presence and
// errors. Most of these inputs are outside the fast reader's subset, so
// without this table the strict reader's range and type checks would only
// be reached by the fuzzers.
func TestClaimsReaders(t *testing.T) {
	const none = "iss=- sub=- jti=- aud=- exp=- nbf=- iat=-"
	with := func(repl ...string) string { return strings.NewReplacer(repl...).Replace(none) }
	for _, tc := range []struct {
		in   string
		want string // render of the claims, when err is nil
		err  error
	}{
		{in: `{}`, want: none},
		{in: ` { "x" : null } `, want: none},
		{in: `{"iss":"a","sub":"b","aud":"c","exp":1,"nbf":-2,"iat":0,"jti":"d"}`,
			want: `iss="a" sub="b" jti="d" aud=["c"] exp=1s+0ns nbf=-2s+0ns iat=0s+0ns`},
		{in: `{"iss":"\u0061","sub":"é","jti":""}`, want: with(`iss=-`, `iss="a"`, `sub=-`, `sub="é"`, `jti=-`, `jti=""`)},
		{in: `{"aud":["x","y"]}`, want: with(`aud=-`, `aud=["x" "y"]`)},
		{in: `{"aud":[]}`, want: with(`aud=-`, `aud=[]`)},
		{in: `{"aud":"\u00e9"}`, want: with(`aud=-`, `aud=["é"]`)},

		// NumericDate (RFC 7519 §2): integers and fractions, to ±2^53
		// seconds exactly.
		{in: `{"exp":1.5}`, want: with(`exp=-`, `exp=1s+500000000ns`)},
		{in: `{"nbf":-1.5}`, want: with(`nbf=-`, `nbf=-2s+500000000ns`)},
		{in: `{"iat":1e3}`, want: with(`iat=-`, `iat=1000s+0ns`)},
		{in: `{"exp":1234567890123456}`, want: with(`exp=-`, `exp=1234567890123456s+0ns`)},
		{in: `{"exp":9007199254740992}`, want: with(`exp=-`, `exp=9007199254740992s+0ns`)},
		{in: `{"exp":-9007199254740992}`, want: with(`exp=-`, `exp=-9007199254740992s+0ns`)},
		{in: `{"exp":9007199254740992.0}`, want: with(`exp=-`, `exp=9007199254740992s+0ns`)},
		{in: `{"exp":-9007199254740992.0}`, want: with(`exp=-`, `exp=-9007199254740992s+0ns`)},
		{in: `{"exp":9007199254740993}`, err: errDateRange},
		{in: `{"exp":-9007199254740993}`, err: errDateRange},
		{in: `{"exp":9007199254740994.0}`, err: errDateRange},
		{in: `{"nbf":-9007199254740994.0}`, err: errDateRange},
		{in: `{"exp":123456789012345678}`, err: errDateRange},
		{in: `{"exp":99999999999999999999}`, err: errDateRange},
		{in: `{"iat":1e400}`, err: errDateRange},
		{in: `{"iat":-1e400}`, err: errDateRange},

		// Registered claims of the wrong JSON type (catalog rows 23, 24).
		{in: `{"exp":"1"}`, err: errClaimType},
		{in: `{"nbf":null}`, err: errClaimType},
		{in: `{"iat":true}`, err: errClaimType},
		{in: `{"iss":1}`, err: errClaimType},
		{in: `{"sub":null}`, err: errClaimType},
		{in: `{"jti":["a"]}`, err: errClaimType},
		{in: `{"aud":5}`, err: errClaimType},
		{in: `{"aud":null}`, err: errClaimType},
		{in: `{"aud":[1]}`, err: errClaimType},
		{in: `{"aud":["a",null]}`, err: errClaimType},

		// Names equal but for ASCII case (catalog row 20), compared one by
		// one (few names) and by hash (17 or more), at the edges of the
		// letter range: '@' and '`', '[' and '{' differ by 0x20 too but
		// are not letters.
		{in: `{"iss":"a","ISS":"b"}`, err: errCaseVariant},
		{in: `{"A":1,"a":1}`, err: errCaseVariant},
		{in: `{"a":1,"A":1}`, err: errCaseVariant},
		{in: `{"z":1,"Z":1}`, err: errCaseVariant},
		{in: `{"Z":1,"z":1}`, err: errCaseVariant},
		{in: names17("A")[:len(names17("A"))-1] + `,"a":2}`, err: errCaseVariant},
		{in: names17("a")[:len(names17("a"))-1] + `,"A":2}`, err: errCaseVariant},
		{in: names17("z")[:len(names17("z"))-1] + `,"Z":2}`, err: errCaseVariant},
		{in: names17("Z")[:len(names17("Z"))-1] + `,"z":2}`, err: errCaseVariant},
		{in: names17("B"), err: errCaseVariant},
		{in: `{"@":1,"` + "`" + `":1,"[":1,"{":1}`, want: none},
		{in: names17("@")[:len(names17("@"))-1] + ",\"`\":2,\"[\":3,\"{\":4}", want: none},
	} {
		check := func(reader string, c *Claims, err error) {
			t.Helper()
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Errorf("%s reader, %s: %v, want %v", reader, tc.in, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Errorf("%s reader, %s: %v", reader, tc.in, err)
				return
			}
			if got := render(c); got != tc.want {
				t.Errorf("%s reader, %s:\n got %s\nwant %s", reader, tc.in, got, tc.want)
			}
		}
		c := &Claims{Raw: []byte(tc.in)}
		check("parse", c, c.parse())
		s := &Claims{Raw: []byte(tc.in)}
		check("strict", s, s.parseStrict())
		if f := (&Claims{Raw: []byte(tc.in)}); f.fastParse() {
			if tc.err != nil {
				t.Errorf("fast reader accepted %s, want %v", tc.in, tc.err)
			} else if !reflect.DeepEqual(view(f), view(s)) {
				t.Errorf("fast reader, %s: %+v, strict %+v", tc.in, view(f), view(s))
			}
		}
	}
}

// TestRequiredPresence: Validator.Required accepts a token that has the
// claim and refuses one that lacks it, for each registered claim and for
// an unregistered one (present with a value; null counts as absent).
func TestRequiredPresence(t *testing.T) {
	full := claimSet()
	full.NotBefore = t0.Add(-time.Minute)
	full.Extra = append(full.Extra, jose.Member{Name: "nul", Value: []byte("null")})
	for _, name := range []string{"iss", "sub", "jti", "aud", "exp", "nbf", "iat", "scope", "nul"} {
		v := hsVerifier(t, Validator{Required: []string{name}, AnyAudience: true})
		_, err := v.Verify(mustSign(t, full))
		if name == "nul" {
			if !errors.Is(err, ErrMissingClaim) {
				t.Errorf("required %q, null: %v, want ErrMissingClaim", name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("required %q, present: %v", name, err)
		}
		if _, err := v.Verify(mustSign(t, &ClaimSet{Extra: []jose.Member{{Name: "other", Value: []byte("1")}}})); !errors.Is(err, ErrMissingClaim) {
			t.Errorf("required %q, absent: %v, want ErrMissingClaim", name, err)
		}
	}
}

// TestGetUnparsed: Get on a Claims that holds no claims set reports the
// claim absent.
func TestGetUnparsed(t *testing.T) {
	for _, raw := range []string{"", "[]", "{"} {
		if v, ok := (&Claims{Raw: []byte(raw)}).Get("x"); ok || v != nil {
			t.Errorf("Get on %q: %q, %v", raw, v, ok)
		}
	}
}

// TestClaimsTruncated: every proper prefix of a claims set is malformed to
// every reader, and the fast reader never reads past the end of its input
// (a token, literal or number cut at the last byte).
func TestClaimsTruncated(t *testing.T) {
	for _, full := range []string{
		`{"iss":"a","sub":"bcdefghijk","aud":["c", "d"],"exp":1,"nbf":-2,"iat":1234567890123,"jti":"d"}`,
		`{"n":[1,true,false,null,"s",-0,90],"e":[],"o":{"x":[9]},"t":true,"f":false,"z":null,"longname1":"abcdefghijklmnop"}`,
		`{"aud":[],"exp":123456789}`,
	} {
		for n := range len(full) {
			in := full[:n]
			c := &Claims{Raw: []byte(in)}
			if err := c.parse(); !errors.Is(err, jose.ErrMalformed) {
				t.Errorf("parse %q: %v, want ErrMalformed", in, err)
			}
			s := &Claims{Raw: []byte(in)}
			if err := s.parseStrict(); !errors.Is(err, jose.ErrMalformed) {
				t.Errorf("parseStrict %q: %v, want ErrMalformed", in, err)
			}
			if (&Claims{Raw: []byte(in)}).fastParse() {
				t.Errorf("fast reader accepted %q", in)
			}
		}
		if c := (&Claims{Raw: []byte(full)}); !c.fastParse() {
			t.Errorf("fast reader gave up on %s", full)
		}
	}
}
