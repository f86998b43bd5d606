package jwt

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/jose"
)

// FuzzClaimSetRoundTrip: a ClaimSet that AppendJSON writes reads back,
// through the claims reader Verify uses, as the values given: the strings
// and audiences as they are, the times in whole seconds ("nbf" rounded up,
// the others down), an Extra claim's exact bytes (less whitespace around them); one it refuses has a
// string that is not UTF-8, a date beyond ±2^53 seconds or an Extra
// claim the reader refuses.
func FuzzClaimSetRoundTrip(f *testing.F) {
	f.Add("iss", "sub", "jti", "api", "", int64(1800000000), int64(5), int64(-3), int32(999999999), "scope", []byte(`"a b"`))
	f.Add("", "\u2028\"\\", "é", "", "x", int64(-1), int64(0), int64(1<<53), int32(1), "", []byte(`{"a":[1,{"b":null}]}`))
	f.Add("\xff", "", "", "a", "b", int64(1<<53+1), int64(0), int64(0), int32(0), "EXP", []byte(`1`))
	f.Fuzz(func(t *testing.T, iss, sub, jti, aud1, aud2 string, exp, nbf, iat int64, nsec int32, name string, value []byte) {
		tm := func(s int64) time.Time {
			if s == 0 {
				return time.Time{}
			}
			return time.Unix(s, int64(nsec)&0x3fffffff%1e9)
		}
		cs := &ClaimSet{Issuer: iss, Subject: sub, ID: jti, ExpiresAt: tm(exp), NotBefore: tm(nbf), IssuedAt: tm(iat)}
		if aud1 != "" {
			cs.Audience = append(cs.Audience, aud1)
		}
		if aud2 != "" {
			cs.Audience = append(cs.Audience, aud2)
		}
		if name != "" {
			cs.Extra = []jose.Member{{Name: name, Value: value}}
		}
		b, err := cs.AppendJSON(nil)
		if err != nil {
			if !errors.Is(err, jose.ErrMalformed) && !errors.Is(err, jose.ErrLimit) {
				t.Fatalf("AppendJSON: %v wraps neither ErrMalformed nor ErrLimit", err)
			}
			return
		}
		for _, s := range append([]string{iss, sub, jti, name}, cs.Audience...) {
			if !utf8.ValidString(s) {
				t.Fatalf("AppendJSON wrote %q, a string that is not UTF-8", s)
			}
		}
		c := Claims{Raw: b}
		if err := c.parse(); err != nil {
			t.Fatalf("AppendJSON wrote %s, which the reader refuses: %v", b, err)
		}
		str := func(claim, want string, got string, ok bool) {
			if want != "" && (!ok || got != want) || want == "" && ok && name != claim {
				t.Fatalf("%s: %q %v, want %q (%s)", claim, got, ok, want, b)
			}
		}
		g, ok := c.Issuer()
		str("iss", iss, g, ok)
		g, ok = c.Subject()
		str("sub", sub, g, ok)
		g, ok = c.ID()
		str("jti", jti, g, ok)
		if got, ok := c.Audience(); len(cs.Audience) > 0 && (!ok || !slices.Equal(got, cs.Audience)) {
			t.Fatalf("aud: %q %v, want %q (%s)", got, ok, cs.Audience, b)
		}
		date := func(claim string, want time.Time, got time.Time, ok bool) {
			if want.IsZero() {
				if ok && name != claim {
					t.Fatalf("%s present: %s", claim, b)
				}
				return
			}
			w := want.Unix()
			if claim == "nbf" && want.Nanosecond() != 0 {
				w++
			}
			if !ok || !got.Equal(time.Unix(w, 0)) {
				t.Fatalf("%s: %v %v, want %d s (%s)", claim, got, ok, w, b)
			}
		}
		d, ok := c.ExpiresAt()
		date("exp", cs.ExpiresAt, d, ok)
		d, ok = c.NotBefore()
		date("nbf", cs.NotBefore, d, ok)
		d, ok = c.IssuedAt()
		date("iat", cs.IssuedAt, d, ok)
		if name != "" {
			// the value as given, less JSON whitespace around it
			if got, ok := c.Get(name); !ok || string(got) != strings.Trim(string(value), " \t\r\n") {
				t.Fatalf("extra %q: %q %v, want %q", name, got, ok, value)
			}
		}
	})
}
