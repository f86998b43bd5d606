package jwk

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// stuckTransport is a RoundTripper that ignores the request's context (and
// Request.Cancel) and answers only when released.
type stuckTransport struct {
	release chan struct{}
	started chan struct{}
}

func (s *stuckTransport) RoundTrip(*http.Request) (*http.Response, error) {
	s.started <- struct{}{}
	<-s.release
	return nil, errors.New("released")
}

// TestRemoteTransportIgnoringContext: a Client whose RoundTripper ignores
// the request's context does not hold a Remote beyond its Timeout. Before,
// http.Client's Timeout could not interrupt such a RoundTripper, so the
// shared fetch never ended: a lookup with context.Background waited
// forever, and no later lookup could start another fetch (the set could
// never be refreshed again). Now the fetch is abandoned at Timeout (its
// goroutine ends when the RoundTripper returns), reported by Err, and the
// next fetch may start once the cooldown has passed. The 10 s guard only
// detects a hang; no duration is asserted.
func TestRemoteTransportIgnoringContext(t *testing.T) {
	tr := &stuckTransport{release: make(chan struct{}), started: make(chan struct{}, 4)}
	defer close(tr.release)
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	r, err := NewRemote("https://idp.example/jwks", RemoteOptions{Client: &http.Client{Transport: tr},
		Timeout: 50 * time.Millisecond, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		done := make(chan error, 1)
		go func() {
			_, err := r.Set(context.Background())
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrFetch) || !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("fetch %d: %v, want ErrFetch wrapping context.DeadlineExceeded", i, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("fetch %d: Set still waiting 10 s after a 50 ms Timeout on a transport that ignores it", i)
		}
		if r.Err() == nil {
			t.Errorf("fetch %d: Err() is nil", i)
		}
		clock.add(DefaultCooldown)
	}
	if n := r.Fetches(); n != 2 {
		t.Errorf("%d fetches, want 2: the abandoned fetch blocked the next one", n)
	}
}

// TestRemoteResponseHeadersBounded: a Remote that makes its own client
// bounds the response headers of the JWK Set server (maxRemoteHeaderBytes)
// as it bounds the body, not by net/http's 10 MB default: a server
// answering 1 MiB of headers is a failed fetch. Headers of ordinary size
// still pass.
func TestRemoteResponseHeadersBounded(t *testing.T) {
	body, _ := publicSetJSON(t, "ES256")
	big := strings.Repeat("a", 1<<20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/big" {
			w.Header().Set("X-Padding", big)
		} else {
			w.Header().Set("X-Padding", big[:1000])
		}
		w.Write([]byte(body))
	}))
	defer srv.Close()
	for path, ok := range map[string]bool{"/big": false, "/small": true} {
		r, err := NewRemote(srv.URL+path, RemoteOptions{InsecureAllowLoopbackHTTP: true})
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Set(context.Background())
		if ok && err != nil {
			t.Errorf("%s: %v", path, err)
		}
		if !ok && !errors.Is(err, ErrFetch) {
			t.Errorf("%s: %v, want the fetch refused", path, err)
		}
	}
}
