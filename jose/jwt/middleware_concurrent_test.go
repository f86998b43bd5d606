package jwt

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestMiddlewareConcurrent: one Middleware over one Verifier backed by
// a jwk.Remote whose keys rotate, serving many concurrent requests (valid,
// unknown kid, malformed, none, cancelled) with an OnRefusal hook, which
// the doc says runs concurrently; the handler reads the claims from several
// goroutines at once (read-only methods of one Claims). Then every
// goroutine of the test (server, client, Remote) ends.
func TestMiddlewareConcurrent(t *testing.T) {
	before := runtime.NumGoroutine()
	keys := make([]*jwk.Key, 3)
	bodies := make([]string, 3)
	for i := range keys {
		k, err := jwk.Generate("ES256", nil)
		if err != nil {
			t.Fatal(err)
		}
		k.Kid = fmt.Sprintf("k%d", i)
		keys[i] = k
		pub, _ := k.PublicKey()
		b, _ := (&jwk.Set{Keys: []*jwk.Key{pub}}).AppendJSON(nil)
		bodies[i] = string(b)
	}
	var gen atomic.Int64
	jwks := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, bodies[gen.Load()%3])
	}))
	remote, err := jwk.NewRemote(jwks.URL, jwk.RemoteOptions{Client: jwks.Client(), Cooldown: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(remote, []string{"ES256"}, Validator{Audience: "api", Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	toks := make([]string, 3)
	for i, k := range keys {
		cs := claimSet()
		cs.Extra = []jose.Member{{Name: "n", Value: []byte(fmt.Sprint(i))}, {Name: "x", Value: []byte(`"y"`)}}
		b, err := Sign(cs, jws.SigningKey{Alg: "ES256", Key: k})
		if err != nil {
			t.Fatal(err)
		}
		toks[i] = string(b)
	}
	var refused, served atomic.Int64
	h := Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := FromContext(r.Context())
		if !ok {
			t.Error("no claims")
			return
		}
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				c.Subject()
				c.Audience()
				c.ExpiresAt()
				c.Names()
				c.Get("n")
				c.Get("x")
				var m map[string]any
				c.Decode(&m)
			})
		}
		wg.Wait()
		served.Add(1)
	}), OnRefusal(func(r *http.Request, status int, err error) { refused.Add(1) }), Realm("api"))
	srv := httptest.NewServer(h)
	client := srv.Client()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 30 {
				if i%10 == 0 {
					gen.Add(1) // rotate
				}
				req, _ := http.NewRequest("GET", srv.URL, nil)
				switch (g + i) % 5 {
				case 0, 1:
					req.Header.Set("Authorization", "Bearer "+toks[(g+i)%3])
				case 2:
					req.Header.Set("Authorization", "Bearer a b")
				case 3:
				case 4:
					ctx, cancel := context.WithCancel(context.Background())
					cancel()
					req = req.WithContext(ctx)
					req.Header.Set("Authorization", "Bearer "+toks[i%3])
				}
				resp, err := client.Do(req)
				if err != nil {
					continue // the cancelled ones
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
	if served.Load() == 0 || refused.Load() == 0 {
		t.Errorf("served %d, refused %d", served.Load(), refused.Load())
	}
	client.CloseIdleConnections()
	jwks.Client().CloseIdleConnections()
	srv.Close()
	jwks.Close()
	if got, stacks := testenv.SettleGoroutines(before); stacks != "" {
		t.Errorf("%d goroutines before, %d after:\n%s", before, got, stacks)
	}
}

// TestMiddlewareCancelledWaitPrompt: a request whose context ends while the
// Remote's first fetch hangs is answered (503) when the context ends, not
// at the fetch's Timeout.
func TestMiddlewareCancelledWaitPrompt(t *testing.T) {
	release := make(chan struct{})
	hang := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer hang.Close()
	defer close(release)
	remote, _ := jwk.NewRemote(hang.URL, jwk.RemoteOptions{Client: hang.Client(), Timeout: time.Minute})
	v, err := NewVerifier(remote, []string{"ES256"}, Validator{Audience: "api", Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	k, _ := jwk.Generate("ES256", nil)
	k.Kid = "k"
	tok, _ := Sign(claimSet(), jws.SigningKey{Alg: "ES256", Key: k})
	h := Middleware(v, http.HandlerFunc(func(http.ResponseWriter, *http.Request) { t.Error("next reached") }))
	for range 3 {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		req := httptest.NewRequest("GET", "/", nil).WithContext(ctx)
		req.Header.Set("Authorization", "Bearer "+string(tok))
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		cancel()
		if d := time.Since(start); d > 2*time.Second || rec.Code != 503 {
			t.Errorf("took %v, status %d; want 503 at ~100ms", d, rec.Code)
		}
	}
	if n := remote.Fetches(); n != 1 {
		t.Errorf("%d fetches; want 1 shared", n)
	}
}
