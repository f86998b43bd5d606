package testenv

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// HangingServer starts a server, HTTPS when tls is set, that answers no
// request: each waits until its own context ends (the client gave up) or
// the test ends. Both the server and the waiting handlers are released
// when the test ends.
func HangingServer(t testing.TB, tls bool) *httptest.Server {
	t.Helper()
	release := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewUnstartedServer(h)
	if tls {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	// Cleanups run last-registered first: the handlers return, then the
	// server closes (Close waits for them).
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	return srv
}
