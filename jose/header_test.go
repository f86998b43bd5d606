package jose

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/lejp"
)

func TestParseHeaderTyped(t *testing.T) {
	raw := []byte(`{"alg":"ES256","kid":"k\u00e9","typ":"JWT","cty":"x","crit":["b64","exp"],"b64":false,"exp":123,` +
		`"jku":"https://a/","x5u":"https://b/","jwk":{"kty":"oct"},"x5t":"AAAAAAAAAAAAAAAAAAAAAAAAAAA","x5t#S256":"` + strings.Repeat("A", 43) + `",` +
		`"x5c":["AQID"],"enc":"A128GCM","zip":"DEF","epk":{"kty":"EC"},"apu":"YQ","apv":"Yg","iv":"Yw","tag":"ZA","p2s":"ZQ","p2c":4096,"ext":{"a":[1,{"b":null}]}}`)
	h, err := ParseHeader(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(h.Raw, raw) {
		t.Error("Raw is not the input")
	}
	if h.Alg != "ES256" || h.Kid != "ké" || h.Typ != "JWT" || h.Cty != "x" || h.B64 || len(h.Crit) != 2 ||
		h.Jku != "https://a/" || h.X5u != "https://b/" || string(h.JWK) != `{"kty":"oct"}` || len(h.X5t) != 20 ||
		len(h.X5tS256) != 32 || string(h.X5c[0]) != "\x01\x02\x03" || h.Enc != "A128GCM" || h.Zip != "DEF" ||
		string(h.EPK) != `{"kty":"EC"}` || string(h.Apu) != "a" || string(h.Apv) != "b" || string(h.IV) != "c" ||
		string(h.Tag) != "d" || string(h.P2s) != "e" || h.P2c != 4096 {
		t.Errorf("typed fields wrong: %+v", h)
	}
	if v, ok := h.Get("ext"); !ok || string(v) != `{"a":[1,{"b":null}]}` {
		t.Errorf("unknown member: %s", v)
	}
	if !h.Has("exp") || h.Has("nope") || !h.IsProtected("exp") {
		t.Error("Has/IsProtected")
	}
	if err := CheckCrit(h.Crit, h.Has, []string{"b64", "exp"}); err != nil {
		t.Errorf("CheckCrit: %v", err)
	}
	h2, err := ParseHeader([]byte(`{"alg":"HS256"}`))
	if err != nil || !h2.B64 || h2.Has("b64") {
		t.Errorf("b64 default: %v", err)
	}
}

func TestParseHeaderWrongTypes(t *testing.T) {
	for _, s := range []string{
		`{"alg":1}`, `{"alg":null}`, `{"alg":["ES256"]}`, `{"kid":{}}`, `{"typ":true}`,
		`{"crit":"b64"}`, `{"crit":[1]}`, `{"crit":[null]}`, `{"b64":"false"}`, `{"b64":0}`,
		`{"jwk":"x"}`, `{"epk":[]}`, `{"x5t":"AAAA"}`, `{"x5t#S256":"AAAA"}`, `{"x5c":"AQID"}`,
		`{"x5c":[]}`, `{"x5c":["AQ-D"]}`, `{"x5c":["AQI"]}`, `{"x5c":["AQ\nID"]}`, `{"x5c":["AQID\r\n"]}`, `{"x5c":[""]}`, `{"iv":"YQ=="}`, `{"iv":"Y"}`, `{"p2c":0}`,
		`{"p2c":-1}`, `{"p2c":1.5}`, `{"p2c":1e3}`, `{"p2c":"1"}`, `{"p2c":99999999999999999999}`,
		`[]`, `"alg"`, `{"alg":"ES256"} {}`, `{"alg":"ES256",}`, "{\"alg\":\"\xff\"}",
	} {
		_, err := ParseHeader([]byte(s))
		if !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v", s, err)
		}
	}
}

