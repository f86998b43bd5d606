package jwk

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRemoteExtraMediaTypes: a JWK Set served as text/plain (a static file
// bucket) is a failed fetch by default, and is read when
// RemoteOptions.ExtraMediaTypes names text/plain (in any case), which also
// goes into the Accept header; a media type it does not name is still
// refused, and the error says which are taken. Changing the caller's slice
// after NewRemote changes nothing. Before, no option took another type.
func TestRemoteExtraMediaTypes(t *testing.T) {
	body := `{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"a","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}`
	var ct, accept atomic.Value
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		accept.Store(r.Header.Get("Accept"))
		w.Header().Set("Content-Type", ct.Load().(string))
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	fetch := func(ctype string, extra []string) error {
		ct.Store(ctype)
		r, err := NewRemote(srv.URL, RemoteOptions{Client: srv.Client(), ExtraMediaTypes: extra})
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Set(context.Background())
		return err
	}
	if err := fetch("text/plain; charset=utf-8", nil); !errors.Is(err, ErrFetch) || !strings.Contains(err.Error(), "ExtraMediaTypes") {
		t.Errorf("text/plain by default: %v; want ErrFetch naming ExtraMediaTypes", err)
	}
	if got := accept.Load().(string); got != "application/jwk-set+json, application/json" {
		t.Errorf("default Accept %q", got)
	}
	if err := fetch("text/plain; charset=utf-8", []string{"Text/Plain"}); err != nil {
		t.Errorf("text/plain named: %v", err)
	}
	if got := accept.Load().(string); got != "application/jwk-set+json, application/json, text/plain;q=0.5" {
		t.Errorf("Accept %q; want text/plain after the standard types", got)
	}
	if err := fetch("application/json", []string{"text/plain"}); err != nil {
		t.Errorf("application/json with an extra type: %v", err)
	}
	if err := fetch("text/html", []string{"text/plain", "application/octet-stream"}); !errors.Is(err, ErrFetch) || !strings.Contains(err.Error(), "text/plain, application/octet-stream") {
		t.Errorf("text/html, not named: %v; want ErrFetch naming the types taken", err)
	}

	extra := []string{"text/plain"}
	ct.Store("text/plain")
	r, err := NewRemote(srv.URL, RemoteOptions{Client: srv.Client(), ExtraMediaTypes: extra})
	if err != nil {
		t.Fatal(err)
	}
	extra[0] = "text/html"
	if _, err := r.Set(context.Background()); err != nil {
		t.Errorf("after the caller changed its slice: %v", err)
	}
}

// TestRemoteExtraMediaTypesRefusesWildcards: ExtraMediaTypes takes bare
// media types only: wildcards, parameters and non-types are refused by
// NewRemote (jose.ErrKey), not silently taken as "anything".
func TestRemoteExtraMediaTypesRefusesWildcards(t *testing.T) {
	for _, mt := range []string{"*/*", "text/*", "*/json", "text/plain; charset=utf-8", "text", "", "/plain", "text/", "a/b/c", "text /plain", "text/plain\n"} {
		_, err := NewRemote("https://idp.example/jwks.json", RemoteOptions{ExtraMediaTypes: []string{"text/plain", mt}})
		if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "ExtraMediaTypes") {
			t.Errorf("ExtraMediaTypes %q: %v; want jose.ErrKey naming the option", mt, err)
		}
	}
	if _, err := NewRemote("https://idp.example/jwks.json", RemoteOptions{ExtraMediaTypes: []string{"application/jwk+json", "application/octet-stream", "text/plain"}}); err != nil {
		t.Errorf("plain media types: %v", err)
	}
}
