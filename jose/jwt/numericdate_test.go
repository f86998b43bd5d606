package jwt

import (
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestNumericDateExact: a NumericDate that is not an integer is read as the
// number it is, not as the nearest float64, so that comparing it with the
// current time (which has nanoseconds) gives the verdict RFC 7519 §4.1.4–
// 4.1.6 give the number: valid while now < "exp", not before "nbf", "iat"
// not after now. A number beyond ±2^53 seconds is out of the range the
// reader takes (jose.ErrMalformed) in any spelling. On 383bbff "exp":
// 100.0000000005 was expired at 100 s (read as 100), "nbf": 100.0000000005
// valid at 100 s, "exp": 1800000000.0000001 expired 50 ns before it (the
// nearest float64 is 1800000000), "exp": 1e-400 expired at 0 (read as 0),
// and 9007199254740992.5 or 9007199254740993.0 passed as 2^53 though the
// integer 9007199254740993 is refused.
func TestNumericDateExact(t *testing.T) {
	s, err := NewSigner(hsKey())
	if err != nil {
		t.Fatal(err)
	}
	zeros := strings.Repeat("0", 499)
	for _, tc := range []struct {
		claims    string
		sec, nsec int64 // now
		want      error
	}{
		{`{"exp":100.0000000005}`, 100, 0, nil},
		{`{"exp":100.0000000005}`, 100, 1, ErrExpired},
		{`{"nbf":100.0000000005}`, 100, 0, ErrNotYetValid},
		{`{"nbf":100.0000000005}`, 100, 1, nil},
		{`{"iat":100.0000000005}`, 100, 0, ErrIssuedInFuture},
		{`{"iat":100.0000000005}`, 100, 1, nil},
		{`{"exp":1800000000.0000001}`, 1800000000, 50, nil},
		{`{"exp":1800000000.0000001}`, 1800000000, 99, nil},
		{`{"exp":1800000000.0000001}`, 1800000000, 100, ErrExpired},
		{`{"nbf":1800000000.0000001}`, 1800000000, 99, ErrNotYetValid},
		{`{"nbf":1800000000.0000001}`, 1800000000, 100, nil},
		{`{"exp":1e-400}`, 0, 0, nil},
		{`{"exp":1e-400}`, 0, 1, ErrExpired},
		{`{"exp":-1e-400}`, 0, 0, ErrExpired},
		{`{"exp":-1e-400}`, -1, 999999999, nil},
		{`{"nbf":-1e-400}`, -1, 999999999, ErrNotYetValid},
		{`{"nbf":-1e-400}`, 0, 0, nil},
		{`{"exp":-0.0}`, 0, 0, ErrExpired},
		{`{"exp":0.5e1}`, 4, 999999999, nil},
		{`{"exp":0.5e1}`, 5, 0, ErrExpired},
		{`{"exp":12345678901234567e-8}`, 123456789, 12345669, nil},
		{`{"exp":12345678901234567e-8}`, 123456789, 12345670, ErrExpired},
		{`{"exp":-2.25}`, -3, 750000000 - 1, nil},
		{`{"exp":-2.25}`, -3, 750000000, ErrExpired},
		{`{"exp":0.` + zeros + `1e500}`, 0, 999999999, nil},
		{`{"exp":0.` + zeros + `1e500}`, 1, 0, ErrExpired},
		{`{"exp":1e-999999999999999999999}`, 0, 0, nil},
		{`{"exp":1E+2}`, 99, 999999999, nil},
		{`{"exp":9.007199254740992e15}`, 1e9, 0, nil},
		{`{"exp":9007199254740992.000}`, 1e9, 0, nil},
		{`{"exp":-9007199254740992.0}`, -1e9, 0, ErrExpired},
		{`{"exp":9007199254740992.5}`, 1e9, 0, jose.ErrMalformed},
		{`{"exp":9007199254740992.0000000001}`, 1e9, 0, jose.ErrMalformed},
		{`{"exp":9007199254740993.0}`, 1e9, 0, jose.ErrMalformed},
		{`{"exp":-9007199254740992.5}`, 1e9, 0, jose.ErrMalformed},
		{`{"exp":1e16}`, 1e9, 0, jose.ErrMalformed},
		{`{"exp":1e999999999999999999999}`, 1e9, 0, jose.ErrMalformed},
		{`{"nbf":9007199254740993e0}`, 1e9, 0, jose.ErrMalformed},
	} {
		now := time.Unix(tc.sec, tc.nsec)
		tok, err := s.AppendSignJSON(nil, []byte(tc.claims))
		if err != nil {
			if tc.want == nil || !errors.Is(err, tc.want) {
				t.Errorf("%.60s: sign: %v, want %v", tc.claims, err, tc.want)
			}
			continue
		}
		if tc.want == jose.ErrMalformed {
			t.Errorf("%.60s: signed, want %v", tc.claims, tc.want)
		}
		v, err := NewVerifier(secret, []string{"HS256"}, Validator{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Verify(tok); !errors.Is(err, tc.want) || tc.want == nil && err != nil {
			t.Errorf("%.60s at %d.%09d: %v, want %v", tc.claims, tc.sec, tc.nsec, err, tc.want)
		}
	}
}

// TestNumericDateTimes: the times Claims returns for non-integer
// NumericDates are the least nanosecond at or above the number.
func TestNumericDateTimes(t *testing.T) {
	c, err := parseClaims(`{"exp":1.0000000001,"nbf":-1.5,"iat":2.5e-9}`)
	if err != nil {
		t.Fatal(err)
	}
	exp, _ := c.ExpiresAt()
	nbf, _ := c.NotBefore()
	iat, _ := c.IssuedAt()
	for _, g := range []struct {
		name      string
		got, want time.Time
	}{
		{"exp", exp, time.Unix(1, 1)}, {"nbf", nbf, time.Unix(-2, 5e8)}, {"iat", iat, time.Unix(0, 3)},
	} {
		if !g.got.Equal(g.want) {
			t.Errorf("%s: %v, want %v", g.name, g.got, g.want.UTC())
		}
	}
}

// FuzzNumericDate: parseDate agrees with exact rational arithmetic
// (math/big) on every JSON number with a fraction or an exponent: the
// least nanosecond at or above it, or out of range beyond ±2^53 seconds.
func FuzzNumericDate(f *testing.F) {
	for _, s := range []string{"1.5", "-1.5", "100.0000000005", "1e-400", "-1e-400", "9007199254740992.5",
		"9.007199254740992e15", "-9007199254740992.0", "0.0", "-0.0", "12345678901234567e-8", "1E+2",
		"0.000000001", "-0.0000000001", "999999999.9999999999", "-999999999.9999999999", "1e16", "1e15"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := lejp.NewDecoderBytes([]byte(s), nil)
		tok, err := d.ReadToken()
		if err != nil || tok.Kind != lejp.Float {
			return
		}
		s = string(tok.Value) // the number, without whitespace around it
		if i := strings.IndexAny(s, "eE"); i >= 0 && len(strings.TrimLeft(s[i+1:], "+-0")) > 4 {
			return // math/big would build a number of that many digits
		}
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("big.Rat cannot read %q", s)
		}
		lim := new(big.Rat).SetInt64(maxDate)
		inRange := r.Cmp(lim) <= 0 && r.Cmp(new(big.Rat).Neg(lim)) >= 0
		got, gotOK := parseDate([]byte(s))
		if gotOK != inRange {
			t.Fatalf("%q: in range %v, parseDate %v", s, inRange, gotOK)
		}
		if !gotOK {
			return
		}
		// the least whole nanosecond count at or above r·1e9
		ns := new(big.Rat).Mul(r, big.NewRat(1e9, 1))
		q, m := new(big.Int).DivMod(ns.Num(), ns.Denom(), new(big.Int)) // floor division
		if m.Sign() != 0 {
			q.Add(q, big.NewInt(1))
		}
		want := new(big.Int).Add(new(big.Int).Mul(big.NewInt(got.sec), big.NewInt(1e9)), big.NewInt(int64(got.nsec)))
		if q.Cmp(want) != 0 || got.nsec < 0 || got.nsec >= 1e9 {
			t.Fatalf("%q: parseDate %d s %d ns, want %v ns", s, got.sec, got.nsec, q)
		}
	})
}
