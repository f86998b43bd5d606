package jwt

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// refusal is one call of an OnRefusal hook.
type refusal struct {
	status int
	err    error
}

// recordRefusals is an OnRefusal hook that records its calls.
func recordRefusals(calls *[]refusal) MiddlewareOption {
	return OnRefusal(func(r *http.Request, status int, err error) {
		*calls = append(*calls, refusal{status, err})
	})
}

// TestMiddlewareOnRefusalEveryBranch: for every way Middleware refuses a
// request, the OnRefusal hook is called exactly once, with the status the
// response then has and an error that errors.Is matches to the sentinel
// saying why; the response (status, headers, body) is byte for byte the
// one Middleware gives without the hook, next is never reached, and the
// errors Middleware makes itself carry no byte of the token. Accepted
// requests never call the hook. On the base there was no hook: a service
// could not learn why a token failed.
func TestMiddlewareOnRefusalEveryBranch(t *testing.T) {
	hs := hsVerifier(t, Validator{Audience: "api"})
	tok := string(mustSign(t, claimSet()))
	expired := claimSet()
	expired.ExpiresAt = t0.Add(-time.Hour)
	wrongAud := claimSet()
	wrongAud.Audience = []string{"other"}
	strangerTok, err := Sign(claimSet(), jws.SigningKey{Alg: "HS256", Key: bytes.Repeat([]byte{9}, 32)})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("a", MaxBearerLen+1)

	// A remote key set whose server fails (jwk.ErrFetch), and one whose
	// server hangs, for requests whose context ends while they wait.
	key, err := jwk.Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	key.Kid = "k1"
	esTok, _ := Sign(claimSet(), jws.SigningKey{Alg: "ES256", Key: key})
	down := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusInternalServerError)
	}))
	defer down.Close()
	hang := testenv.HangingServer(t, true)
	remoteVerifier := func(srv *httptest.Server) *Verifier {
		remote, err := jwk.NewRemote(srv.URL+"/jwks", jwk.RemoteOptions{Client: srv.Client(), Timeout: time.Minute, Cooldown: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		v, err := NewVerifier(remote, []string{"ES256"}, Validator{Audience: "api", Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	downV, hangV := remoteVerifier(down), remoteVerifier(hang)

	cases := []struct {
		name   string
		v      *Verifier
		target string
		auth   []string
		ctx    func() (context.Context, context.CancelFunc)
		status int   // 200 for accepted
		want   error // the sentinel the hook's error matches
	}{
		{name: "good", auth: []string{"Bearer " + tok}, status: 200},
		{name: "good, lower-case scheme, spaces", auth: []string{"bearer   " + tok}, status: 200},
		{name: "good, other query", target: "/?access_tokens=1", auth: []string{"Bearer " + tok}, status: 200},

		{name: "no header", status: 401, want: ErrNoToken},
		{name: "empty header", auth: []string{""}, status: 401, want: ErrNoToken},
		{name: "basic", auth: []string{"Basic dXNlcjpwYXNz"}, status: 401, want: ErrNoToken},
		{name: "query only", target: "/?access_token=" + tok, status: 401, want: ErrNoToken},
		{name: "two headers", auth: []string{"Bearer " + tok, "Bearer " + tok}, status: 400, want: ErrInvalidRequest},
		{name: "query and header", target: "/?access_token=" + tok, auth: []string{"Bearer " + tok}, status: 400, want: ErrInvalidRequest},
		{name: "query and long header", target: "/?access_token=x", auth: []string{"Bearer " + long}, status: 400, want: ErrInvalidRequest},
		{name: "no token", auth: []string{"Bearer "}, status: 400, want: ErrInvalidRequest},
		{name: "tab", auth: []string{"Bearer\t" + tok}, status: 400, want: ErrInvalidRequest},
		{name: "bad b64token", auth: []string{"Bearer " + tok + "%"}, status: 400, want: ErrInvalidRequest},
		{name: "token and garbage", auth: []string{"Bearer " + tok + " x"}, status: 400, want: ErrInvalidRequest},
		{name: "bad syntax and query", target: "/?access_token=x", auth: []string{"Bearer a b"}, status: 400, want: ErrInvalidRequest},
		{name: "too long", auth: []string{"Bearer " + long}, status: 401, want: jose.ErrLimit},
		{name: "not a JWT", auth: []string{"Bearer abc"}, status: 401, want: jose.ErrMalformed},
		{name: "expired", auth: []string{"Bearer " + string(mustSign(t, expired))}, status: 401, want: ErrExpired},
		{name: "bad signature", auth: []string{"Bearer " + string(strangerTok)}, status: 401, want: jose.ErrVerify},
		{name: "wrong audience", auth: []string{"Bearer " + string(mustSign(t, wrongAud))}, status: 401, want: ErrClaimMismatch},
		{name: "zero Verifier", v: new(Verifier), auth: []string{"Bearer " + tok}, status: 401, want: jose.ErrKey},
		{name: "key set unavailable", v: downV, auth: []string{"Bearer " + string(esTok)}, status: 503, want: jwk.ErrFetch},
		{name: "context canceled", v: hangV, auth: []string{"Bearer " + string(esTok)}, status: 503, want: context.Canceled,
			ctx: func() (context.Context, context.CancelFunc) {
				c, f := context.WithCancel(context.Background())
				f()
				return c, f
			}},
		{name: "deadline", v: hangV, auth: []string{"Bearer " + string(esTok)}, status: 503, want: context.DeadlineExceeded,
			ctx: func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), time.Millisecond)
			}},
	}
	for _, tc := range cases {
		v := tc.v
		if v == nil {
			v = hs
		}
		target := tc.target
		if target == "" {
			target = "/"
		}
		serve := func(opts ...MiddlewareOption) (*httptest.ResponseRecorder, bool) {
			ctx, cancel := context.Background(), context.CancelFunc(func() {})
			if tc.ctx != nil {
				ctx, cancel = tc.ctx()
			}
			defer cancel()
			req := httptest.NewRequestWithContext(ctx, "GET", target, nil)
			for _, a := range tc.auth {
				req.Header.Add("Authorization", a)
			}
			reached := false
			h := Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				reached = true
				if _, ok := FromContext(r.Context()); !ok {
					t.Errorf("%s: no claims in context", tc.name)
				}
			}), opts...)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec, reached
		}
		var calls []refusal
		rec, reached := serve(recordRefusals(&calls))
		plain, _ := serve()
		if rec.Code != tc.status || reached != (tc.status == 200) {
			t.Errorf("%s: %d, next reached %v; want %d", tc.name, rec.Code, reached, tc.status)
		}
		if rec.Code != plain.Code || rec.Body.String() != plain.Body.String() || !headersEqual(rec.Header(), plain.Header()) {
			t.Errorf("%s: with the hook %d %v %q; without %d %v %q", tc.name,
				rec.Code, rec.Header(), rec.Body, plain.Code, plain.Header(), plain.Body)
		}
		if tc.status == 200 {
			if len(calls) != 0 {
				t.Errorf("%s: accepted, but the hook was called: %v", tc.name, calls)
			}
			continue
		}
		if len(calls) != 1 {
			t.Errorf("%s: hook called %d times; want 1", tc.name, len(calls))
			continue
		}
		c := calls[0]
		if c.status != rec.Code {
			t.Errorf("%s: hook got status %d, the response is %d", tc.name, c.status, rec.Code)
		}
		if !errors.Is(c.err, tc.want) || c.status == 503 && !errors.Is(c.err, jose.ErrKey) {
			t.Errorf("%s: hook got %v; want errors.Is %v", tc.name, c.err, tc.want)
		}
		if msg := c.err.Error(); len(tc.auth) > 0 && strings.Contains(msg, tok) || strings.Contains(msg, long) {
			t.Errorf("%s: the error holds the token: %.100s", tc.name, msg)
		}
		if strings.Contains(rec.Body.String()+strings.Join(rec.Header().Values("WWW-Authenticate"), ""), c.err.Error()) {
			t.Errorf("%s: the response says why", tc.name)
		}
	}
}

