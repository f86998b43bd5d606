package jwt_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// A handler's test puts claims where FromContext finds them, as
// Middleware would, without a token on the request.
func ExampleNewContext() {
	secret := bytes.Repeat([]byte{1}, 32)
	v, _ := jwt.NewVerifier(secret, []string{"HS256"}, jwt.Validator{})
	tok, _ := jwt.Sign(&jwt.ClaimSet{Subject: "alice"}, jws.SigningKey{Alg: "HS256", Key: secret})
	claims, _ := v.Verify(tok)

	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := jwt.FromContext(r.Context())
		if !ok {
			http.Error(w, "no claims", http.StatusUnauthorized)
			return
		}
		sub, _ := c.Subject()
		fmt.Fprintf(w, "hello %s", sub)
	})
	req := httptest.NewRequest("GET", "/", nil)
	req = req.WithContext(jwt.NewContext(req.Context(), claims))
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Body.String())
	// Output: 200 hello alice
}
