package jwk

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
)

// jwksServer serves a JWK Set on 127.0.0.1 and counts requests.
type jwksServer struct {
	*httptest.Server
	mu       sync.Mutex
	body     string
	status   int
	requests atomic.Int64
}

func newJWKSServer(t *testing.T, body string) *jwksServer {
	s := &jwksServer{body: body, status: 200}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		s.mu.Lock()
		body, status := s.body, s.status
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *jwksServer) set(body string, status int) {
	s.mu.Lock()
	s.body, s.status = body, status
	s.mu.Unlock()
}

// fakeClock is a settable clock for cooldown tests (no sleeping, no timing
// assertions).
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func publicSetJSON(t *testing.T, algs ...string) (string, *Set) {
	s, err := genSet(t, algs...).PublicSet()
	if err != nil {
		t.Fatal(err)
	}
	return string(mustJSON(t, s)), s
}

// TestAttack27JWKSRefetchCooldown covers catalog row 27: 1,000 lookups of
// random kids cause at most one fetch per cooldown window; the last good
// set stays in use when a fetch fails; the body size is capped.
func TestAttack27JWKSRefetchCooldown(t *testing.T) {
	body, _ := publicSetJSON(t, "ES256", "EdDSA")
	srv := newJWKSServer(t, body)
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	r, err := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Cooldown: time.Minute, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if k, err := r.LookupKid(ctx, "A"); err != nil || k.Kid != "A" {
		t.Fatalf("LookupKid(A) = %v, %v", k, err)
	}
	if n := srv.requests.Load(); n != 1 {
		t.Fatalf("%d requests for the first lookup", n)
	}
	var wg sync.WaitGroup
	for i := range 1000 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := r.LookupKid(ctx, fmt.Sprintf("random-%d", i))
			if !errors.Is(err, jose.ErrKey) {
				t.Errorf("unknown kid: %v", err)
			}
		}()
	}
	wg.Wait()
	if n := srv.requests.Load(); n != 1 {
		t.Errorf("1,000 random kids within the cooldown: %d requests, want 1", n)
	}
	// After the cooldown, one more refetch for the next unknown kid, then
	// none again.
	clock.add(time.Minute)
	for i := range 1000 {
		r.LookupKid(ctx, fmt.Sprintf("again-%d", i))
	}
	if n := srv.requests.Load(); n != 2 {
		t.Errorf("second window: %d requests, want 2", n)
	}
	// A rotated key is found after the cooldown.
	body2, _ := publicSetJSON(t, "ES256", "EdDSA", "ES384")
	srv.set(body2, 200)
	clock.add(time.Minute)
	if k, err := r.LookupKid(ctx, "C"); err != nil || k.Kid != "C" {
		t.Errorf("rotated key: %v, %v", k, err)
	}
	// Failures keep the last good set: a 500, a bad body, an oversized body.
	for _, bad := range []struct {
		body   string
		status int
	}{{"oops", 500}, {`{"keys":[{"kty":"EC"}]}`, 200}, {`{"keys":[]}` + strings.Repeat(" ", DefaultMaxSetSize), 200}} {
		srv.set(bad.body, bad.status)
		clock.add(2 * time.Hour) // stale: the next lookup refetches
		k, err := r.LookupKid(ctx, "C")
		if err != nil || k.Kid != "C" {
			t.Errorf("after a failed fetch (%d): %v, %v", bad.status, k, err)
		}
		if r.Err() == nil {
			t.Errorf("failed fetch (%d) not reported by Err", bad.status)
		}
	}
	if !errors.Is(r.Err(), jose.ErrLimit) {
		t.Errorf("oversized body: %v", r.Err())
	}
}

func TestRemoteFirstFetchFails(t *testing.T) {
	srv := newJWKSServer(t, "nope")
	srv.set("nope", 404)
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	r, _ := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Now: clock.now})
	for range 100 {
		if _, err := r.LookupKid(context.Background(), "x"); !errors.Is(err, ErrFetch) {
			t.Fatalf("no set: %v", err)
		}
	}
	if n := srv.requests.Load(); n != 1 {
		t.Errorf("%d requests while failing within the cooldown, want 1", n)
	}
	// Context cancellation is honoured.
	clock.add(time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Set(ctx); err == nil {
		t.Error("cancelled context: no error")
	}
}

