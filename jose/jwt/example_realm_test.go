package jwt_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// A service names its protection space, so that every challenge carries
// it, the one for a request without credentials included (RFC 6750 §3).
func ExampleRealm() {
	secret := bytes.Repeat([]byte{1}, 32)
	v, _ := jwt.NewVerifier(secret, []string{"HS256"}, jwt.Validator{Audience: "api"})
	h := jwt.Middleware(v, http.NotFoundHandler(), jwt.Realm("example"))
	for _, auth := range []string{"", "Bearer not.a.token"} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/api", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		h.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"))
	}
	// Output:
	// 401 Bearer realm="example"
	// 401 Bearer realm="example", error="invalid_token"
}