// TestAttack20DuplicateHeaderNames covers catalog row 20 for headers: two
// "alg" members, and names that differ only by case, are rejected, in the
// protected header, the unprotected one, and across the two.
func TestAttack20DuplicateHeaderNames(t *testing.T) {
	for _, s := range []string{
		`{"alg":"HS256","alg":"none"}`,
		`{"alg":"HS256","Alg":"none"}`,
		`{"alg":"HS256","ALG":"none"}`,
		`{"kid":"a","x":1,"KID":"b"}`,
		`{"alg":"HS256","a\u006cg":"none"}`, // an escaped duplicate
	} {
		_, err := ParseHeader([]byte(s))
		if !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v", s, err)
		}
	}
	p, _ := ParseHeader([]byte(`{"alg":"ES256"}`))
	for _, s := range []string{`{"alg":"ES256"}`, `{"Alg":"none"}`} {
		u, err := ParseHeader([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Join(p, u); !errors.Is(err, ErrMalformed) {
			t.Errorf("protected alg + unprotected %s: %v", s, err)
		}
	}
}

func TestJoin(t *testing.T) {
	p, _ := ParseHeader([]byte(`{"alg":"ES256","crit":["b64"],"b64":false}`))
	u, _ := ParseHeader([]byte(`{"kid":"k1","x":1}`))
	h, err := Join(p, u)
	if err != nil {
		t.Fatal(err)
	}
	if h.Alg != "ES256" || h.Kid != "k1" || h.B64 || !bytes.Equal(h.Raw, p.Raw) {
		t.Errorf("joined %+v", h)
	}
	if !h.IsProtected("alg") || !h.IsProtected("b64") || h.IsProtected("kid") || h.IsProtected("x") || h.IsProtected("nope") {
		t.Error("IsProtected")
	}
	if len(h.Members()) != 5 {
		t.Error("Members")
	}
	// crit and b64 only in the unprotected header are rejected (rows 17, 18).
	for _, s := range []string{`{"crit":["x"],"x":1}`, `{"b64":false}`} {
		bad, _ := ParseHeader([]byte(s))
		if _, err := Join(nil, bad); !errors.Is(err, ErrCrit) {
			t.Errorf("unprotected %s: %v", s, err)
		}
	}
	if _, err := Join(nil, nil); !errors.Is(err, ErrMalformed) {
		t.Error("Join(nil, nil)")
	}
	if h, err := Join(nil, u); err != nil || h.IsProtected("kid") || h.Raw != nil {
		t.Errorf("unprotected only: %v", err)
	}
}

// TestAttack28DeepHeader covers catalog row 28 for headers: a million
// nested '[' is a depth error at MaxDepth, wrapping the lejp error.
func TestAttack28DeepHeader(t *testing.T) {
	if _, err := ParseHeader([]byte(strings.Repeat("[", 1_000_000))); !errors.Is(err, ErrMalformed) {
		t.Errorf("top-level array: %v", err)
	}
	for _, s := range []string{
		`{"x":` + strings.Repeat("[", 1_000_000),
		`{"x":` + strings.Repeat(`{"a":`, 1_000_000),
	} {
		_, err := ParseHeader([]byte(s))
		var se *lejp.SyntaxError
		if !errors.As(err, &se) || !errors.Is(err, lejp.ErrDepth) || !errors.Is(err, ErrLimit) {
			t.Errorf("deep header: %v", err)
		}
	}
	// Exactly MaxDepth levels are fine, one more is ErrLimit (the million
	// above alone would also trip lejp's own default of 1000, so that
	// without it this test could not tell MaxDepth from that default).
	ok := `{"x":` + strings.Repeat("[", MaxDepth-1) + strings.Repeat("]", MaxDepth-1) + `}`
	if _, err := ParseHeader([]byte(ok)); err != nil {
		t.Errorf("depth %d: %v", MaxDepth, err)
	}
	over := `{"x":` + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth) + `}`
	if _, err := ParseHeader([]byte(over)); !errors.Is(err, lejp.ErrDepth) || !errors.Is(err, ErrLimit) {
		t.Errorf("depth %d: %v, want ErrLimit and lejp.ErrDepth", MaxDepth+1, err)
	}
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	if _, err := (Member{Name: "x", Value: []byte(deep)}).Array(); !errors.Is(err, ErrLimit) {
		t.Errorf("Member.Array at depth %d: %v, want ErrLimit", MaxDepth+1, err)
	}
}

func TestHeaderSyntaxErrorOffset(t *testing.T) {
	_, err := ParseHeader([]byte(`{"alg":"ES256",,}`))
	var se *lejp.SyntaxError
	if !errors.As(err, &se) || se.Offset != 15 || !errors.Is(err, ErrMalformed) {
		t.Errorf("%v", err)
	}
	if !strings.HasPrefix(err.Error(), "jose: ") {
		t.Errorf("message %q", err)
	}
}

