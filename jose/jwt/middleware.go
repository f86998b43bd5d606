package jwt

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

type ctxKey struct{}

// FromContext returns the claims Middleware, or NewContext, put in a
// request's context, and whether there are any (none in a nil ctx).
func FromContext(ctx context.Context) (*Claims, bool) {
	if ctx == nil {
		return nil, false
	}
	c, ok := ctx.Value(ctxKey{}).(*Claims)
	return c, ok && c != nil
}

// NewContext returns a copy of ctx that carries c, where FromContext finds
// it: the context Middleware gives next, for a service's own middleware or
// a handler's tests. c is not copied — FromContext returns c itself — so it
// must not be changed or reused (Verifier.VerifyInto) while the context is
// in use. A nil c hides any claims ctx carries: FromContext then returns
// nil, false. As for context.WithValue, ctx must not be nil.
func NewContext(ctx context.Context, c *Claims) context.Context {
	return context.WithValue(ctx, ctxKey{}, c)
}

// MaxBearerLen bounds the token Middleware accepts (16 KiB, far above any
// real JWT); a longer one is refused before any parsing.
const MaxBearerLen = 16 << 10

// Errors of a request Middleware refuses before a token is verified, which
// OnRefusal hands to the service; a token over MaxBearerLen gets one
// wrapping jose.ErrLimit, and a token that is verified and fails the
// Verifier's error instead.
var (
	// ErrNoToken: the request has no bearer credentials (no Authorization
	// header, or one of another scheme); Middleware answers 401 with the
	// bare challenge (RFC 6750 §3).
	ErrNoToken = errors.New("jwt: no bearer token")
	// ErrInvalidRequest: the request's bearer credentials are malformed or
	// ambiguous (not RFC 6750 §2.1's syntax, more than one Authorization
	// header, a token also in the query); Middleware answers 400 with
	// "invalid_request" (RFC 6750 §3.1).
	ErrInvalidRequest = errors.New("jwt: malformed bearer request")
)

// The errors Middleware makes itself: package values, so that a refusal
// allocates nothing for them, and none holds a byte of the request.
var (
	errNoHeader    = wrap(ErrNoToken, "no Authorization header")
	errOtherScheme = wrap(ErrNoToken, "the Authorization scheme is not Bearer")
	errTwoHeaders  = wrap(ErrInvalidRequest, "more than one Authorization header")
	errTwoMethods  = wrap(ErrInvalidRequest, `a token both in the Authorization header and in an "access_token" query parameter`)
	errSyntax      = wrap(ErrInvalidRequest, "the Bearer credentials are not one b64token after one or more spaces")
	errTooLong     = wrap(jose.ErrLimit, "the bearer token is longer than MaxBearerLen ("+strconv.Itoa(MaxBearerLen)+" bytes)")
)

// MiddlewareOption adjusts Middleware. No option is the default described
// there; a nil MiddlewareOption changes nothing.
type MiddlewareOption func(*middlewareConfig)

type middlewareConfig struct {
	onRefusal func(r *http.Request, status int, err error)
	realm     string
	hasRealm  bool
}

// Realm has every challenge Middleware sends name the protection space
// name as its "realm" attribute, first, as in RFC 6750 §3's examples:
// `Bearer realm="example"` for a request without credentials and
// `Bearer realm="example", error="invalid_token"` for a refused token.
//
// RFC 6750 §3 wants the Bearer scheme followed by at least one attribute.
// Without Realm the challenge for a request without credentials is the
// bare scheme "Bearer", which RFC 9110's challenge grammar allows and
// clients accept, since the package cannot make up a realm for the
// service; a service that must meet §3 to the letter names its realm.
//
// name is sent as an RFC 9110 quoted-string: a '"' or '\' in it is escaped
// with a backslash. It must be printable ASCII (0x20–0x7E); Middleware
// panics, when it is called, with a name holding any other byte, as that
// is a programming error that would otherwise reach the response's header.
// Of several Realm options the last counts.
func Realm(name string) MiddlewareOption {
	return func(c *middlewareConfig) { c.realm, c.hasRealm = name, true }
}

// challenges are the WWW-Authenticate values Middleware sends: without
// credentials, for a malformed request and for a refused token.
type challenges struct{ none, malformed, invalid string }

func newChallenges(cfg *middlewareConfig) challenges {
	if !cfg.hasRealm {
		return challenges{`Bearer`, `Bearer error="invalid_request"`, `Bearer error="invalid_token"`}
	}
	q := make([]byte, 0, len(cfg.realm)+2)
	q = append(q, '"')
	for i := 0; i < len(cfg.realm); i++ {
		c := cfg.realm[i]
		if c < 0x20 || c > 0x7e {
			panic("jwt: Middleware with a Realm holding a byte outside printable ASCII")
		}
		if c == '"' || c == '\\' {
			q = append(q, '\\')
		}
		q = append(q, c)
	}
	q = append(q, '"')
	realm := `Bearer realm=` + string(q)
	return challenges{realm, realm + `, error="invalid_request"`, realm + `, error="invalid_token"`}
}