func headersEqual(a, b http.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for k, va := range a {
		if strings.Join(va, "\x00") != strings.Join(b[k], "\x00") {
			return false
		}
	}
	return true
}

// TestMiddlewareRefusalErrorsDistinct: the errors Middleware makes itself
// say which of its refusals it was, each in its own words, with "jwt: "
// once.
func TestMiddlewareRefusalErrorsDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, err := range []error{errNoHeader, errOtherScheme, errTwoHeaders, errTwoMethods, errSyntax, errTooLong} {
		msg := err.Error()
		if seen[msg] || !strings.HasPrefix(msg, "jwt: ") || strings.Count(msg, "jwt: ") != 1 {
			t.Errorf("error text %q: repeated, or not one \"jwt: \" prefix", msg)
		}
		seen[msg] = true
	}
	want := map[string]error{
		"":                   errNoHeader,
		"Basic x":            errOtherScheme,
		"Bearer a b":         errSyntax,
		"Bearer a\x00Bearer": errTwoHeaders,
	}
	for auth, w := range want {
		r := httptest.NewRequest("GET", "/", nil)
		if auth != "" {
			r.Header["Authorization"] = strings.Split(auth, "\x00")
		}
		if _, _, got := bearer(r); got != w {
			t.Errorf("%q: %v; want %v", auth, got, w)
		}
	}
	r := httptest.NewRequest("GET", "/?access_token=1", nil)
	r.Header.Set("Authorization", "Bearer abc")
	if _, _, got := bearer(r); got != errTwoMethods {
		t.Errorf("header and query: %v; want %v", got, errTwoMethods)
	}
}

