package jwt

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// TestBearerSyntax: Middleware takes the credentials of RFC 6750 §2.1,
// "Bearer" 1*SP b64token, with the scheme matched case-insensitively
// (RFC 7235 §2.1): one or more spaces after the scheme (on the base only
// one was taken), never a tab or other whitespace, and a token of the
// b64token characters only, ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" /
// "/" then any "=" (on the base any byte but a space or a tab went to the
// verifier, so malformed credentials were answered as a failed token).
// RFC 6750 §3.1: Bearer credentials that are not that syntax are a
// malformed request, 400 with "invalid_request" (before, they got
// the bare 401 challenge of a request without credentials); a token of
// that syntax that fails verification, or is over MaxBearerLen, gets 401
// "invalid_token"; none reaches the handler.
func TestBearerSyntax(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	reached := 0
	h := Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached++
		if _, ok := FromContext(r.Context()); !ok {
			t.Error("no claims in context")
		}
	}))
	tok := string(mustSign(t, claimSet()))
	const malformed, invalid = `Bearer error="invalid_request"`, `Bearer error="invalid_token"`
	cases := []struct {
		auth string
		want string // "" for accepted, else the challenge
	}{
		{"Bearer " + tok, ""},
		{"Bearer  " + tok, ""},
		{"Bearer     " + tok, ""},
		{"BEARER " + tok, ""},
		{"bEaReR   " + tok, ""},
		{"Bearer " + strings.Repeat(" ", 100) + tok, ""},

		{"Bearer\t" + tok, malformed},
		{"Bearer \t" + tok, malformed},
		{"Bearer\t " + tok, malformed},
		{"Bearer \v" + tok, malformed},
		{"Bearer\u00a0" + tok, malformed},
		{"Bearer ", malformed},
		{"Bearer    ", malformed},
		{"Bearer " + tok + " ", malformed},
		{"Bearer " + tok + "\t", malformed},
		{"Bearer " + tok + " x", malformed},
		{"Bearer " + tok + ",", malformed},
		{`Bearer "` + tok + `"`, malformed},
		{"Bearer " + tok + "%", malformed},
		{"Bearer " + tok + "é", malformed},
		{"Bearer " + tok + "\x00", malformed},
		{"Bearer =" + tok, malformed},
		{"Bearer ab=c", malformed},
		{"Bearer ==", malformed},

		{"Bearer " + tok + "=", invalid},
		{"Bearer " + tok + "==", invalid},
		{"Bearer  " + tok[:len(tok)-2], invalid},
		{"Bearer aZ09-._~+/", invalid},
		{"Bearer " + strings.Repeat("a", MaxBearerLen), invalid},
		{"Bearer " + strings.Repeat("a", MaxBearerLen+1), invalid},
		{"Bearer", malformed},
		{"bearer", malformed},
		{"Bearer:" + tok, malformed},
		{"Bearer," + tok, malformed},
		{"Bearer " + strings.Repeat(" ", 100) + strings.Repeat("a", MaxBearerLen), invalid},
	}
	for i, tc := range cases {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Authorization", tc.auth)
		rec := httptest.NewRecorder()
		before := reached
		h.ServeHTTP(rec, req)
		name := tc.auth
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		name = fmt.Sprintf("case %d %q", i, name)
		if tc.want == "" {
			if rec.Code != http.StatusOK || reached != before+1 {
				t.Errorf("%s: %d, handler reached %v; want 200", name, rec.Code, reached != before)
			}
			continue
		}
		code := http.StatusUnauthorized
		if tc.want == malformed {
			code = http.StatusBadRequest
		}
		if rec.Code != code || reached != before {
			t.Errorf("%s: %d, handler reached %v; want %d", name, rec.Code, reached != before, code)
		}
		if got := rec.Header().Get("WWW-Authenticate"); got != tc.want {
			t.Errorf("%s: WWW-Authenticate %q, want %q", name, got, tc.want)
		}
	}
}

// bearerSyntax is RFC 6750 §2.1's credentials, the scheme in any case;
// bearerScheme matches credentials whose scheme (the leading run of RFC
// 7230 token characters) is "Bearer".
var (
	bearerSyntax = regexp.MustCompile(`^(?i:bearer) +([A-Za-z0-9._~+/-]+=*)$`)
	bearerScheme = regexp.MustCompile("^(?i:bearer)($|[^!#$%&'*+.^_`|~0-9A-Za-z-])")
)

