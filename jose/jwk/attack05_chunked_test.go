package jwk

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAttack05SizeCapWithoutContentLength (catalog row 5: the fetcher caps
// the response size): a JWKS server that streams its body without a
// Content-Length (chunked) past MaxSize gets jose.ErrLimit, the whole body
// is not read, and the set fetched before stays in use. The existing size
// test served a Content-Length, so removing the cap on the bytes actually
// read failed no test (mutation audit): the declared length alone refused
// it.
func TestAttack05SizeCapWithoutContentLength(t *testing.T) {
	good, _ := publicSetJSON(t, "ES256")
	const maxSize = 4 << 10
	const total = 64 << 20
	var big atomic.Bool
	written := make(chan int, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if !big.Load() {
			w.Write([]byte(good))
			return
		}
		n, _ := w.Write([]byte(`{"keys":[`))
		w.(http.Flusher).Flush() // no Content-Length from here on
		pad := []byte(strings.Repeat(" ", 32<<10))
		for n < total {
			m, err := w.Write(pad)
			n += m
			if err != nil {
				break
			}
		}
		written <- n
	}))
	defer srv.Close()
	r, err := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, MaxSize: maxSize, Cooldown: 1})
	if err != nil {
		t.Fatal(err)
	}
	first, err := r.Set(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	big.Store(true)
	s, err := r.Refresh(context.Background())
	if !errors.Is(r.Err(), jose.ErrLimit) {
		t.Errorf("streamed body over MaxSize: Err() = %v, want jose.ErrLimit", r.Err())
	}
	if err != nil || s != first {
		t.Errorf("after a failed refresh: %v, %v; want the set fetched before", s, err)
	}
	srv.CloseClientConnections()
	if n := <-written; n >= total {
		t.Errorf("the client read the whole %d-byte body", n)
	}
}