// TestMiddlewareOnRefusalCannotAdmit: whatever the hook does to the
// request (here: gives it a good token and claims in its context through
// the pointer it gets), the refused request does not reach next and gets
// the documented answer.
func TestMiddlewareOnRefusalCannotAdmit(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	tok := string(mustSign(t, claimSet()))
	good, _ := v.Verify([]byte(tok))
	h := Middleware(v, http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		t.Error("a refused request reached next")
	}), OnRefusal(func(r *http.Request, status int, err error) {
		r.Header.Set("Authorization", "Bearer "+tok)
		*r = *r.WithContext(NewContext(r.Context(), good))
	}))
	for _, auth := range []string{"", "Basic x", "Bearer a b", "Bearer " + tok[:len(tok)-2]} {
		req := httptest.NewRequest("GET", "/", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code == http.StatusOK {
			t.Errorf("%q: 200", auth)
		}
	}
}

// TestMiddlewareOnRefusalPanics: a panic in the hook is not recovered: it
// goes up from ServeHTTP as a handler's own would, before anything was
// written and without reaching next.
func TestMiddlewareOnRefusalPanics(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	h := Middleware(v, http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		t.Error("reached next")
	}), OnRefusal(func(*http.Request, int, error) { panic("hook") }))
	rec := httptest.NewRecorder()
	func() {
		defer func() {
			if p := recover(); p != "hook" {
				t.Errorf("recovered %v; want the hook's panic", p)
			}
		}()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	}()
	if len(rec.Header()) != 0 || rec.Body.Len() != 0 {
		t.Errorf("response written before the hook: %v %q", rec.Header(), rec.Body)
	}
}

