package jwt

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestMiddlewareFetchDeadline: when the request's context ends (a server
// deadline, a cancelled request) while Middleware waits for a *jwk.Remote
// fetch, the token was not judged, so the answer is 503 without a
// challenge, as for a key set that cannot be fetched. Before, it was 401
// with "invalid_token", telling the client to drop a token nobody checked.
func TestMiddlewareFetchDeadline(t *testing.T) {
	key, err := jwk.Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	key.Kid = "k1"
	srv := testenv.HangingServer(t, true) // the JWKS server hangs
	remote, err := jwk.NewRemote(srv.URL+"/jwks", jwk.RemoteOptions{Client: srv.Client(), Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(remote, []string{"ES256"}, Validator{Audience: "api", Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	reached := false
	h := Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached = true }))
	good, _ := Sign(claimSet(), jws.SigningKey{Alg: "ES256", Key: key})
	for name, ctx := range map[string]func() (context.Context, context.CancelFunc){
		"deadline": func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), time.Millisecond)
		},
		"cancelled": func() (context.Context, context.CancelFunc) {
			c, f := context.WithCancel(context.Background())
			f()
			return c, f
		},
	} {
		c, cancel := ctx()
		req := httptest.NewRequestWithContext(c, "GET", "/", nil)
		req.Header.Set("Authorization", "Bearer "+string(good))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		cancel()
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("WWW-Authenticate") != "" || reached {
			t.Errorf("%s: %d, challenge %q, handler reached %v; want 503, none, false", name, rec.Code, rec.Header().Get("WWW-Authenticate"), reached)
		}
	}
}