// OnRefusal has Middleware call f for every request it refuses, once,
// before the response is written, so that a service can log or count why
// a token failed. status is the one Middleware then answers (400, 401 or
// 503) and err says why, for errors.Is:
//
//   - 401 without a challenge's error code: ErrNoToken;
//   - 400: ErrInvalidRequest;
//   - 401 "invalid_token": jose.ErrLimit for a token over MaxBearerLen, or
//     the error of Verifier.VerifyInto (ErrExpired, ErrClaimMismatch,
//     jose.ErrVerify, jose.ErrAlgorithm, jose.ErrMalformed, …);
//   - 503: VerifyInto's error, wrapping jwk.ErrFetch, context.Canceled or
//     context.DeadlineExceeded (and jose.ErrKey).
//
// The response does not change: its status, challenge and body never say
// why, and f cannot make the request reach next, nor touch the response
// (it is given none). The errors Middleware makes itself hold no byte of
// the request; the Verifier's, as Verify's, may quote a name or value of
// the token (its "alg", a claim's name: cut at 64 bytes, control bytes and
// quotes replaced by '?') or give the JSON Pointer path of a malformed
// member (cut at 256 bytes, control bytes escaped as \uXXXX), never the
// token itself: each message is one line of UTF-8 of bounded length, even
// for a token refused before its signature was checked. r is the request
// as Middleware got it, credentials and all (a Basic password too: log its
// Authorization header only on purpose); its context may have ended (503).
// f runs on the request's goroutine, so it is called concurrently for
// concurrent requests and should be quick. A panic in f is not recovered:
// it goes up as one in any handler does (net/http's server logs it and
// ends the connection or stream, no response having been written). A nil
// f, or no OnRefusal, calls nothing; of several OnRefusal options the last
// counts.
func OnRefusal(f func(r *http.Request, status int, err error)) MiddlewareOption {
	return func(c *middlewareConfig) { c.onRefusal = f }
}

// Middleware returns a handler that requires a bearer token in the
// Authorization header (RFC 6750 §2.1: "Authorization: Bearer <token>", the
// scheme in any case, one or more spaces after it, the token of b64token's
// characters) verified by v, puts its claims in the request's context
// (FromContext) and calls next. A request that does not pass never reaches
// next, and the response never says why a token failed. As RFC 6750 §3 and
// §3.1 say, the answer is:
//
//   - no credentials — no Authorization header, or one with another scheme
//     ("Basic …"): 401 with the challenge "Bearer" and no error code (with
//     the Realm option, `Bearer realm="…"`, which every challenge then
//     starts with);
//   - a malformed request — the Bearer scheme without one b64token after
//     it (no token, a tab or other separator, a character b64token lacks,
//     anything after the token), more than one Authorization header, or a
//     token both in the header and in an "access_token" query parameter
//     (§2.3; more than one method): 400 with `Bearer error="invalid_request"`;
//   - a token that fails, or is longer than MaxBearerLen: 401 with
//     `Bearer error="invalid_token"`.
//
// Only the header carries a token here: an "access_token" in the query or
// a form body alone is not read (the request then has no credentials), and
// the body is never read, so a form-body token beside the header (§2.2) is
// not noticed.
//
// With a *jwk.Remote key set, the request's context bounds the wait for a
// fetch. A set that cannot be fetched (jwk.ErrFetch: no earlier set is
// held), or a request whose context ends while it waits, is 503 Service
// Unavailable without a challenge, since the token was not judged and a
// client told it is invalid would drop it.
//
// The reason a request was refused goes to the service alone, through the
// OnRefusal option (its error matches the jwt and jose sentinels with
// errors.Is); without it, the reason is not kept. A service that must
// answer otherwise verifies the token itself with Verifier.Verify (or
// VerifyInto, which reuses a Claims) and can put the claims where
// FromContext finds them with NewContext.
//
// A nil v or next is a programming error: Middleware panics when it is
// called, at start-up, as net/http's Handle does for a nil handler, rather
// than on every request that carries a token.
func Middleware(v *Verifier, next http.Handler, opts ...MiddlewareOption) http.Handler {
	if v == nil {
		panic("jwt: Middleware with a nil *Verifier")
	}
	if f, ok := next.(http.HandlerFunc); next == nil || ok && f == nil {
		panic("jwt: Middleware with a nil next handler")
	}
	var cfg middlewareConfig
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	onRefusal := cfg.onRefusal
	ch := newChallenges(&cfg)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, cred, why := bearer(r)
		if cred != credToken {
			if onRefusal != nil {
				onRefusal(r, cred.status(), why)
			}
			switch cred {
			case credNone:
				w.Header().Set("WWW-Authenticate", ch.none)
				http.Error(w, "unauthorized", http.StatusUnauthorized)
			case credMalformed:
				w.Header().Set("WWW-Authenticate", ch.malformed)
				http.Error(w, "bad request", http.StatusBadRequest)
			default: // credTooLong
				w.Header().Set("WWW-Authenticate", ch.invalid)
				http.Error(w, "unauthorized", http.StatusUnauthorized)
			}
			return
		}
		c := new(Claims)
		if err := v.VerifyInto(r.Context(), []byte(tok), c); err != nil {
			if errors.Is(err, jwk.ErrFetch) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				// the key set is unavailable, or the request's context
				// ended while waiting for it: the token was not judged
				if onRefusal != nil {
					onRefusal(r, http.StatusServiceUnavailable, err)
				}
				http.Error(w, "key set unavailable", http.StatusServiceUnavailable)
				return
			}
			if onRefusal != nil {
				onRefusal(r, http.StatusUnauthorized, err)
			}
			w.Header().Set("WWW-Authenticate", ch.invalid)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(NewContext(r.Context(), c)))
	})
}

