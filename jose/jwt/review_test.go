package jwt

// Defects found by the session 9 review of RFC 7519 §7.2 and the claims
// writer; each test failed before its fix.

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestNestedRefused: a token whose "cty" says JWT (RFC 7519 §5.2, any case,
// with or without "application/") is a nested JWT, whose payload is
// another JWT (§7.2 step 8). The package does not support nesting, so it
// refuses such tokens, saying so. Before, a nested token failed as claims
// that are not JSON, and a token labelled nested whose payload was a JSON
// object passed as a plain JWT.
func TestNestedRefused(t *testing.T) {
	v := hsVerifier(t, Validator{})
	inner := mustSign(t, claimSet())
	for _, cty := range []string{"JWT", "jwt", "application/jwt", "Application/JWT"} {
		for _, payload := range [][]byte{inner, []byte(`{"sub":"x"}`)} {
			tok, err := jws.Sign(payload, jws.SigningKey{Alg: "HS256", Key: secret, ContentType: cty}, nil)
			if err != nil {
				t.Fatal(err)
			}
			c, err := v.Verify(tok)
			if !errors.Is(err, jose.ErrMalformed) || !strings.Contains(err.Error(), "nested") || c != nil {
				t.Errorf("cty %q, payload %.12s…: %v, want ErrMalformed saying nested", cty, payload, err)
			}
		}
	}
	// another content type is not nesting
	tok, _ := jws.Sign([]byte(`{"sub":"x"}`), jws.SigningKey{Alg: "HS256", Key: secret, ContentType: "json"}, nil)
	if _, err := v.Verify(tok); err != nil {
		t.Errorf(`cty "json": %v`, err)
	}
}

// TestUnencodedRefused: a JWT's payload is the base64url-encoded claims
// set (RFC 7519 §3, §7.2 step 9), so a JWS with "b64": false (RFC 7797) is
// not a JWT, whatever its payload reads as. Before, one whose raw payload
// was a claims set without '.' verified as a JWT.
func TestUnencodedRefused(t *testing.T) {
	v := hsVerifier(t, Validator{})
	tok, err := jws.Sign([]byte(`{"sub":"x"}`), jws.SigningKey{Alg: "HS256", Key: secret, Type: "JWT"}, &jws.SignOptions{Unencoded: true})
	if err != nil {
		t.Fatal(err)
	}
	if c, err := v.Verify(tok); !errors.Is(err, jose.ErrMalformed) || c != nil {
		t.Errorf("b64 false: %v, want ErrMalformed", err)
	}
	// "b64": true, listed in "crit", is the ordinary encoding
	tok, err = jws.Sign([]byte(`{"sub":"x"}`), jws.SigningKey{Alg: "HS256", Key: secret, Protected: []jose.Member{
		{Name: "b64", Value: []byte("true")}, {Name: "crit", Value: []byte(`["b64"]`)}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(tok); err != nil {
		t.Errorf("b64 true: %v", err)
	}
}

// TestClaimSetEmptyAudience: an Audience of one empty string is written,
// as "aud": "" (a field that is set is not a zero field), as two empty
// strings are written as an array. Before, it was dropped, so the token
// carried no "aud" at all.
func TestClaimSetEmptyAudience(t *testing.T) {
	for _, aud := range [][]string{{""}, {"", ""}} {
		b, err := (&ClaimSet{Audience: aud}).AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		c := Claims{Raw: b}
		if err := c.parse(); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Audience(); !ok || len(got) != len(aud) {
			t.Errorf("Audience %q written as %s", aud, b)
		}
	}
}

// TestSignerRefusesNested: a Signer signs claims sets, so it refuses a
// header whose "cty" says the payload is a nested JWT (RFC 7519 §5.2),
// given as ContentType, as a Protected member or in Header: the Verifier
// refuses such tokens, and a token must read back as it was signed.
// Before, NewSigner took them and signed tokens no Verifier accepts.
func TestSignerRefusesNested(t *testing.T) {
	for name, key := range map[string]jws.SigningKey{
		"ContentType": {Alg: "HS256", Key: secret, ContentType: "JWT"},
		"Protected":   {Alg: "HS256", Key: secret, Protected: []jose.Member{{Name: "cty", Value: []byte(`"application/jwt"`)}}},
		"Header":      {Alg: "HS256", Key: secret, Header: []byte(`{"alg":"HS256","cty":"jwt"}`)},
	} {
		if _, err := NewSigner(key); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%s: %v, want ErrMalformed", name, err)
		}
		if _, err := Sign(claimSet(), key); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("Sign, %s: %v, want ErrMalformed", name, err)
		}
	}
	// another content type signs and verifies
	tok, err := Sign(claimSet(), jws.SigningKey{Alg: "HS256", Key: secret, ContentType: "json"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hsVerifier(t, Validator{Audience: "api"}).Verify(tok); err != nil {
		t.Error(err)
	}
}

// TestCriticalRefused: Claims carries no header, so a caller cannot
// process a critical extension (RFC 7515 §4.1.11) through this package
// even when it names it with jws.Critical: a token whose "crit" lists one
// is jose.ErrCrit. Before, it verified and the extension went unseen
// (catalog row 18).
func TestCriticalRefused(t *testing.T) {
	v, err := NewVerifier(secret, []string{"HS256"}, Validator{Now: clock}, jws.Critical("exp"))
	if err != nil {
		t.Fatal(err)
	}
	// jwt.Sign refuses this header (TestSignerCritRefused): sign with jws
	raw, _ := claimSet().AppendJSON(nil)
	tok, err := jws.Sign(raw, jws.SigningKey{Alg: "HS256", Key: secret, Type: "JWT", Protected: []jose.Member{
		{Name: "crit", Value: []byte(`["exp"]`)}, {Name: "exp", Value: []byte("1")}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c, err := v.Verify(tok); !errors.Is(err, jose.ErrCrit) || c != nil {
		t.Errorf("crit [exp]: %v, want ErrCrit", err)
	}
}

// TestClaimSetNotBeforeRoundsUp: ClaimSet writes whole seconds; a
// NotBefore with a fraction rounds up, so the token is never valid before
// the time given (as ExpiresAt rounds down, so it is never valid after).
// Before, NotBefore was truncated, and a token valid from t+0.5 s verified
// at t+0.1 s.
func TestClaimSetNotBeforeRoundsUp(t *testing.T) {
	nbf := t0.Add(500 * time.Millisecond)
	tok := mustSign(t, &ClaimSet{NotBefore: nbf, ExpiresAt: t0.Add(time.Hour + 500*time.Millisecond)})
	for _, tc := range []struct {
		now  time.Time
		want error
	}{
		{t0.Add(100 * time.Millisecond), ErrNotYetValid},
		{t0.Add(time.Second), nil},
		{t0.Add(time.Hour), ErrExpired},
	} {
		_, err := hsVerifier(t, Validator{Now: func() time.Time { return tc.now }}).Verify(tok)
		if !errors.Is(err, tc.want) || tc.want == nil && err != nil {
			t.Errorf("at %v: %v, want %v", tc.now.Sub(t0), err, tc.want)
		}
	}
	// the rounded value stays within the NumericDate range
	edge := time.Unix(1<<53-1, 1)
	if _, err := (&ClaimSet{NotBefore: edge}).AppendJSON(nil); err != nil {
		t.Errorf("nbf 2^53-1 s + 1 ns: %v", err)
	}
	if _, err := (&ClaimSet{NotBefore: time.Unix(1<<53, 1)}).AppendJSON(nil); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("nbf 2^53 s + 1 ns: %v, want ErrMalformed", err)
	}
}

// TestTimeEdges: "exp", "nbf" and "iat" at and around their bounds, with
// and without leeway, fractional, zero, negative, in exponent form and at
// the ±2^53 range limit (RFC 7519 §4.1.4–4.1.6: the token is valid while
// now < exp and now >= nbf, each widened by the leeway). Passes on the
// base, but nothing failed when the leeway was dropped from the "nbf"
// check (mutation).
func TestTimeEdges(t *testing.T) {
	at := func(s float64) func() time.Time {
		return func() time.Time { return time.Unix(0, 0).Add(time.Duration(s * float64(time.Second))) }
	}
	s, err := NewSigner(hsKey())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		claims string
		now    float64
		leeway time.Duration
		want   error
	}{
		{`{"exp":100.5}`, 100.5, 0, ErrExpired},
		{`{"exp":100.5}`, 100.499, 0, nil},
		{`{"exp":100.5}`, 101.5, time.Second, ErrExpired},
		{`{"exp":100.5}`, 101.49, time.Second, nil},
		{`{"nbf":100.5}`, 100.4, 0, ErrNotYetValid},
		{`{"nbf":100.5}`, 100.5, 0, nil},
		{`{"nbf":100.5}`, 99.5, time.Second, nil},
		{`{"nbf":100.5}`, 99.4, time.Second, ErrNotYetValid},
		{`{"iat":100.5}`, 99.5, time.Second, nil},
		{`{"iat":100.5}`, 99.4, time.Second, ErrIssuedInFuture},
		{`{"exp":0}`, 0, 0, ErrExpired},
		{`{"exp":0}`, -0.5, 0, nil},
		{`{"exp":-1.5}`, -1.6, 0, nil},
		{`{"exp":-1.5}`, -1.5, 0, ErrExpired},
		{`{"exp":1e2}`, 99.9, 0, nil},
		{`{"exp":1E2}`, 100, 0, ErrExpired},
		{`{"exp":-0}`, -0.1, 0, nil},
		{`{"exp":9007199254740992}`, 1e9, 0, nil},
		{`{"exp":9007199254740993}`, 1e9, 0, jose.ErrMalformed},
		{`{"exp":9007199254740992.0}`, 1e9, 0, nil},
		{`{"exp":9007199254740994.0}`, 1e9, 0, jose.ErrMalformed},
		{`{"exp":-9007199254740992}`, -1e9, 0, ErrExpired},
	} {
		tok, err := s.AppendSignJSON(nil, []byte(tc.claims))
		if err != nil {
			if !errors.Is(err, tc.want) {
				t.Errorf("%s: sign: %v", tc.claims, err)
			}
			continue
		}
		v, err := NewVerifier(secret, []string{"HS256"}, Validator{Now: at(tc.now), Leeway: tc.leeway})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(tok); !errors.Is(err, tc.want) || tc.want == nil && err != nil {
			t.Errorf("%s at %v, leeway %v: %v, want %v", tc.claims, tc.now, tc.leeway, err, tc.want)
		}
	}
}

// TestNewVerifierLeavesOptionsAlone: NewVerifier adds jws.RequireType for
// Validator.Type to its own copy of opts. Before, it appended to the
// caller's slice, so with spare capacity it wrote into the caller's array:
// two NewVerifier calls sharing one options slice from two goroutines
// raced there, and one could build its verifier with the other's type.
func TestNewVerifierLeavesOptionsAlone(t *testing.T) {
	opts := make([]jws.Option, 1, 2)
	opts[0] = jws.RequireKeyID()
	if _, err := NewVerifier(secret, []string{"HS256"}, Validator{Type: "JWT"}, opts...); err != nil {
		t.Fatal(err)
	}
	if extra := opts[:2][1]; extra != nil {
		t.Error("NewVerifier wrote an option into the caller's slice")
	}
}

// TestClaimSetExtraNameUTF8: an Extra claim name that is not UTF-8 is an
// error, as a registered claim's string is: JSON would carry it as U+FFFD,
// so the token would name another claim than the one given. Before, the
// name was written with U+FFFD and signed.
func TestClaimSetExtraNameUTF8(t *testing.T) {
	cs := &ClaimSet{Extra: []jose.Member{{Name: "sc\xffope", Value: []byte(`"x"`)}}}
	if b, err := cs.AppendJSON(nil); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("AppendJSON: %s, %v, want ErrMalformed", b, err)
	}
	if tok, err := Sign(cs, hsKey()); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("Sign: %s, %v, want ErrMalformed", tok, err)
	}
}
