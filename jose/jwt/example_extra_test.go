package jwt_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// Custom claims are built from Go values: a string keeps its quotes, and
// JSONClaim takes anything encoding/json encodes, checked as Verify will
// read it.
func ExampleJSONClaim() {
	scopes, err := jwt.JSONClaim("scopes", []string{"read", "write"})
	if err != nil {
		panic(err)
	}
	cs := &jwt.ClaimSet{
		Subject:   "alice",
		ExpiresAt: time.Date(2026, 11, 22, 13, 0, 0, 0, time.UTC),
		Extra: []jose.Member{
			jwt.StringClaim("role", "admin"),
			jwt.IntClaim("level", 3),
			jwt.BoolClaim("mfa", true),
			scopes,
		},
	}
	payload, err := cs.AppendJSON(nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(payload))

	secret := bytes.Repeat([]byte{1}, 32)
	tok, _ := jwt.Sign(cs, jws.SigningKey{Alg: "HS256", Key: secret})
	v, _ := jwt.NewVerifier(secret, []string{"HS256"}, jwt.Validator{
		Now: func() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) },
	})
	claims, err := v.Verify(tok)
	if err != nil {
		panic(err)
	}
	var custom struct {
		Role   string   `json:"role"`
		Scopes []string `json:"scopes"`
	}
	_ = claims.Decode(&custom)
	fmt.Println(custom.Role, custom.Scopes)

	_, err = jwt.JSONClaim("ratio", map[string]float64{"r": 0.5, "R": 1})
	fmt.Println(err)
	// Output:
	// {"sub":"alice","exp":1795352400,"role":"admin","level":3,"mfa":true,"scopes":["read","write"]}
	// admin [read write]
	// jwt: Extra claim "ratio": claim names differ only in case: jose: malformed input
}