func TestParseProtected(t *testing.T) {
	h, err := ParseProtected([]byte("eyJhbGciOiJFZERTQSJ9"))
	if err != nil || h.Alg != "EdDSA" || string(h.Raw) != `{"alg":"EdDSA"}` {
		t.Errorf("%v %v", h, err)
	}
	for _, s := range []string{"eyJhbGciOiJFZERTQSJ9=", "eyJhbGciOiJFZERTQSJ9\n", "e"} {
		if _, err := ParseProtected([]byte(s)); !errors.Is(err, ErrMalformed) {
			t.Errorf("%q: %v", s, err)
		}
	}
}

func TestMembersLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := 0; i <= MaxMembers; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"m` + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)) + `":1`)
	}
	b.WriteString("}")
	if _, err := ParseObject([]byte(b.String())); !errors.Is(err, ErrLimit) {
		t.Errorf("%d members: %v", MaxMembers+1, err)
	}
}

func TestMemberRawValues(t *testing.T) {
	o, err := ParseObject([]byte("{ \"a\" : \"x\\u0041\" ,\n\"b\":\"plain\"\t}"))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][2]string{"a": {`"x\u0041"`, "xA"}, "b": {`"plain"`, "plain"}} {
		m, _ := o.Get(name)
		s, err := m.String()
		if string(m.Value) != want[0] || s != want[1] || err != nil {
			t.Errorf("%s: raw %q, decoded %q, %v", name, m.Value, s, err)
		}
	}
}

// TestJoinKeepsProtection: a member that came unprotected stays
// unprotected when the joined header is joined again (as the protected
// part): Join takes the protected flags of its first argument's members,
// not "protected" for all. On the base, Join(Join(p, u), nil) reported
// u's "kid" and "typ" as protected.
func TestJoinKeepsProtection(t *testing.T) {
	p, _ := ParseHeader([]byte(`{"alg":"ES256"}`))
	u, _ := ParseHeader([]byte(`{"kid":"k1","typ":"JWT"}`))
	j, err := Join(p, u)
	if err != nil {
		t.Fatal(err)
	}
	more, _ := ParseHeader([]byte(`{"x":1}`))
	for _, second := range []*Header{nil, more} {
		jj, err := Join(j, second)
		if err != nil {
			t.Fatal(err)
		}
		if !jj.IsProtected("alg") || jj.IsProtected("kid") || jj.IsProtected("typ") || jj.IsProtected("x") {
			t.Errorf("Join(Join(p, u), %v): alg %v, kid %v, typ %v, x %v; want only alg protected", second != nil,
				jj.IsProtected("alg"), jj.IsProtected("kid"), jj.IsProtected("typ"), jj.IsProtected("x"))
		}
	}
}

// TestLejpLimitsAreErrLimit: a JSON value over one of lejp's size limits (a
// member name over lejp.DefaultMaxNameLen bytes, a number over
// lejp.DefaultMaxNumberLen digits) is ErrLimit, as nesting over MaxDepth is,
// with the lejp cause reachable. On the base only the depth error was
// ErrLimit; the others were ErrMalformed, as if the JSON were invalid.
func TestLejpLimitsAreErrLimit(t *testing.T) {
	long := strings.Repeat("a", lejp.DefaultMaxNameLen+1)
	digits := strings.Repeat("1", lejp.DefaultMaxNumberLen+1)
	for _, tc := range []struct {
		in    string
		cause error
	}{
		{`{"` + long + `":1}`, lejp.ErrNameTooLong},
		{`{"x":{"` + long + `":1}}`, lejp.ErrNameTooLong},
		{`{"x":` + digits + `}`, lejp.ErrNumberTooLong},
		{`{"x":[` + digits + `]}`, lejp.ErrNumberTooLong},
	} {
		_, err := ParseHeader([]byte(tc.in))
		var se *lejp.SyntaxError
		if !errors.Is(err, ErrLimit) || !errors.Is(err, tc.cause) || !errors.As(err, &se) {
			t.Errorf("%.20s… (%d bytes): %v, want ErrLimit and %v", tc.in, len(tc.in), err, tc.cause)
		}
	}
	for _, m := range []Member{
		{Name: "a", Value: []byte(`[` + digits + `]`)},
		{Name: "o", Value: []byte(`{"` + long + `":1}`)},
		{Name: "s", Value: []byte(`["a",` + digits + `]`)},
		{Name: "i", Value: []byte(digits)},
	} {
		var err error
		switch m.Name {
		case "a":
			_, err = m.Array()
		case "o":
			_, err = m.Object()
		case "s":
			_, err = m.Strings()
		case "i":
			_, err = m.Int()
		}
		if !errors.Is(err, ErrLimit) {
			t.Errorf("member %q: %v, want ErrLimit", m.Name, err)
		}
	}
}
