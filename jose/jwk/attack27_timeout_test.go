package jwk

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestAttack27FetchTimeout (catalog row 27): a JWK Set server that never
// answers does not hold a lookup beyond the Remote's Timeout: Set returns
// an error. The 10 s guard only detects a hang (200 × the Timeout); it
// asserts no duration. Before, no test failed with both timeouts of fetch
// removed (mutation: the request context's deadline and the http.Client's
// Timeout; either alone is enough).
func TestAttack27FetchTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	r, err := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := r.Set(context.Background())
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a set from a server that never answered")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Set still waiting on a silent server 10 s after a 50 ms Timeout")
	}
}
