package jwt

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestMiddlewareRealm: with Realm every challenge starts with the realm
// attribute (RFC 6750 §3: the Bearer scheme followed by one or more
// auth-params, `Bearer realm="example", error="invalid_token"`), a '"' or
// '\' in the name is escaped as RFC 9110's quoted-string wants, the last
// Realm counts, and without Realm the challenges are as before.
func TestMiddlewareRealm(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	tok := string(mustSign(t, claimSet()))
	requests := []struct {
		name, auth string
		status     int
		suffix     string // after the scheme (and realm)
	}{
		{"none", "", http.StatusUnauthorized, ""},
		{"basic", "Basic Zm9vOmJhcg==", http.StatusUnauthorized, ""},
		{"malformed", "Bearer a b", http.StatusBadRequest, `error="invalid_request"`},
		{"invalid", "Bearer " + tok[:len(tok)-2], http.StatusUnauthorized, `error="invalid_token"`},
		{"too long", "Bearer " + strings.Repeat("a", MaxBearerLen+1), http.StatusUnauthorized, `error="invalid_token"`},
		{"valid", "Bearer " + tok, http.StatusOK, ""},
	}
	for _, tc := range []struct {
		name   string
		opts   []MiddlewareOption
		prefix string // the challenge's start
	}{
		{"no realm", nil, `Bearer`},
		{"plain", []MiddlewareOption{Realm("example")}, `Bearer realm="example"`},
		{"empty", []MiddlewareOption{Realm("")}, `Bearer realm=""`},
		{"escaped", []MiddlewareOption{Realm(`a "b" \c`)}, `Bearer realm="a \"b\" \\c"`},
		{"last counts", []MiddlewareOption{Realm("first"), nil, Realm("second")}, `Bearer realm="second"`},
	} {
		h := Middleware(v, next, tc.opts...)
		for _, rq := range requests {
			r := httptest.NewRequest("GET", "/api", nil)
			if rq.auth != "" {
				r.Header.Set("Authorization", rq.auth)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != rq.status {
				t.Errorf("%s, %s: status %d, want %d", tc.name, rq.name, w.Code, rq.status)
			}
			want := ""
			if rq.status != http.StatusOK {
				want = tc.prefix
				switch {
				case rq.suffix != "" && tc.prefix == "Bearer":
					want += " " + rq.suffix
				case rq.suffix != "":
					want += ", " + rq.suffix
				}
			}
			if got := w.Header().Get("WWW-Authenticate"); got != want {
				t.Errorf("%s, %s: challenge %q, want %q", tc.name, rq.name, got, want)
			}
		}
	}
}

// TestMiddlewareRealmRefused: a realm holding a control byte or a byte
// outside ASCII would put it in a response header; Middleware panics when
// called with one, at start-up, never on a request.
func TestMiddlewareRealmRefused(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	for _, name := range []string{"a\r\nSet-Cookie: x=y", "tab\there", "\x00", "caf\u00e9", "\x7f"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Realm(%q): Middleware did not panic", name)
				}
			}()
			Middleware(v, next, Realm(name))
		}()
	}
	// every printable ASCII byte is taken
	var all []byte
	for c := byte(0x20); c <= 0x7e; c++ {
		all = append(all, c)
	}
	Middleware(v, next, Realm(string(all)))
}
