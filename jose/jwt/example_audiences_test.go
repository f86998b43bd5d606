package jwt_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// A service behind two identity providers, known by two names, accepts a
// token from either issuer for either name, and no other.
func ExampleValidator_severalIssuersAndAudiences() {
	secret := bytes.Repeat([]byte{1}, 32)
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	v, err := jwt.NewVerifier(secret, []string{"HS256"}, jwt.Validator{
		Issuers:   []string{"https://idp-a.example", "https://idp-b.example"},
		Audiences: []string{"api", "https://api.example"},
		Required:  []string{"exp"},
		Now:       func() time.Time { return now },
	})
	if err != nil {
		panic(err)
	}
	for _, cs := range []jwt.ClaimSet{
		{Issuer: "https://idp-b.example", Audience: []string{"https://api.example"}},
		{Issuer: "https://idp-a.example", Audience: []string{"web", "api"}},
		{Issuer: "https://idp-c.example", Audience: []string{"api"}},
		{Issuer: "https://idp-a.example", Audience: []string{"web"}},
	} {
		cs.ExpiresAt = now.Add(time.Minute)
		tok, _ := jwt.Sign(&cs, jws.SigningKey{Alg: "HS256", Key: secret})
		_, err := v.Verify(tok)
		fmt.Printf("%s %v: %v\n", cs.Issuer, cs.Audience, err)
	}
	// Output:
	// https://idp-b.example [https://api.example]: <nil>
	// https://idp-a.example [web api]: <nil>
	// https://idp-c.example [api]: jwt: "iss": claim does not match
	// https://idp-a.example [web]: jwt: "aud": claim does not match
}