// credentials is what a request's Authorization header holds.
type credentials int

const (
	credToken     credentials = iota // a b64token of at most MaxBearerLen bytes
	credNone                         // no header, or another scheme
	credMalformed                    // not RFC 6750 §2.1's syntax, or ambiguous
	credTooLong                      // a b64token over MaxBearerLen
)

// status is the HTTP status Middleware answers to credentials that are
// not a token.
func (c credentials) status() int {
	if c == credMalformed {
		return http.StatusBadRequest
	}
	return http.StatusUnauthorized
}

// bearer extracts the token of the one Authorization header: credentials
// "Bearer" 1*SP b64token (RFC 6750 §2.1), the scheme in any case (RFC 7235
// §2.1), the separator spaces only (no tab or other whitespace), and the
// token of b64token's characters alone, ALPHA / DIGIT / "-" / "." / "_" /
// "~" / "+" / "/" then any "=". The scheme is the header's leading run of
// token characters (RFC 7230 §3.2.6), so "Bearer\tx" has the Bearer scheme
// and is malformed, while "Bearerx" has another. Unless it finds a token,
// it also says why (one of the fixed errNoHeader … errTooLong, no
// allocation), for OnRefusal.
func bearer(r *http.Request) (string, credentials, error) {
	hs := r.Header.Values("Authorization")
	switch {
	case len(hs) == 0:
		return "", credNone, errNoHeader
	case len(hs) > 1: // not a list header (RFC 7235 §4.2): one credential
		return "", credMalformed, errTwoHeaders
	}
	tok, cred, why := bearerHeader(hs[0])
	if (cred == credToken || cred == credTooLong) && queryHasToken(r.URL.RawQuery) {
		return "", credMalformed, errTwoMethods
	}
	return tok, cred, why
}

// bearerHeader is bearer for the one Authorization header h, without
// looking at the query.
func bearerHeader(h string) (string, credentials, error) {
	n := 0
	for n < len(h) && tchar[h[n]] {
		n++
	}
	if !strings.EqualFold(h[:n], "bearer") {
		return "", credNone, errOtherScheme
	}
	tok := strings.TrimLeft(h[n:], " ")
	if len(tok) == len(h)-n || !isB64Token(tok) {
		return "", credMalformed, errSyntax
	}
	if len(tok) > MaxBearerLen {
		return "", credTooLong, errTooLong
	}
	return tok, credToken, nil
}

// queryHasToken reports whether the query names an "access_token"
// parameter (RFC 6750 §2.3), in any spelling url.ParseQuery decodes to it
// ('+', percent-escapes), among the parameters ParseQuery keeps (not one
// holding ';' or a bad escape). It reads the names in place, allocating
// nothing whatever the query's size, and takes any number of parameters:
// past 10,000 ParseQuery (and so URL.Query) returns none, but a token in
// the header and in such a query is still sent by two methods.
func queryHasToken(rawQuery string) bool {
	for q := rawQuery; q != ""; {
		var param string
		param, q, _ = strings.Cut(q, "&")
		if strings.IndexByte(param, ';') >= 0 {
			continue // ParseQuery refuses it
		}
		name, value, _ := strings.Cut(param, "=")
		if unescapesTo(name, "access_token") && validEscapes(value) {
			return true
		}
	}
	return false
}

// unescapesTo reports whether url.QueryUnescape(s) is want without error,
// without allocating.
func unescapesTo(s, want string) bool {
	j := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '+':
			c = ' '
		case '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
			c = unhex(s[i+1])<<4 | unhex(s[i+2])
			i += 2
		}
		if j == len(want) || want[j] != c {
			return false
		}
		j++
	}
	return j == len(want)
}

// validEscapes reports whether every '%' of s starts an escape of two hex
// digits, so that url.QueryUnescape(s) succeeds.
func validEscapes(s string) bool {
	for i := strings.IndexByte(s, '%'); i >= 0; i = strings.IndexByte(s, '%') {
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return false
		}
		s = s[i+3:]
	}
	return true
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
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
var b64TokenChar = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/")

// tchar[c] is true for the characters of an HTTP token (RFC 7230 §3.2.6),
// such as an authentication scheme.
var tchar = charSet("!#$%&'*+-.^_`|~ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

func charSet(s string) (t [256]bool) {
	for _, c := range []byte(s) {
		t[c] = true
	}
	return t
}
