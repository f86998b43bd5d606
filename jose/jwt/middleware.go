package jwt

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

type ctxKey struct{}

// FromContext returns the claims Middleware put in a request's context.
func FromContext(ctx context.Context) (*Claims, bool) {
	c, ok := ctx.Value(ctxKey{}).(*Claims)
	return c, ok
}

// MaxBearerLen bounds the token Middleware accepts (16 KiB, far above any
// real JWT); a longer one is refused before any parsing.
const MaxBearerLen = 16 << 10

// Middleware returns a handler that requires a bearer token (RFC 6750
// §2.1: "Authorization: Bearer <token>", the scheme in any case, one or
// more spaces after it, the token of b64token's characters) verified by v,
// puts its claims in the request's context (FromContext) and calls next. A
// request without a valid token gets 401 with a WWW-Authenticate challenge
// ("invalid_token" when a token of that syntax fails) and never reaches
// next; the response says nothing about why the token failed.
//
// With a *jwk.Remote key set, the request's context bounds the fetch, and
// a set that cannot be fetched (jwk.ErrFetch: no earlier set is held) is
// 503 Service Unavailable without a challenge, since the token was not
// judged and a client told it is invalid would drop it.
func Middleware(v *Verifier, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := bearer(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		c := new(Claims)
		if err := v.VerifyInto(r.Context(), []byte(tok), c); err != nil {
			if errors.Is(err, jwk.ErrFetch) {
				// the key set is unavailable: the token was not judged
				http.Error(w, "key set unavailable", http.StatusServiceUnavailable)
				return
			}
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c)))
	})
}

// bearer extracts the token of the one Authorization header: credentials
// "Bearer" 1*SP b64token (RFC 6750 §2.1), the scheme in any case (RFC 7235
// §2.1), the separator spaces only (no tab or other whitespace), and the
// token of b64token's characters alone, ALPHA / DIGIT / "-" / "." / "_" /
// "~" / "+" / "/" then any "=", at most MaxBearerLen bytes.
func bearer(r *http.Request) (string, bool) {
	hs := r.Header.Values("Authorization")
	if len(hs) != 1 {
		return "", false
	}
	h := hs[0]
	const scheme = "bearer "
	if len(h) <= len(scheme) || !strings.EqualFold(h[:len(scheme)], scheme) {
		return "", false
	}
	tok := strings.TrimLeft(h[len(scheme):], " ")
	if len(tok) > MaxBearerLen || !isB64Token(tok) {
		return "", false
	}
	return tok, true
}

// isB64Token reports whether s is a b64token (RFC 6750 §2.1):
// 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=".
func isB64Token(s string) bool {
	n := 0
	for n < len(s) && b64TokenChar[s[n]] {
		n++
	}
	if n == 0 {
		return false
	}
	for _, c := range []byte(s[n:]) {
		if c != '=' {
			return false
		}
	}
	return true
}

// b64TokenChar[c] is true for the characters of b64token before its "=".
var b64TokenChar = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/") {
		t[c] = true
	}
	return t
}()
