package jwt_test

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// A service logs why Middleware refused a request; the client's answer
// stays the documented status and challenge, which do not say why.
func ExampleOnRefusal() {
	secret := bytes.Repeat([]byte{1}, 32)
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	v, _ := jwt.NewVerifier(secret, []string{"HS256"}, jwt.Validator{
		Audience: "api", Required: []string{"exp"}, Now: func() time.Time { return now },
	})
	logRefusal := jwt.OnRefusal(func(r *http.Request, status int, err error) {
		// a real service would use its logger (log/slog) here
		fmt.Printf("log: %s %s refused (%d): %v (expired: %v)\n",
			r.Method, r.URL.Path, status, err, errors.Is(err, jwt.ErrExpired))
	})
	h := jwt.Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := jwt.FromContext(r.Context())
		sub, _ := c.Subject()
		fmt.Fprintf(w, "hello %s", sub)
	}), logRefusal)

	sign := func(exp time.Time) string {
		tok, _ := jwt.Sign(&jwt.ClaimSet{Subject: "alice", Audience: []string{"api"}, ExpiresAt: exp},
			jws.SigningKey{Alg: "HS256", Key: secret})
		return string(tok)
	}
	for _, auth := range []string{
		"Bearer " + sign(now.Add(time.Minute)),
		"Bearer " + sign(now.Add(-time.Minute)),
		"Basic dXNlcjpwYXNz",
		"Bearer two words",
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/api", nil)
		req.Header.Set("Authorization", auth)
		h.ServeHTTP(rec, req)
		fmt.Printf("client: %d %s %q\n", rec.Code, rec.Header().Get("WWW-Authenticate"), rec.Body.String())
	}
	// Output:
	// client: 200  "hello alice"
	// log: GET /api refused (401): jwt: token is expired: "exp" is 2026-11-22T11:59:00Z, 1m0s before now (2026-11-22T12:00:00Z, leeway 0s) (expired: true)
	// client: 401 Bearer error="invalid_token" "unauthorized\n"
	// log: GET /api refused (401): jwt: the Authorization scheme is not Bearer: no bearer token (expired: false)
	// client: 401 Bearer "unauthorized\n"
	// log: GET /api refused (400): jwt: the Bearer credentials are not one b64token after one or more spaces: malformed bearer request (expired: false)
	// client: 400 Bearer error="invalid_request" "bad request\n"
}

// A refusal for "exp", "nbf" or "iat" is a *TimeError: errors.Is still
// matches the sentinel, and errors.As gives the times, to log by how much
// a token missed.
func ExampleTimeError() {
	secret := bytes.Repeat([]byte{1}, 32)
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	v, _ := jwt.NewVerifier(secret, []string{"HS256"}, jwt.Validator{
		Leeway: 30 * time.Second, Now: func() time.Time { return now },
	})
	tok, _ := jwt.Sign(&jwt.ClaimSet{Subject: "alice", ExpiresAt: now.Add(-5 * time.Minute)},
		jws.SigningKey{Alg: "HS256", Key: secret})

	_, err := v.Verify(tok)
	var te *jwt.TimeError
	if errors.Is(err, jwt.ErrExpired) && errors.As(err, &te) {
		fmt.Println("expired", te.Now.Sub(te.Time), "ago; leeway", te.Leeway)
	}
	fmt.Println(err)
	// Output:
	// expired 5m0s ago; leeway 30s
	// jwt: token is expired: "exp" is 2026-11-22T11:55:00Z, 5m0s before now (2026-11-22T12:00:00Z, leeway 30s)
}