// FuzzBearer: the Authorization header parser takes exactly what
// bearerSyntax matches, returning that token when it has at most
// MaxBearerLen bytes and credTooLong otherwise; other credentials of the
// Bearer scheme are credMalformed, those of another scheme credNone.
func FuzzBearer(f *testing.F) {
	for _, s := range []string{"Bearer abc", "bearer  a.b.c", "Bearer\tx", "Bearer x=", "Bearer =x", "Basic x",
		"BEARER a~+/-_.", "Bearer a b", "Bearer ", "Bearerx", "Bearer \u00a0x", "Bearer x==", "Bearer x=y",
		"Bearer", "Bearer:x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header["Authorization"] = []string{h}
		tok, cred, why := bearer(r)
		var want credentials
		m := bearerSyntax.FindStringSubmatch(h)
		switch {
		case m != nil && len(m[1]) <= MaxBearerLen:
			want = credToken
		case m != nil:
			want = credTooLong
		case bearerScheme.MatchString(h):
			want = credMalformed
		default:
			want = credNone
		}
		if cred != want || cred == credToken && tok != m[1] || cred != credToken && tok != "" || (why == nil) != (cred == credToken) {
			t.Fatalf("bearer(%q) = %q, %v, %v; want %v (a reason exactly when no token)", h, tok, cred, why, want)
		}
	})
}

// TestBearerRequestShape: RFC 6750 §3.1 — a request with more than one
// Authorization header, or with a token both in the header and in an
// "access_token" query parameter (§2.3: "uses more than one method for
// including an access token"), is invalid_request, 400, and does not reach
// the handler, whatever the tokens; one without credentials (no header,
// another scheme, a token only in the query, which Middleware does not
// read) gets the bare 401 challenge, no error code (§3). Before this change
// every one of them was the bare challenge.
func TestBearerRequestShape(t *testing.T) {
	v := hsVerifier(t, Validator{Audience: "api"})
	reached := 0
	h := Middleware(v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached++ }))
	tok := string(mustSign(t, claimSet()))
	cases := []struct {
		name   string
		target string
		auth   []string
		code   int
		want   string
	}{
		{"good", "/", []string{"Bearer " + tok}, 200, ""},
		{"good, other query", "/?x=1&access_tokens=2", []string{"Bearer " + tok}, 200, ""},
		{"no header", "/", nil, 401, "Bearer"},
		{"empty header", "/", []string{""}, 401, "Bearer"},
		{"basic", "/", []string{"Basic dXNlcjpwYXNz"}, 401, "Bearer"},
		{"other scheme, token shape", "/", []string{"Token " + tok}, 401, "Bearer"},
		{"query only", "/?access_token=" + tok, nil, 401, "Bearer"},
		{"two bearer headers", "/", []string{"Bearer " + tok, "Bearer " + tok}, 400, `Bearer error="invalid_request"`},
		{"bearer and basic", "/", []string{"Basic dXNlcjpwYXNz", "Bearer " + tok}, 400, `Bearer error="invalid_request"`},
		{"two basic", "/", []string{"Basic a", "Basic b"}, 400, `Bearer error="invalid_request"`},
		{"header and query", "/?access_token=" + tok, []string{"Bearer " + tok}, 400, `Bearer error="invalid_request"`},
		{"header and empty query", "/?a=b&access_token=", []string{"Bearer " + tok}, 400, `Bearer error="invalid_request"`},
	}
	for _, tc := range cases {
		req := httptest.NewRequest("GET", tc.target, nil)
		for _, a := range tc.auth {
			req.Header.Add("Authorization", a)
		}
		rec := httptest.NewRecorder()
		before := reached
		h.ServeHTTP(rec, req)
		if rec.Code != tc.code || (reached != before) != (tc.code == 200) {
			t.Errorf("%s: %d, handler reached %v; want %d", tc.name, rec.Code, reached != before, tc.code)
		}
		if got := rec.Header().Get("WWW-Authenticate"); got != tc.want {
			t.Errorf("%s: WWW-Authenticate %q, want %q", tc.name, got, tc.want)
		}
	}
}
