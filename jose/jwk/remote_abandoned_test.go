package jwk

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// hangingTransport ignores the request's context and answers only when
// released, counting the requests still running.
type hangingTransport struct {
	release chan struct{}
	running atomic.Int32
}

func (h *hangingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	h.running.Add(1)
	defer h.running.Add(-1)
	<-h.release
	return nil, errors.New("released")
}

// TestRemoteAbandonedFetchesBounded: fetches abandoned at Timeout because
// the Client's RoundTripper ignores the request's context do not pile up.
// Before, each fetch the cooldown allowed (an attacker's unknown "kid"
// asks for one) left one more goroutine and request blocked for as long
// as the RoundTripper hangs, without bound: 40 fetches here, 40 blocked
// requests. Now at most maxAbandonedFetches run at once per Remote; while
// that many do, a fetch fails at once (ErrFetch for a Remote with no set)
// without a request; once they end, fetching resumes.
func TestRemoteAbandonedFetchesBounded(t *testing.T) {
	tr := &hangingTransport{release: make(chan struct{})}
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	r, err := NewRemote("https://idp.example/jwks", RemoteOptions{Client: &http.Client{Transport: tr},
		Timeout: time.Millisecond, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	const fetches = 40
	for i := range fetches {
		if _, err := r.Set(context.Background()); !errors.Is(err, ErrFetch) {
			t.Fatalf("fetch %d: %v, want ErrFetch", i, err)
		}
		clock.add(DefaultCooldown)
	}
	if n := r.Fetches(); n != fetches {
		t.Fatalf("%d fetches attempted, want %d", n, fetches)
	}
	if n := tr.running.Load(); n > maxAbandonedFetches {
		t.Errorf("%d requests blocked after %d abandoned fetches, want at most %d", n, fetches, maxAbandonedFetches)
	}
	// Released, the abandoned requests end, and a fetch starts again.
	close(tr.release)
	for deadline := time.Now().Add(10 * time.Second); r.abandoned.Load() > 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d abandoned fetches still counted 10 s after release", r.abandoned.Load())
		}
	}
	_, err = r.Set(context.Background())
	if err == nil || errors.Is(err, errTooManyAbandoned) {
		t.Errorf("after release: %v, want the transport's own failure", err)
	}
}
