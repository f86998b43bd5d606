package jwt_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/jose/jwt"
)

// A service verifying tokens against its identity provider's JWK Set,
// fetched over HTTPS by a jwk.Remote, through the Middleware. The provider
// rotates from key "2026-1" to "2026-2": a token whose kid the cached set
// does not hold makes the Remote fetch the set again (at most once per
// Cooldown, so random kids cannot flood the provider), and a token of the
// retired key is refused once the set no longer holds it.
func ExampleMiddleware_remoteKeySet() {
	k1, _ := jwk.Generate("ES256", nil)
	k1.Kid = "2026-1"
	k2, _ := jwk.Generate("EdDSA", nil)
	k2.Kid = "2026-2"

	// The identity provider: its JWK Set holds public keys only.
	var mu sync.Mutex
	published := []*jwk.Key{k1}
	idp := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		set, err := (&jwk.Set{Keys: published}).PublicSet()
		mu.Unlock()
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		b, _ := set.MarshalJSON()
		w.Header().Set("Content-Type", "application/jwk-set+json")
		w.Write(b)
	}))
	defer idp.Close()

	// The service. In production: jwk.NewRemote(jwksURI, jwk.RemoteOptions{})
	// (HTTPS only, 10 s timeout, 512 KiB cap, 30 s cooldown, 1 h cache).
	// Here the test server's client trusts its certificate, and a clock
	// moved by hand stands in for the cooldown passing.
	clock := time.Now()
	keys, err := jwk.NewRemote(idp.URL+"/jwks.json", jwk.RemoteOptions{
		Client: idp.Client(), Now: func() time.Time { return clock },
	})
	if err != nil {
		panic(err)
	}
	v, err := jwt.NewVerifier(keys, []string{"ES256", "EdDSA"},
		jwt.Validator{Issuer: "https://idp.example", Audience: "api", Required: []string{"exp"}},
		jws.RequireKeyID()) // a token without kid is refused rather than tried against every key
	if err != nil {
		panic(err)
	}
	api := jwt.Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims, _ := jwt.FromContext(r.Context())
		sub, _ := claims.Subject()
		fmt.Fprintf(w, "hello %s", sub)
	}))

	call := func(k *jwk.Key) {
		tok, err := jwt.Sign(&jwt.ClaimSet{Issuer: "https://idp.example", Subject: "alice",
			Audience: []string{"api"}, ExpiresAt: time.Now().Add(time.Minute)},
			jws.SigningKey{Alg: k.Alg, Key: k}) // the key's kid goes into the header
		if err != nil {
			panic(err)
		}
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Authorization", "Bearer "+string(tok))
		rec := httptest.NewRecorder()
		api.ServeHTTP(rec, req)
		fmt.Println(k.Kid, rec.Code, strings.TrimSpace(rec.Body.String()))
	}

	call(k1) // the first request fetches the set
	mu.Lock()
	published = []*jwk.Key{k2} // the provider rotates
	mu.Unlock()
	clock = clock.Add(jwk.DefaultCooldown)
	call(k2) // unknown kid: the set is fetched again
	call(k1) // the retired key is no longer in the set
	fmt.Println("fetches:", keys.Fetches())
	// Output:
	// 2026-1 200 hello alice
	// 2026-2 200 hello alice
	// 2026-1 401 unauthorized
	// fetches: 2
}