// TestAttack05FetcherURLs covers the fetcher half of catalog row 5: only
// https (or, with the test-only option, http to a loopback IP), only
// allow-listed URLs, and redirects held to the same rules.
func TestAttack05FetcherURLs(t *testing.T) {
	for _, u := range []string{"http://example.com/jwks", "http://127.0.0.1/jwks", "file:///etc/passwd",
		"ftp://x/", "https://", "https://user:pw@example.com/", "gopher://127.0.0.1/", "//example.com"} {
		if _, err := NewRemote(u, RemoteOptions{}); !errors.Is(err, jose.ErrKey) {
			t.Errorf("%s: %v", u, err)
		}
	}
	for _, u := range []string{"http://localhost/jwks", "http://10.0.0.1/", "http://example.com/"} {
		if _, err := NewRemote(u, RemoteOptions{InsecureAllowLoopbackHTTP: true}); err == nil {
			t.Errorf("%s accepted with the loopback option", u)
		}
	}
	if _, err := NewRemote("https://idp.example/jwks", RemoteOptions{AllowedURLs: []string{"https://idp.example/keys"}}); err == nil {
		t.Error("URL outside the allow-list accepted")
	}
	if _, err := NewRemote("https://idp.example/jwks", RemoteOptions{}); err != nil {
		t.Error(err)
	}
	// A redirect to a URL outside the allow-list is not followed.
	var evil atomic.Int64
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { evil.Add(1) }))
	defer target.Close()
	redir := httptest.NewServer(http.RedirectHandler(target.URL+"/jwks", http.StatusFound))
	defer redir.Close()
	r, err := NewRemote(redir.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, AllowedURLs: []string{redir.URL}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Set(context.Background()); err == nil || evil.Load() != 0 {
		t.Errorf("redirect followed: %v, %d requests", err, evil.Load())
	}
	// Size cap with a small limit.
	body, _ := publicSetJSON(t, "ES256")
	srv := newJWKSServer(t, body)
	r, _ = NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, MaxSize: int64(len(body) - 1)})
	if _, err := r.Set(context.Background()); !errors.Is(err, jose.ErrLimit) {
		t.Errorf("size cap: %v", err)
	}
}

func TestRemoteCandidates(t *testing.T) {
	body, _ := publicSetJSON(t, "ES256", "ES256")
	srv := newJWKSServer(t, body)
	r, _ := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true})
	c, err := r.Candidates(context.Background(), "", false, "ES256", OpVerify, false)
	if err != nil || len(c) != 2 {
		t.Errorf("%v %v", c, err)
	}
	c, err = r.Candidates(context.Background(), "B", true, "ES256", OpVerify, false)
	if err != nil || len(c) != 1 || c[0].Kid != "B" {
		t.Errorf("%v %v", c, err)
	}
	if r.URL() != srv.URL || r.Fetches() != 1 {
		t.Error("URL/Fetches")
	}
}

// TestRemoteContext: a caller whose context ends while the set is being
// fetched returns at once with the context's error; the fetch goes on for
// the others and its result is kept.
func TestRemoteContext(t *testing.T) {
	body, _ := publicSetJSON(t, "ES256")
	release := make(chan struct{})
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		<-release
		w.Header().Set("Content-Type", "application/jwk-set+json")
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	r, _ := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error)
	go func() {
		_, err := r.LookupKid(ctx, "A")
		errc <- err
	}()
	for n.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled lookup: %v", err)
	}
	close(release)
	k, err := r.LookupKid(context.Background(), "A")
	if err != nil || k.Kid != "A" {
		t.Fatalf("after the shared fetch: %v, %v", k, err)
	}
	if n.Load() != 1 {
		t.Errorf("%d requests, want 1", n.Load())
	}
}

// TestRemoteTimeout: a server that never answers makes the fetch fail once
// Timeout has passed (the test asserts the outcome, not the time taken).
func TestRemoteTimeout(t *testing.T) {
	srv := testenv.HangingServer(t, false)
	r, _ := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Timeout: 50 * time.Millisecond})
	_, err := r.Set(context.Background())
	if !errors.Is(err, ErrFetch) || !errors.Is(r.Err(), context.DeadlineExceeded) && !strings.Contains(fmt.Sprint(r.Err()), "Timeout") {
		t.Errorf("hanging server: %v (last error %v)", err, r.Err())
	}
}

