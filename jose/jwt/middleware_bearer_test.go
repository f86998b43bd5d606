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
// Credentials that are not that syntax get the bare "Bearer" challenge, a
// token of that syntax that fails verification "invalid_token" (RFC 6750
// §3.1); neither reaches the handler.
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
	const noToken, invalid = "Bearer", `Bearer error="invalid_token"`
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

		{"Bearer\t" + tok, noToken},
		{"Bearer \t" + tok, noToken},
		{"Bearer\t " + tok, noToken},
		{"Bearer \v" + tok, noToken},
		{"Bearer\u00a0" + tok, noToken},
		{"Bearer" + tok, noToken},
		{"Bearer ", noToken},
		{"Bearer    ", noToken},
		{"Bearer " + tok + " ", noToken},
		{"Bearer " + tok + "\t", noToken},
		{"Bearer " + tok + " x", noToken},
		{"Bearer " + tok + ",", noToken},
		{`Bearer "` + tok + `"`, noToken},
		{"Bearer " + tok + "%", noToken},
		{"Bearer " + tok + "é", noToken},
		{"Bearer " + tok + "\x00", noToken},
		{"Bearer =" + tok, noToken},
		{"Bearer ab=c", noToken},
		{"Bearer ==", noToken},
		{"Bearer " + strings.Repeat("a", MaxBearerLen+1), noToken},

		{"Bearer " + tok + "=", invalid},
		{"Bearer " + tok + "==", invalid},
		{"Bearer  " + tok[:len(tok)-2], invalid},
		{"Bearer aZ09-._~+/", invalid},
		{"Bearer " + strings.Repeat("a", MaxBearerLen), invalid},
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
		if rec.Code != http.StatusUnauthorized || reached != before {
			t.Errorf("%s: %d, handler reached %v; want 401", name, rec.Code, reached != before)
		}
		if got := rec.Header().Get("WWW-Authenticate"); got != tc.want {
			t.Errorf("%s: WWW-Authenticate %q, want %q", name, got, tc.want)
		}
	}
}

// bearerSyntax is RFC 6750 §2.1's credentials, the scheme in any case.
var bearerSyntax = regexp.MustCompile(`^(?i:bearer) +([A-Za-z0-9._~+/-]+=*)$`)

// FuzzBearer: the Authorization header parser takes exactly what
// bearerSyntax matches, with a token of at most MaxBearerLen bytes, and
// returns that token.
func FuzzBearer(f *testing.F) {
	for _, s := range []string{"Bearer abc", "bearer  a.b.c", "Bearer\tx", "Bearer x=", "Bearer =x", "Basic x",
		"BEARER a~+/-_.", "Bearer a b", "Bearer ", "Bearerx", "Bearer \u00a0x", "Bearer x==", "Bearer x=y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header["Authorization"] = []string{h}
		tok, ok := bearer(r)
		m := bearerSyntax.FindStringSubmatch(h)
		want := m != nil && len(m[1]) <= MaxBearerLen
		if ok != want || ok && tok != m[1] {
			t.Fatalf("bearer(%q) = %q, %v; want %v", h, tok, ok, want)
		}
	})
}
