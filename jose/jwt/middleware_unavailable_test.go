package jwt

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestMiddlewareKeySetUnavailable: when the remote JWK Set cannot be
// fetched (and no earlier set is held: jwk.ErrFetch), the middleware
// answers 503 Service Unavailable without an "invalid_token" challenge: the
// token was not judged, and a client told its token is invalid drops it.
// Once the set is served, the same token passes. On the base the outage was
// a 401 invalid_token.
func TestMiddlewareKeySetUnavailable(t *testing.T) {
	key, err := jwk.Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	key.Kid = "k1"
	pub, _ := key.PublicKey()
	body, err := (&jwk.Set{Keys: []*jwk.Key{pub}}).AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	var up atomic.Bool
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/jwk-set+json")
		w.Write(body)
	}))
	defer srv.Close()
	remote, err := jwk.NewRemote(srv.URL+"/jwks", jwk.RemoteOptions{Client: srv.Client(), Cooldown: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(remote, []string{"ES256"}, Validator{Audience: "api", Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	h := Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	good, _ := Sign(claimSet(), jws.SigningKey{Alg: "ES256", Key: key})
	do := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Authorization", "Bearer "+string(good))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	if rec := do(); rec.Code != http.StatusServiceUnavailable || rec.Header().Get("WWW-Authenticate") != "" {
		t.Errorf("key set down: %d, challenge %q; want 503 and none", rec.Code, rec.Header().Get("WWW-Authenticate"))
	}
	up.Store(true)
	time.Sleep(time.Millisecond) // past the cooldown
	if rec := do(); rec.Code != http.StatusOK {
		t.Errorf("key set up: %d, want 200", rec.Code)
	}
}
