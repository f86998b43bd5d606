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

// TestRemoteExtraMediaTypesAcceptOnce: an ExtraMediaTypes entry that is a
// standard type, or names one already given (in any case), is not added
// to the Accept header again: "application/json" there made the header
// offer application/json at q=1 and at q=0.5, which RFC 9110 §12.5.1 gives
// no meaning. On the base both went into the header.
func TestRemoteExtraMediaTypesAcceptOnce(t *testing.T) {
	var accept atomic.Value
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		accept.Store(r.Header.Get("Accept"))
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(`{"keys":[]}`))
	}))
	defer srv.Close()
	r, err := NewRemote(srv.URL, RemoteOptions{Client: srv.Client(),
		ExtraMediaTypes: []string{"Application/JSON", "text/plain", "TEXT/plain", "application/jwk-set+json"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Set(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, want := accept.Load().(string), "application/jwk-set+json, application/json, text/plain;q=0.5"; got != want {
		t.Errorf("Accept %q, want %q", got, want)
	}
}

// TestRemoteExtraMediaTypesRefusesStars: a '*' anywhere in an
// ExtraMediaTypes entry is refused (jose.ErrKey), as "*/*" and "text/*"
// are: "application/*+json" reads as a wildcard but was compared as a
// literal that no registered media type is (RFC 6838 §4.2 names have no
// '*'), so it silently matched nothing. On the base it was taken.
func TestRemoteExtraMediaTypesRefusesStars(t *testing.T) {
	for _, mt := range []string{"application/*+json", "text/plain*", "*text/plain"} {
		_, err := NewRemote("https://idp.example/jwks.json", RemoteOptions{ExtraMediaTypes: []string{mt}})
		if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "ExtraMediaTypes") {
			t.Errorf("ExtraMediaTypes %q: %v; want jose.ErrKey naming the option", mt, err)
		}
	}
}