// TestRemoteOneFetchPerCall: a lookup that waits for a fetch returns that
// fetch's outcome; it does not start another one when the fetch failed and
// took longer than Cooldown (here the server advances the clock past the
// cooldown on every request, as a slow failure would). Before, such a call
// kept fetching, one request after another, until one succeeded or its
// context ended — unbounded with context.Background.
func TestRemoteOneFetchPerCall(t *testing.T) {
	body, _ := publicSetJSON(t, "ES256")
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		n := requests.Add(1)
		clock.add(2 * time.Second) // the request outlasts the cooldown
		if n <= 3 {
			http.Error(w, "slow failure", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	r, err := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Cooldown: time.Second, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	if s, err := r.Set(context.Background()); !errors.Is(err, ErrFetch) {
		t.Errorf("first fetch failed but Set returned %v, %v", s, err)
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("one Set call made %d requests, want 1", n)
	}
	if _, err := r.LookupKid(context.Background(), "A"); !errors.Is(err, ErrFetch) {
		t.Errorf("second fetch failed but LookupKid returned %v", err)
	}
	if n := requests.Load(); n != 2 {
		t.Errorf("two calls made %d requests, want 2", n)
	}
}

// TestRemoteFreshSetDoesNotWait: while a refetch is in flight (forced by a
// token with an unknown kid, or by Refresh), lookups that the current set
// answers, within MaxAge, are answered from it at once: they do not need a
// fetch. On the base they waited for the fetch (up to Timeout), so a token
// with a random kid, once per Cooldown, stalled every verification behind
// a slow JWKS endpoint. Asserted without timing: a lookup with a context
// already cancelled returns the cached answer instead of context.Canceled.
func TestRemoteFreshSetDoesNotWait(t *testing.T) {
	body, _ := publicSetJSON(t, "ES256")
	release := make(chan struct{})
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) > 1 {
			<-release
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	r, _ := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Cooldown: time.Second, Now: clock.now})
	if _, err := r.Set(context.Background()); err != nil {
		t.Fatal(err)
	}
	clock.add(2 * time.Second) // past the cooldown, within MaxAge
	done := make(chan error)
	go func() {
		_, err := r.LookupKid(context.Background(), "unknown")
		done <- err
	}()
	for n.Load() < 2 {
		time.Sleep(time.Millisecond)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if s, err := r.Set(cancelled); err != nil || len(s.Keys) != 1 {
		t.Errorf("Set during a refetch: %v", err)
	}
	if k, err := r.LookupKid(cancelled, "A"); err != nil || k.Kid != "A" {
		t.Errorf("LookupKid of a known kid during a refetch: %v", err)
	}
	if ks, err := r.Candidates(cancelled, "A", true, "ES256", OpVerify, true); err != nil || len(ks) != 1 {
		t.Errorf("Candidates of a known kid during a refetch: %v", err)
	}
	// A lookup that needs the fetch still waits for it (and so sees the
	// cancelled context).
	if _, err := r.LookupKid(cancelled, "unknown"); !errors.Is(err, context.Canceled) {
		t.Errorf("LookupKid of an unknown kid during a refetch: %v", err)
	}
	close(release)
	if err := <-done; !errors.Is(err, jose.ErrKey) {
		t.Errorf("unknown kid after the refetch: %v", err)
	}
	if got := n.Load(); got != 2 {
		t.Errorf("%d requests, want 2", got)
	}
}

// TestRemoteEmptyKidNoRefetch: a kid of "" names no key (Set.LookupKid),
// so a refetch cannot find one: Remote.LookupKid and Remote.Candidates do
// not refetch for it. On the base a token with "kid": "" forced a fetch
// whenever the cooldown allowed, spending the cooldown that a real key
// rotation may need right after.
func TestRemoteEmptyKidNoRefetch(t *testing.T) {
	body, _ := publicSetJSON(t, "ES256")
	srv := newJWKSServer(t, body)
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	r, _ := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Cooldown: time.Second, Now: clock.now})
	if _, err := r.Set(context.Background()); err != nil {
		t.Fatal(err)
	}
	clock.add(2 * time.Second)
	if _, err := r.LookupKid(context.Background(), ""); !errors.Is(err, jose.ErrKey) {
		t.Errorf("LookupKid(\"\"): %v", err)
	}
	if ks, err := r.Candidates(context.Background(), "", true, "ES256", OpVerify, false); err != nil || len(ks) != 0 {
		t.Errorf("Candidates(\"\"): %v, %v", ks, err)
	}
	if n := r.Fetches(); n != 1 {
		t.Errorf("%d fetches, want 1", n)
	}
}
