package jwt

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestRegisteredClaimErrorNamesClaim: a registered claim of the wrong JSON
// type, or a NumericDate out of range, is refused with an error that names
// the claim (quoted) and says "jwt: " once, on every path that reads a
// claims set: the fast-then-strict reader (parse), the strict one
// (parseStrict), Inspect, Verifier.Verify, Signer.AppendSignJSON and
// ClaimSet.AppendJSON through an Extra member. Before, the type error said
// "registered claim has the wrong JSON type" without saying which. The
// sentinels (errClaimType or errDateRange, and jose.ErrMalformed) still
// hold for errors.Is.
func TestRegisteredClaimErrorNamesClaim(t *testing.T) {
	signer, err := jws.NewSigner(hsKey(), nil)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := NewSigner(hsKey())
	if err != nil {
		t.Fatal(err)
	}
	v := hsVerifier(t, Validator{AnyAudience: true})
	for _, tc := range []struct {
		name, value string
		want        error
	}{
		{"iss", `1`, errClaimType},
		{"sub", `null`, errClaimType},
		{"jti", `["a"]`, errClaimType},
		{"aud", `5`, errClaimType},
		{"aud", `{}`, errClaimType},
		{"aud", `["a",null]`, errClaimType},
		{"exp", `"soon"`, errClaimType},
		{"nbf", `true`, errClaimType},
		{"iat", `null`, errClaimType},
		{"exp", `1e400`, errDateRange},
		{"nbf", `9007199254740993`, errDateRange},
		{"iat", `-9007199254740994.0`, errDateRange},
	} {
		in := `{"x":1,"` + tc.name + `":` + tc.value + `}`
		tok, err := signer.AppendCompact(nil, []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		paths := map[string]func() error{
			"parse":       func() error { c := &Claims{Raw: []byte(in)}; return c.parse() },
			"parseStrict": func() error { c := &Claims{Raw: []byte(in)}; return c.parseStrict() },
			"Inspect":     func() error { _, _, err := Inspect(tok); return err },
			"Verify":      func() error { _, err := v.Verify(tok); return err },
			"AppendSignJSON": func() error {
				_, err := sig.AppendSignJSON(nil, []byte(in))
				return err
			},
			"AppendJSON": func() error {
				cs := &ClaimSet{Extra: []jose.Member{{Name: tc.name, Value: []byte(tc.value)}}}
				_, err := cs.AppendJSON(nil)
				return err
			},
		}
		for path, call := range paths {
			err := call()
			if !errors.Is(err, tc.want) || !errors.Is(err, jose.ErrMalformed) {
				t.Errorf("%s %s: %v, want %v and jose.ErrMalformed", path, in, err, tc.want)
				continue
			}
			msg := err.Error()
			if !strings.Contains(msg, jose.QuoteName(tc.name)) {
				t.Errorf("%s %s: %q does not name %q", path, in, msg, tc.name)
			}
			if n := strings.Count(msg, "jwt: "); n != 1 {
				t.Errorf("%s %s: %q says \"jwt: \" %d times", path, in, msg, n)
			}
		}
	}
}

// TestClaimSetDateRangeSaysJWTOnce: ClaimSet's own check of a NumericDate
// out of range names the claim and says "jwt: " once (before: `jwt: "exp":
// jwt: NumericDate is not …`).
func TestClaimSetDateRangeSaysJWTOnce(t *testing.T) {
	far := time.Unix(1<<54, 0)
	for name, cs := range map[string]*ClaimSet{"exp": {ExpiresAt: far}, "nbf": {NotBefore: far}, "iat": {IssuedAt: far}} {
		_, err := cs.AppendJSON(nil)
		if !errors.Is(err, errDateRange) || !errors.Is(err, jose.ErrMalformed) {
			t.Fatalf("%s: %v, want errDateRange", name, err)
		}
		if msg := err.Error(); !strings.Contains(msg, jose.QuoteName(name)) || strings.Count(msg, "jwt: ") != 1 {
			t.Errorf("%s: %q", name, msg)
		}
	}
}