// TestMiddlewareOptions: a nil MiddlewareOption, or OnRefusal(nil),
// changes nothing; of two OnRefusal options the last is called.
func TestMiddlewareOptions(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	next := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	first, last := 0, 0
	for name, opts := range map[string][]MiddlewareOption{
		"nil option":    {nil},
		"nil hook":      {OnRefusal(nil)},
		"hook then nil": {OnRefusal(func(*http.Request, int, error) { first++ }), OnRefusal(nil)},
		"two hooks": {OnRefusal(func(*http.Request, int, error) { first++ }),
			OnRefusal(func(*http.Request, int, error) { last++ })},
	} {
		rec := httptest.NewRecorder()
		Middleware(v, next, opts...).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("%s: %d; want 401", name, rec.Code)
		}
	}
	if first != 0 || last != 1 {
		t.Errorf("earlier hooks called %d times, the last %d; want 0 and 1", first, last)
	}
}

// TestMiddlewareOnRefusalConcurrent: the hook is called on each request's
// goroutine, once per refusal, under concurrent requests (run with -race).
func TestMiddlewareOnRefusalConcurrent(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	tok := string(mustSign(t, claimSet()))
	var refused, reached atomic.Int64
	h := Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached.Add(1) }),
		OnRefusal(func(r *http.Request, status int, err error) {
			if status != http.StatusUnauthorized || !errors.Is(err, jose.ErrVerify) {
				t.Errorf("%d %v", status, err)
			}
			refused.Add(1)
		}))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 50 {
				auth := "Bearer " + tok
				if (i+j)%2 == 1 {
					auth = auth[:len(auth)-2] + "AA"
				}
				req := httptest.NewRequest("GET", "/", nil)
				req.Header.Set("Authorization", auth)
				h.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
	wg.Wait()
	if refused.Load() != 200 || reached.Load() != 200 {
		t.Errorf("refused %d, reached %d; want 200 and 200", refused.Load(), reached.Load())
	}
}

// discardWriter is a ResponseWriter that keeps only its header map, so
// that AllocsPerRun counts Middleware's allocations, not a recorder's.
type discardWriter struct{ h http.Header }

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(int)             {}

// TestMiddlewareAllocsSameWithHook: an OnRefusal hook costs no allocation,
// on accepted requests or on any kind of refusal: the errors Middleware
// makes itself are package values, and a failed token's is the one
// VerifyInto returned anyway. Without the hook the counts are at most those
// of the middleware before the option existed (Go 1.26: 7 for an accepted
// request, 5 for a refusal before verifying, 8 for a token that fails).
// Under the race detector sync.Pool drops items at random, so the counts
// are only logged.
func TestMiddlewareAllocsSameWithHook(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	tok := string(mustSign(t, claimSet()))
	next := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	var calls int
	plain := Middleware(v, next)
	hooked := Middleware(v, next, OnRefusal(func(*http.Request, int, error) { calls++ }))
	for _, tc := range []struct {
		name, auth string
		max        float64 // without the hook, before OnRefusal
	}{
		{"accepted", "Bearer " + tok, 7},
		{"no header", "", 5},
		{"basic", "Basic x", 5},
		{"malformed", "Bearer a b", 5},
		{"too long", "Bearer " + strings.Repeat("a", MaxBearerLen+1), 5},
		{"bad signature", "Bearer " + tok[:len(tok)-2], 8},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		if tc.auth != "" {
			r.Header.Set("Authorization", tc.auth)
		}
		w := &discardWriter{h: http.Header{}}
		count := func(h http.Handler) float64 {
			return testing.AllocsPerRun(100, func() { clear(w.h); h.ServeHTTP(w, r) })
		}
		without, with := count(plain), count(hooked)
		t.Logf("%s: %v allocations per request without the hook, %v with it", tc.name, without, with)
		if testenv.Race {
			continue
		}
		if with != without {
			t.Errorf("%s: %v allocations with the hook, %v without", tc.name, with, without)
		}
		if without > tc.max {
			t.Errorf("%s: %v allocations without the hook; want at most %v", tc.name, without, tc.max)
		}
	}
	if calls == 0 {
		t.Error("the hook was never called")
	}
}
