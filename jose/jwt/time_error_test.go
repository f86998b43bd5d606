package jwt

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestTimeErrorCarriesTimes: a token refused for "exp", "nbf" or "iat"
// returns a *TimeError that errors.As extracts, with the claim, its time,
// the Validator's time and leeway, and that errors.Is still matches to
// the sentinel; its text says the times in RFC 3339 UTC and by how much
// the token missed. On the base the errors were the bare sentinels: a
// service logging a refusal could not say how late a token was.
func TestTimeErrorCarriesTimes(t *testing.T) {
	now := time.Unix(1_800_000_000, 0).In(time.FixedZone("X", 3600)) // not UTC: the text is
	cases := []struct {
		payload  string
		leeway   time.Duration
		sentinel error
		claim    string
		at       time.Time
		text     string
	}{
		{`{"exp":1799999700}`, 30 * time.Second, ErrExpired, "exp", time.Unix(1799999700, 0),
			`jwt: token is expired: "exp" is 2027-01-15T07:55:00Z, 5m0s before now (2027-01-15T08:00:00Z, leeway 30s)`},
		{`{"exp":1800000000}`, 0, ErrExpired, "exp", time.Unix(1800000000, 0),
			`jwt: token is expired: "exp" is 2027-01-15T08:00:00Z, 0s before now (2027-01-15T08:00:00Z, leeway 0s)`},
		{`{"nbf":1800000120.5}`, time.Second, ErrNotYetValid, "nbf", time.Unix(1800000120, 5e8),
			`jwt: token is not valid yet: "nbf" is 2027-01-15T08:02:00.5Z, 2m0.5s after now (2027-01-15T08:00:00Z, leeway 1s)`},
		{`{"iat":1800003600}`, 0, ErrIssuedInFuture, "iat", time.Unix(1800003600, 0),
			`jwt: token is issued in the future: "iat" is 2027-01-15T09:00:00Z, 1h0m0s after now (2027-01-15T08:00:00Z, leeway 0s)`},
		{`{"exp":-9007199254740992}`, 0, ErrExpired, "exp", time.Unix(-9007199254740992, 0),
			`jwt: token is expired: "exp" is -285424812-02-20T16:23:28Z, more than 292 years before now (2027-01-15T08:00:00Z, leeway 0s)`},
	}
	for _, tc := range cases {
		t.Run(tc.payload, func(t *testing.T) {
			v := hsVerifier(t, Validator{Leeway: tc.leeway, Now: func() time.Time { return now }})
			_, err := v.Verify(signRaw(t, tc.payload))
			if !errors.Is(err, tc.sentinel) {
				t.Fatalf("Verify = %v, want %v", err, tc.sentinel)
			}
			var te *TimeError
			if !errors.As(err, &te) {
				t.Fatalf("Verify = %#v, not a *TimeError", err)
			}
			if te.Claim != tc.claim || !te.Time.Equal(tc.at) || te.Time.Location() != time.UTC ||
				!te.Now.Equal(now) || te.Leeway != tc.leeway || te.Err != tc.sentinel {
				t.Errorf("TimeError = %+v", *te)
			}
			if err.Error() != tc.text {
				t.Errorf("text\n%s\nwant\n%s", err, tc.text)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Error("text has a newline")
			}
		})
	}
}

// TestTimeErrorAcceptAllocs: the accept path of VerifyInto still allocates
// nothing with time claims present (a *TimeError is made only on refusal).
func TestTimeErrorAcceptAllocs(t *testing.T) {
	v := hsVerifier(t, Validator{})
	tok := signRaw(t, `{"exp":1800000060,"nbf":1799999990,"iat":1799999990}`)
	var c Claims
	if err := v.VerifyInto(t.Context(), tok, &c); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() {
		if err := v.VerifyInto(t.Context(), tok, &c); err != nil {
			t.Fatal(err)
		}
	}); n != 0 && !testenv.Race {
		t.Errorf("VerifyInto allocates %v times, want 0", n)
	}
}
