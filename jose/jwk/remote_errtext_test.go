package jwk

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRemoteFetchErrorSaysJwkOnce: a Remote whose server sends a set
// ParseSet refuses fails with ErrFetch wrapping ParseSet's error, and says
// "jwk: " once and names the URL; before, it read "jwk: fetching JWK Set
// failed: jwk: EC key needs \"crv\": …" with no URL. errors.Is still finds
// ErrFetch and the jose sentinel.
func TestRemoteFetchErrorSaysJwkOnce(t *testing.T) {
	for _, tc := range []struct {
		body string
		want error
	}{
		{`{"keys":[{"kty":"EC"}]}`, jose.ErrKey},
		// (an oct key with "alg":"" was the malformed case here; a secret
		// key is now refused on sight, as ErrKey, before its other members
		// are read)
		{`{"keys":[{"kty":"EC","crv":"P-256","x":"A+AA","y":"AAAA","alg":""}]}`, jose.ErrMalformed},
		{`{"keys":`, jose.ErrMalformed},
		{`{"keys":[{"kty":"oct","k":"AAAA"}]}`, jose.ErrKey}, // a secret in a published set
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(tc.body))
		}))
		r, err := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true})
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Set(context.Background())
		srv.Close()
		if !errors.Is(err, ErrFetch) || !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want ErrFetch and %v", tc.body, err, tc.want)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "jwk: ") || strings.Count(msg, "jwk: ") != 1 || !strings.Contains(msg, srv.URL) {
			t.Errorf("%s: %q does not say \"jwk: \" once and name the URL", tc.body, msg)
		}
	}
}
