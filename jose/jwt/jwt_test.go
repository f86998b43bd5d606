package jwt

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

var (
	secret = bytes.Repeat([]byte("k"), 32)
	t0     = time.Unix(1_800_000_000, 0)
	clock  = func() time.Time { return t0 }
)

func hsKey() jws.SigningKey { return jws.SigningKey{Alg: "HS256", Key: secret} }

func claimSet() *ClaimSet {
	return &ClaimSet{Issuer: "https://issuer.example", Subject: "alice", Audience: []string{"api"},
		ExpiresAt: t0.Add(time.Hour), IssuedAt: t0.Add(-time.Minute), ID: "id-1",
		Extra: []jose.Member{{Name: "scope", Value: []byte(`"read write"`)}}}
}

func mustSign(t testing.TB, cs *ClaimSet) []byte {
	t.Helper()
	tok, err := Sign(cs, hsKey())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func hsVerifier(t testing.TB, val Validator) *Verifier {
	t.Helper()
	if val.Now == nil {
		val.Now = clock
	}
	v, err := NewVerifier(secret, []string{"HS256"}, val)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRoundTrip(t *testing.T) {
	tok := mustSign(t, claimSet())
	v := hsVerifier(t, Validator{Issuer: "https://issuer.example", Audience: "api", Type: "JWT", Required: []string{"exp", "scope"}})
	c, err := v.Verify(tok)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := c.Subject(); s != "alice" {
		t.Errorf("sub %q", s)
	}
	if e, ok := c.ExpiresAt(); !ok || !e.Equal(t0.Add(time.Hour)) {
		t.Errorf("exp %v", e)
	}
	if a, _ := c.Audience(); len(a) != 1 || a[0] != "api" {
		t.Errorf("aud %q", a)
	}
	if v, ok := c.Get("scope"); !ok || string(v) != `"read write"` {
		t.Errorf("scope %s", v)
	}
	var user struct {
		Sub   string `json:"sub"`
		Scope string `json:"scope"`
		Exp   int64  `json:"exp"`
	}
	if err := c.Decode(&user); err != nil || user.Sub != "alice" || user.Scope != "read write" || user.Exp != t0.Add(time.Hour).Unix() {
		t.Errorf("Decode %+v %v", user, err)
	}
	if n := c.Names(); len(n) != 1 || n[0] != "scope" {
		t.Errorf("Names %q", n)
	}
}

func TestValidator(t *testing.T) {
	tok := mustSign(t, claimSet())
	for _, tc := range []struct {
		name string
		val  Validator
		want error
	}{
		{"ok", Validator{Audience: "api"}, nil},
		{"expired", Validator{Now: func() time.Time { return t0.Add(2 * time.Hour) }}, ErrExpired},
		{"exp boundary", Validator{Now: func() time.Time { return t0.Add(time.Hour) }}, ErrExpired},
		{"leeway", Validator{Now: func() time.Time { return t0.Add(time.Hour + time.Second) }, Leeway: time.Minute, Audience: "api"}, nil},
		{"iat future", Validator{Now: func() time.Time { return t0.Add(-time.Hour) }}, ErrIssuedInFuture},
		{"iss", Validator{Issuer: "other", Audience: "api"}, ErrClaimMismatch},
		{"aud", Validator{Audience: "other"}, ErrClaimMismatch},
		{"sub", Validator{Subject: "bob", Audience: "api"}, ErrClaimMismatch},
		{"jti", Validator{ID: "x", Audience: "api"}, ErrClaimMismatch},
		{"all match", Validator{Issuer: "https://issuer.example", Subject: "alice", ID: "id-1", Audience: "api"}, nil},
		{"required", Validator{Required: []string{"nbf"}}, ErrMissingClaim},
		{"typ", Validator{Type: "at+jwt"}, jose.ErrMalformed},
	} {
		v := hsVerifier(t, tc.val)
		_, err := v.Verify(tok)
		if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	// A claim the Validator names is required: absent, it is a mismatch
	// (each row names no other claim that could fail, and the token has
	// no "aud", so only the claim under test decides).
	bare := mustSign(t, &ClaimSet{Extra: []jose.Member{{Name: "x", Value: []byte("1")}}})
	for _, val := range []Validator{{Issuer: "i"}, {Subject: "s"}, {ID: "j"}, {Audience: "a"}} {
		if _, err := hsVerifier(t, val).Verify(bare); !errors.Is(err, ErrClaimMismatch) {
			t.Errorf("%+v against a token without the claim: %v, want ErrClaimMismatch", val, err)
		}
	}
	nbf := claimSet()
	nbf.NotBefore = t0.Add(time.Minute)
	if _, err := hsVerifier(t, Validator{}).Verify(mustSign(t, nbf)); !errors.Is(err, ErrNotYetValid) {
		t.Errorf("nbf: %v", err)
	}
}

// TestVerifyIntoZeroAlloc: compact verify into a caller's Claims allocates
// nothing (HS256, ~6 claims, exp/iss/aud validated).
func TestVerifyIntoZeroAlloc(t *testing.T) {
	// Flat claims (the fast reader alone), a nested claim (the fast reader
	// with a lejp Decoder for that value), and an escaped string (the
	// strict reader after the fast one gives up).
	for _, extra := range []string{`"read write"`, `{"roles":["a","b"],"n":{"x":[1,2]}}`, `"caf\u00e9"`} {
		cs := claimSet()
		cs.Extra = []jose.Member{{Name: "scope", Value: []byte(extra)}}
		tok := mustSign(t, cs)
		v := hsVerifier(t, Validator{Issuer: "https://issuer.example", Audience: "api", Required: []string{"exp"}, Type: "JWT"})
		var c Claims
		ctx := context.Background()
		if err := v.VerifyInto(ctx, tok, &c); err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(100, func() {
			if err := v.VerifyInto(ctx, tok, &c); err != nil {
				t.Fatal(err)
			}
		}); n != 0 && !testenv.Race {
			t.Errorf("VerifyInto with scope %s: %v allocs, want 0", extra, n)
		}
		if got, _ := c.Get("scope"); string(got) != extra {
			t.Errorf("scope %s, want %s", got, extra)
		}
	}
}

// TestAttack22SignatureBeforeClaims: an expired token with a bad signature
// reports only the signature error and no claims (catalog row 22).
func TestAttack22SignatureBeforeClaims(t *testing.T) {
	cs := claimSet()
	cs.ExpiresAt = t0.Add(-time.Hour)
	cs.IssuedAt = t0.Add(-2 * time.Hour)
	tok := mustSign(t, cs)
	v := hsVerifier(t, Validator{Issuer: "someone else"})
	if _, err := v.Verify(tok); !errors.Is(err, ErrExpired) {
		t.Fatalf("well signed expired token: %v", err)
	}
	bad := append(bytes.Clone(tok[:len(tok)-4]), "AAAA"...)
	c := Claims{Raw: []byte("stale")}
	err := v.VerifyInto(context.Background(), bad, &c)
	if !errors.Is(err, jose.ErrVerify) || errors.Is(err, ErrExpired) || errors.Is(err, ErrClaimMismatch) {
		t.Fatalf("bad signature + expired: %v", err)
	}
	if len(c.Raw) != 0 || c.has != 0 {
		t.Fatalf("claims left behind: %q", c.Raw)
	}
	if got, err := v.Verify(bad); got != nil || err == nil {
		t.Fatal("claims returned with an error")
	}
}

// signRaw signs an arbitrary payload as a JWT, bypassing ClaimSet's checks.
func signRaw(t testing.TB, payload string) []byte {
	t.Helper()
	tok, err := jws.Sign([]byte(payload), jws.SigningKey{Alg: "HS256", Key: secret, Type: "JWT"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// TestAttack23AudienceTypes: "aud" as a string or an array holding the
// audience passes; anything else fails (catalog row 23).
func TestAttack23AudienceTypes(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	for _, tc := range []struct {
		aud string
		ok  bool
	}{
		{`"api"`, true}, {`["x","api"]`, true}, {`["api"]`, true},
		{`"apix"`, false}, {`["x"]`, false}, {`1`, false}, {`{"api":true}`, false},
		{`[]`, false}, {`[1,"api"]`, false}, {`["api",null]`, false}, {`null`, false},
		{`[["api"]]`, false}, {`true`, false},
	} {
		_, err := v.Verify(signRaw(t, `{"aud":`+tc.aud+`}`))
		if tc.ok != (err == nil) {
			t.Errorf("aud %s: %v", tc.aud, err)
		}
	}
	// Not required: a wrongly typed aud is still an error.
	if _, err := hsVerifier(t, Validator{}).Verify(signRaw(t, `{"aud":5}`)); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("aud 5 without an audience required: %v", err)
	}
}

// TestAttack24TypedWrongClaims: with "exp" required, missing, null, a
// string, 1e400 and other non-dates fail; a malformed claim fails even when
// not required (catalog row 24).
func TestAttack24TypedWrongClaims(t *testing.T) {
	req := hsVerifier(t, Validator{Required: []string{"exp"}})
	free := hsVerifier(t, Validator{})
	for _, payload := range []string{
		`{}`, `{"exp":null}`, `{"exp":"123"}`, `{"exp":"1e3"}`, `{"exp":1e400}`, `{"exp":-1e400}`,
		`{"exp":"NaN"}`, `{"exp":"Infinity"}`, `{"exp":true}`, `{"exp":[1]}`, `{"exp":{"v":1}}`,
		`{"exp":9007199254740993}`, `{"exp":123456789012345678901234567890}`,
	} {
		if _, err := req.Verify(signRaw(t, payload)); err == nil {
			t.Errorf("exp required, %s accepted", payload)
		}
		if payload == `{}` {
			continue
		}
		if _, err := free.Verify(signRaw(t, payload)); err == nil {
			t.Errorf("exp not required, malformed %s accepted", payload)
		}
	}
	for _, payload := range []string{`{"nbf":"0"}`, `{"iat":null}`, `{"iss":1}`, `{"sub":null}`, `{"jti":[]}`} {
		if _, err := free.Verify(signRaw(t, payload)); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%s: %v", payload, err)
		}
	}
	if _, err := req.Verify(signRaw(t, `{"exp":1900000000.5}`)); err != nil {
		t.Errorf("fractional exp: %v", err)
	}
}

// TestAttack20DuplicateClaims: two "sub", or "sub" and "Sub", are rejected
// on every entry point (catalog row 20).
func TestAttack20DuplicateClaims(t *testing.T) {
	v := hsVerifier(t, Validator{})
	for _, p := range []string{`{"sub":"a","sub":"b"}`, `{"sub":"a","Sub":"b"}`, `{"x":1,"X":2}`, `{"sub":"a","\u0073ub":"b"}`} {
		tok := signRaw(t, p)
		if _, err := v.Verify(tok); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("Verify %s: %v", p, err)
		}
		if _, _, err := Inspect(tok); err == nil {
			t.Errorf("Inspect %s accepted", p)
		}
		s, _ := NewSigner(hsKey())
		if _, err := s.AppendSignJSON(nil, []byte(p)); err == nil {
			t.Errorf("AppendSignJSON %s accepted", p)
		}
	}
}

// TestAttack28DeepNesting: 1,000,000 nested '[' in a claim is a depth
// error at 64, without deep recursion (catalog row 28).
func TestAttack28DeepNesting(t *testing.T) {
	v := hsVerifier(t, Validator{})
	deep := `{"x":` + strings.Repeat("[", 1_000_000) + `}`
	_, err := v.Verify(signRaw(t, deep))
	if !errors.Is(err, jose.ErrLimit) {
		t.Fatalf("deep claims: %v", err)
	}
	ok := `{"x":` + strings.Repeat("[", 63) + strings.Repeat("]", 63) + `}`
	if _, err := v.Verify(signRaw(t, ok)); err != nil {
		t.Fatalf("depth 64: %v", err)
	}
}

// TestAttack21FormatConfusion: the JWT API refuses a JWE, a JWS JSON
// serialization and a compact token with JSON appended (catalog row 21).
func TestAttack21FormatConfusion(t *testing.T) {
	v := hsVerifier(t, Validator{})
	tok := mustSign(t, claimSet())
	js, err := jws.SignJSON([]byte(`{"sub":"a"}`), []jws.SigningKey{{Alg: "HS256", Key: secret}}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	jsg, _ := jws.SignJSON([]byte(`{"sub":"a"}`), []jws.SigningKey{{Alg: "HS256", Key: secret}}, false, nil)
	for name, in := range map[string][]byte{
		"JWE":               []byte("eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aXY.Y3Q.dGFn"),
		"flattened JSON":    js,
		"general JSON":      jsg,
		"compact+JSON":      append(bytes.Clone(tok), js...),
		"compact+{":         append(bytes.Clone(tok), `{"a":1}`...),
		"JSON with compact": []byte(`{"payload":"` + string(tok) + `"}`),
		"compact+newline":   append(bytes.Clone(tok), '\n'),
		"compact+space":     append([]byte(" "), tok...),
		"two tokens":        append(append(bytes.Clone(tok), '.'), tok...),
	} {
		if _, err := v.Verify(in); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestUnverifiedInspect(t *testing.T) {
	h, c, err := Inspect(mustSign(t, claimSet()))
	if err != nil || h.Typ != "JWT" {
		t.Fatal(h, err)
	}
	if s, _ := c.Issuer(); s != "https://issuer.example" {
		t.Fatal(s)
	}
}

func TestES256(t *testing.T) {
	k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tok, err := Sign(claimSet(), jws.SigningKey{Alg: "ES256", Key: k})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(&k.PublicKey, []string{"ES256"}, Validator{Now: clock, Audience: "api"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(tok); err != nil {
		t.Fatal(err)
	}
}

// TestFastClaimsSubset pins which seeds the fast reader takes, so that a
// change making it give up on the common shapes (and silently fall back
// to the slower strict reader) fails here.
func TestFastClaimsSubset(t *testing.T) {
	for _, tc := range []struct {
		in   string
		fast bool
	}{
		{`{}`, true},
		{`{"iss":"a","sub":"b","aud":"c","exp":1,"nbf":-2,"iat":0,"jti":"d"}`, true},
		{`{"aud":["x", "y"] , "scope":"r w","n":[1,true,null,"s",-0],"e":[]}`, true},
		{`{"longname1":1,"longname2":2}`, true},
		{`{"aud":[]}`, true},
		{`{"aud":[ ],"n":[9,false],"f":false,"d":9}`, true},
		{`{"ISS":"a","iss":"b"}`, false},
		{`{"longname1":1,"LONGname1":2}`, false},
		{`{"exp":1.5}`, false},
		{`{"iss":"\u0061"}`, false},
		{`{"a":{"b":1}}`, true},
		{`{"realm_access":{"roles":["a","b"]},"groups":[{"x":"\u00e9"}],"iss":"i"}`, true},
		{`{"a":{"b":1,"b":2}}`, false},
		{`{"a":{"b":1}x}`, false},
		{`{"a":1}x`, false},
	} {
		c := Claims{Raw: []byte(tc.in)}
		if got := c.fastParse(); got != tc.fast {
			t.Errorf("%s: fast reader %v, want %v", tc.in, got, tc.fast)
		}
	}
}

// TestNumericDateAfter: after agrees with time.Time.Before on the
// time.Time it stands for, at and around equal instants, and for the
// nanosecond part readDate can produce (up to 1e9 after rounding).
func TestNumericDateAfter(t *testing.T) {
	secs := []int64{-maxDate, -1, 0, 1, 1_700_000_000, maxDate}
	nsecs := []int32{0, 1, 500_000_000, 999_999_999, 1_000_000_000}
	for _, s := range secs {
		for _, n := range nsecs {
			d := numericDate{sec: s, nsec: n}
			base := d.time()
			for _, delta := range []time.Duration{-time.Second, -1, 0, 1, time.Second} {
				now := base.Add(delta)
				for _, tt := range []time.Time{now, now.Local(), time.Unix(0, 0).Add(now.Sub(time.Unix(0, 0)))} {
					if got, want := d.after(tt), tt.Before(d.time()); got != want {
						t.Errorf("%+v after %v: %v, want %v", d, tt, got, want)
					}
				}
			}
		}
	}
	now := time.Now() // with a monotonic reading
	d := numericDate{sec: now.Unix(), nsec: int32(now.Nanosecond())}
	if d.after(now) || !d.after(now.Add(-1)) || d.after(now.Add(1)) {
		t.Error("after disagrees around time.Now()")
	}
}

// TestNameKey: names that differ only in ASCII case share a key, names of
// up to seven bytes that differ otherwise do not, and the word of a
// registered name classifies it — wherever the name sits relative to the
// end of the input (the short tail is read byte by byte).
func TestNameKey(t *testing.T) {
	names := []string{"", "a", "A", "iss", "ISS", "Iss", "sub", "jti", "aud", "exp", "nbf", "iat", "isss", "is",
		"abcdefg", "ABCDEFG", "abcdefh", "abcdefgh", "ABCDEFGH", "preferred_username", "PREFERRED_USERNAME",
		"@[`{", "_-~ ", "Z", "z"}
	for _, pad := range []string{"", ":1}", ":12345678}"} {
		key := func(n string) (uint64, uint64) {
			r := fastReader{b: []byte(`"` + n + `"` + pad)}
			return r.nameKey(1, 1+len(n))
		}
		for _, a := range names {
			wa, ka := key(a)
			if got, want := regName(len(a), wa), map[string]byte{"iss": 'i', "sub": 's', "jti": 'j', "aud": 'a',
				"exp": 'e', "nbf": 'n', "iat": 't'}[a]; got != want {
				t.Errorf("regName(%q) = %q, want %q", a, got, want)
			}
			for _, b := range names {
				_, kb := key(b)
				fold := strings.EqualFold(a, b)
				if fold && ka != kb || !fold && len(a) <= 7 && len(b) <= 7 && ka == kb {
					t.Errorf("pad %q: keys of %q and %q: %x %x", pad, a, b, ka, kb)
				}
			}
		}
	}
}

// TestClaimSetSignsOnlyWhatVerifies: a ClaimSet is signed only if the
// token's claims read back as the values given. A string that is not
// UTF-8 (written as U+FFFD, another issuer than the one given), a date
// beyond ±2^53 seconds or more than jose.MaxStrings audiences (both
// refused by verification) is an error; the dates and audience count at
// the bounds sign and verify.
func TestClaimSetSignsOnlyWhatVerifies(t *testing.T) {
	key := bytes.Repeat([]byte{1}, 32)
	sk := jws.SigningKey{Alg: "HS256", Key: key}
	v, err := NewVerifier(key, []string{"HS256"}, Validator{Now: func() time.Time { return time.Unix(-1<<53, 0) }, AnyAudience: true})
	if err != nil {
		t.Fatal(err)
	}
	auds := func(n int) []string { return strings.Split(strings.Repeat("a,", n-1)+"a", ",") }
	for _, c := range []struct {
		name string
		cs   ClaimSet
		want error // nil: signs and verifies
	}{
		{"iss not UTF-8", ClaimSet{Issuer: "\xff"}, jose.ErrMalformed},
		{"sub not UTF-8", ClaimSet{Subject: "a\xc3"}, jose.ErrMalformed},
		{"jti not UTF-8", ClaimSet{ID: "\xed\xa0\x80"}, jose.ErrMalformed},
		{"aud not UTF-8", ClaimSet{Audience: []string{"a", "\x80"}}, jose.ErrMalformed},
		{"exp past 2^53", ClaimSet{ExpiresAt: time.Unix(1<<53+1, 0)}, jose.ErrMalformed},
		{"nbf before -2^53", ClaimSet{NotBefore: time.Unix(-1<<53-1, 0)}, jose.ErrMalformed},
		{"iat past 2^53", ClaimSet{IssuedAt: time.Unix(1<<53+1, 0)}, jose.ErrMalformed},
		{"too many audiences", ClaimSet{Audience: auds(jose.MaxStrings + 1)}, jose.ErrLimit},
		{"dates at the bounds", ClaimSet{ExpiresAt: time.Unix(1<<53, 0), NotBefore: time.Unix(-1<<53, 0), IssuedAt: time.Unix(-1<<53, 0)}, nil},
		{"most audiences", ClaimSet{Issuer: "ü", Audience: auds(jose.MaxStrings)}, nil},
	} {
		tok, err := Sign(&c.cs, sk)
		if c.want != nil {
			if !errors.Is(err, c.want) {
				t.Errorf("%s: %.40s, %v; want %v", c.name, tok, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		got, err := v.Verify(tok)
		if err != nil {
			t.Errorf("%s: signed, then verify: %v", c.name, err)
			continue
		}
		if iss, _ := got.Issuer(); iss != c.cs.Issuer {
			t.Errorf("%s: iss %q, want %q", c.name, iss, c.cs.Issuer)
		}
	}
}

// TestInspectHeaderWithBadClaims pins Inspect's documented answer for a
// token whose payload is not a claims set: the header, nil claims and the
// error (a tool can still show the header); nothing for a token that does
// not parse.
func TestInspectHeaderWithBadClaims(t *testing.T) {
	h, c, err := Inspect([]byte("eyJhbGciOiJIUzI1NiJ9.W10.c2ln")) // payload []
	if err == nil || c != nil || h == nil || h.Alg != "HS256" {
		t.Fatalf("payload []: header %v, claims %v, error %v", h, c, err)
	}
	// an empty payload part ("detached" to jws.ParseCompact) is no claims
	// set either: the header is still shown (it was dropped before)
	h, c, err = Inspect([]byte("eyJhbGciOiJIUzI1NiJ9..c2ln"))
	if !errors.Is(err, jose.ErrMalformed) || c != nil || h == nil || h.Alg != "HS256" {
		t.Fatalf("empty payload: header %v, claims %v, error %v", h, c, err)
	}
	if h, c, err := Inspect([]byte("eyJhbGciOiJIUzI1NiJ9.W10")); err == nil || h != nil || c != nil {
		t.Fatalf("two parts: header %v, claims %v, error %v", h, c, err)
	}
}
