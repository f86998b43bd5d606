package jwt_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

func Example() {
	secret := bytes.Repeat([]byte{1}, 32)
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	tok, _ := jwt.Sign(&jwt.ClaimSet{Issuer: "https://idp.example", Subject: "alice",
		Audience: []string{"api"}, ExpiresAt: now.Add(15 * time.Minute)},
		jws.SigningKey{Alg: "HS256", Key: secret})

	v, _ := jwt.NewVerifier(secret, []string{"HS256"}, jwt.Validator{
		Issuer: "https://idp.example", Audience: "api", Required: []string{"exp"},
		Now: func() time.Time { return now },
	})
	claims, err := v.Verify(tok)
	if err != nil {
		panic(err)
	}
	sub, _ := claims.Subject()
	exp, _ := claims.ExpiresAt()
	fmt.Println(sub, exp)
	// Output: alice 2026-11-22 12:15:00 +0000 UTC
}

func ExampleMiddleware() {
	secret := bytes.Repeat([]byte{1}, 32)
	v, _ := jwt.NewVerifier(secret, []string{"HS256"}, jwt.Validator{Audience: "api", Required: []string{"exp"}})
	h := jwt.Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := jwt.FromContext(r.Context())
		sub, _ := c.Subject()
		fmt.Fprintf(w, "hello %s", sub)
	}))
	tok, _ := jwt.Sign(&jwt.ClaimSet{Subject: "alice", Audience: []string{"api"}, ExpiresAt: time.Now().Add(time.Minute)},
		jws.SigningKey{Alg: "HS256", Key: secret})

	for _, auth := range []string{"Bearer " + string(tok), "Bearer " + string(tok[:len(tok)-2])} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Authorization", auth)
		h.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Body.String())
	}
	// Output:
	// 200 hello alice
	// 401 unauthorized
}
