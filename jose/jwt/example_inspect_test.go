package jwt_test

import (
	"bytes"
	"fmt"

	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// Inspect shows what a token says without verifying it: for display and
// debugging only, never for a decision.
func ExampleInspect() {
	tok, _ := jwt.Sign(&jwt.ClaimSet{Issuer: "https://idp.example", Subject: "alice"},
		jws.SigningKey{Alg: "HS256", Key: bytes.Repeat([]byte{1}, 32), KeyID: "2026-11"})
	h, claims, err := jwt.Inspect(tok)
	if err != nil {
		panic(err)
	}
	iss, _ := claims.Issuer()
	sub, _ := claims.Subject()
	fmt.Println(h.Alg, h.Kid, iss, sub)
	// Output: HS256 2026-11 https://idp.example alice
}
