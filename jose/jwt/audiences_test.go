package jwt

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
)

// TestIssuersAndAudiencesLists: Validator.Issuers and Audiences accept a
// token whose "iss" is any one of Issuers and whose "aud" is, or holds,
// any one of Audiences; RFC 7519 §4.1.3 still refuses a token with "aud"
// when neither Audience nor Audiences is set (unless AnyAudience). On the
// base a service behind two IdPs, or known by two names, could not say so
// (the Validator took one issuer and one audience).
func TestIssuersAndAudiencesLists(t *testing.T) {
	two := Validator{Issuers: []string{"https://a.example", "https://b.example"}, Audiences: []string{"api", "api-v2"}}
	cases := []struct {
		name    string
		payload string
		val     Validator
		want    error
	}{
		{"first issuer, first audience", `{"iss":"https://a.example","aud":"api"}`, two, nil},
		{"second issuer, second audience in an array", `{"iss":"https://b.example","aud":["x","api-v2"]}`, two, nil},
		{"other issuer", `{"iss":"https://c.example","aud":"api"}`, two, ErrClaimMismatch},
		{"no issuer", `{"aud":"api"}`, two, ErrClaimMismatch},
		{"other audience", `{"iss":"https://a.example","aud":["web","x"]}`, two, ErrClaimMismatch},
		{"no audience", `{"iss":"https://a.example"}`, two, ErrClaimMismatch},
		{"empty aud array", `{"iss":"https://a.example","aud":[]}`, two, ErrClaimMismatch},
		{"prefix is not a match", `{"iss":"https://a.example","aud":"ap"}`, two, ErrClaimMismatch},
		{"Issuers only, aud present", `{"iss":"https://a.example","aud":"api"}`, Validator{Issuers: two.Issuers}, ErrClaimMismatch},
		{"Issuers only, AnyAudience", `{"iss":"https://a.example","aud":"api"}`, Validator{Issuers: two.Issuers, AnyAudience: true}, nil},
		{"Audiences with AnyAudience still checks", `{"aud":"web"}`, Validator{Audiences: two.Audiences, AnyAudience: true}, ErrClaimMismatch},
		{"one-element lists", `{"iss":"i","aud":"a"}`, Validator{Issuers: []string{"i"}, Audiences: []string{"a"}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := hsVerifier(t, tc.val).Verify(signRaw(t, tc.payload))
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("Verify = %v, want %v", err, tc.want)
			}
		})
	}
}

// TestIssuersAudiencesAmbiguityRefused: setting both the single field and
// its list, or an empty string in a list, is refused by NewVerifier
// (jose.ErrMalformed) rather than guessed at: an empty Issuer means "any
// issuer", so an empty element of Issuers could be read either way.
func TestIssuersAudiencesAmbiguityRefused(t *testing.T) {
	for _, val := range []Validator{
		{Issuer: "a", Issuers: []string{"b"}},
		{Audience: "a", Audiences: []string{"b"}},
		{Issuers: []string{"a", ""}},
		{Audiences: []string{""}},
	} {
		_, err := NewVerifier(secret, []string{"HS256"}, val)
		if !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("NewVerifier(%+v) = %v, want jose.ErrMalformed", val, err)
		}
	}
}

// TestAudiencesListCopied: NewVerifier copies Issuers and Audiences, so a
// caller changing its slices later changes nothing.
func TestAudiencesListCopied(t *testing.T) {
	iss, aud := []string{"i"}, []string{"a"}
	v := hsVerifier(t, Validator{Issuers: iss, Audiences: aud})
	iss[0], aud[0] = "x", "y"
	if _, err := v.Verify(signRaw(t, `{"iss":"i","aud":"a"}`)); err != nil {
		t.Fatal(err)
	}
}

// TestAudiencesCheckLinear: an "aud" of jose.MaxStrings strings against a
// long Audiences list costs a number of string comparisons bounded by
// len("aud") times a small constant, not len("aud")·len(Audiences) (which
// an attacker holding any signing key could make a million comparisons of
// long strings per token); the accept path allocates nothing.
func TestAudiencesCheckLinear(t *testing.T) {
	n := 0
	defer func(f func([]byte, string) bool) { strEqual = f }(strEqual)
	strEqual = func(b []byte, s string) bool { n++; return string(b) == s }

	pad := strings.Repeat("p", 64)
	var auds []string
	for i := range 1000 {
		auds = append(auds, fmt.Sprintf("%s%04d", pad, i))
	}
	var tokAud []string
	for i := range jose.MaxStrings {
		tokAud = append(tokAud, fmt.Sprintf("%q", fmt.Sprintf("%s%04d", pad, 5000+i)))
	}
	refused := signRaw(t, `{"aud":[`+strings.Join(tokAud, ",")+`]}`)
	tokAud[len(tokAud)-1] = fmt.Sprintf("%q", auds[999])
	accepted := signRaw(t, `{"aud":[`+strings.Join(tokAud, ",")+`]}`)

	for _, size := range []int{1, setScan, setScan + 1, 1000} {
		list := auds[len(auds)-size:]
		v := hsVerifier(t, Validator{Audiences: list})
		n = 0
		if _, err := v.Verify(refused); !errors.Is(err, ErrClaimMismatch) {
			t.Fatalf("%d audiences: Verify = %v", size, err)
		}
		if bound := jose.MaxStrings * setScan; n > bound {
			t.Errorf("%d audiences: %d comparisons for %d in \"aud\", want at most %d", size, n, jose.MaxStrings, bound)
		}
		var c Claims
		if err := v.VerifyInto(t.Context(), accepted, &c); err != nil {
			t.Fatalf("%d audiences: %v", size, err)
		}
		if a := testing.AllocsPerRun(20, func() { _ = v.VerifyInto(t.Context(), accepted, &c) }); a != 0 && !testenv.Race {
			t.Errorf("%d audiences: VerifyInto allocates %v times, want 0", size, a)
		}
	}
}
