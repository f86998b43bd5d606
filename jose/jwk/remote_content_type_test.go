package jwk

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRemoteContentType pins the media types a Remote takes, which the
// Remote godoc did not mention and no test held: application/jwk-set+json
// and application/json (any case, any parameters) or no Content-Type at
// all; anything else (text/plain, an HTML error or login page) is a failed
// fetch that says which types are taken.
func TestRemoteContentType(t *testing.T) {
	body := `{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"a","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}`
	for _, c := range []struct {
		ct string
		ok bool
	}{
		{"application/jwk-set+json", true},
		{"application/json", true},
		{"Application/JSON; charset=utf-8", true},
		{"", true},
		{"text/plain; charset=utf-8", false},
		{"text/html", false},
		{"application/jwk+json", false},
	} {
		t.Run(fmt.Sprintf("%q", c.ct), func(t *testing.T) {
			srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if c.ct == "" {
					w.Header()["Content-Type"] = nil // no sniffing
				} else {
					w.Header().Set("Content-Type", c.ct)
				}
				fmt.Fprint(w, body)
			}))
			defer srv.Close()
			r, err := NewRemote(srv.URL, RemoteOptions{Client: srv.Client()})
			if err != nil {
				t.Fatal(err)
			}
			s, err := r.Set(context.Background())
			if c.ok {
				if err != nil || len(s.Keys) != 1 {
					t.Fatalf("Set: %v; want the set", err)
				}
				return
			}
			if !errors.Is(err, ErrFetch) || !strings.Contains(err.Error(), "unexpected content type") ||
				!strings.Contains(err.Error(), "application/jwk-set+json or application/json") {
				t.Fatalf("Set: %v; want ErrFetch naming the content types taken", err)
			}
		})
	}
}

// TestRemoteLoopbackHTTPErrorSaysHowToTest: NewRemote refuses an http://
// URL; for a loopback one (an httptest.Server) the error names the test
// option and the TLS server that avoid it. Before, it said only "is not
// https".
func TestRemoteLoopbackHTTPErrorSaysHowToTest(t *testing.T) {
	_, err := NewRemote("http://127.0.0.1:8080/jwks.json", RemoteOptions{})
	if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "InsecureAllowLoopbackHTTP") {
		t.Fatalf("NewRemote(http loopback): %v; want jose.ErrKey naming InsecureAllowLoopbackHTTP", err)
	}
	_, err = NewRemote("http://idp.example/jwks.json", RemoteOptions{InsecureAllowLoopbackHTTP: true})
	if !errors.Is(err, jose.ErrKey) || strings.Contains(err.Error(), "InsecureAllowLoopbackHTTP") {
		t.Fatalf("NewRemote(http, not loopback): %v; want jose.ErrKey without the test hint", err)
	}
	if _, err := NewRemote("http://127.0.0.1:8080/jwks.json", RemoteOptions{InsecureAllowLoopbackHTTP: true}); err != nil {
		t.Fatalf("NewRemote(http loopback, allowed): %v", err)
	}
}
