package jwt

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestMiddlewareRemoteJWKS: the middleware verifies bearer tokens against a
// remote JWKS (over TLS), puts the claims in the context, and turns every
// failure into 401 without reaching the handler.
func TestMiddlewareRemoteJWKS(t *testing.T) {
	key, err := jwk.Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	key.Kid = "k1"
	pub, _ := key.PublicKey()
	set := &jwk.Set{Keys: []*jwk.Key{pub}}
	body, err := set.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	var fetches atomic.Int64
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetches.Add(1)
		w.Header().Set("Content-Type", "application/jwk-set+json")
		w.Write(body)
	}))
	defer srv.Close()
	remote, err := jwk.NewRemote(srv.URL+"/jwks", jwk.RemoteOptions{Client: srv.Client(), Cooldown: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(remote, []string{"ES256"}, Validator{Audience: "api", Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	reached := 0
	h := Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached++
		c, ok := FromContext(r.Context())
		if !ok {
			t.Error("no claims in context")
		}
		sub, _ := c.Subject()
		io.WriteString(w, sub)
	}))
	good, _ := Sign(claimSet(), jws.SigningKey{Alg: "ES256", Key: key})
	other, _ := jwk.Generate("ES256", nil)
	other.Kid = "k2"
	stranger, _ := Sign(claimSet(), jws.SigningKey{Alg: "ES256", Key: other})
	wrongAud := claimSet()
	wrongAud.Audience = []string{"other"}
	badAud, _ := Sign(wrongAud, jws.SigningKey{Alg: "ES256", Key: key})

	var challenge string // the last response's WWW-Authenticate
	do := func(headers ...string) (int, string) {
		req := httptest.NewRequest("GET", "/", nil)
		for _, h := range headers {
			req.Header.Add("Authorization", h)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		challenge = rec.Header().Get("WWW-Authenticate")
		return rec.Code, rec.Body.String()
	}
	if code, body := do("Bearer " + string(good)); code != 200 || body != "alice" {
		t.Fatalf("good token: %d %q", code, body)
	}
	if code, _ := do("bearer " + string(good)); code != 200 {
		t.Fatalf("lower-case scheme: %d", code)
	}
	for name, hs := range map[string][]string{
		"none":          nil,
		"stranger":      {"Bearer " + string(stranger)},
		"wrong aud":     {"Bearer " + string(badAud)},
		"basic":         {"Basic " + string(good)},
		"beaver":        {"Beaver " + string(good)},
		"bearer6":       {"Bearer" + string(good)},
		"two headers":   {"Bearer " + string(good), "Bearer " + string(good)},
		"no token":      {"Bearer "},
		"dots":          {"Bearer " + strings.Repeat(".", 10000)},
		"huge":          {"Bearer " + strings.Repeat("a", MaxBearerLen+1)},
		"token+garbage": {"Bearer " + string(good) + " x"},
	} {
		before := reached
		code, _ := do(hs...)
		// RFC 6750 §3.1: no error code when the request carries no bearer
		// token, "invalid_request" (400) when it is malformed,
		// "invalid_token" when the token it carries fails.
		want, wantCode := `Bearer error="invalid_token"`, http.StatusUnauthorized
		switch name {
		case "none", "basic", "beaver", "bearer6":
			want = "Bearer"
		case "two headers", "no token", "token+garbage":
			want, wantCode = `Bearer error="invalid_request"`, http.StatusBadRequest
		}
		if code != wantCode || reached != before {
			t.Errorf("%s: %d, handler reached %v; want %d", name, code, reached != before, wantCode)
		}
		if challenge != want {
			t.Errorf("%s: WWW-Authenticate %q, want %q", name, challenge, want)
		}
	}
	// The unknown kid "k2" caused at most one refetch (cooldown).
	if n := fetches.Load(); n > 2 {
		t.Errorf("%d JWKS fetches", n)
	}
}
