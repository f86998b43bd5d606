package jwk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
)

// Defaults for RemoteOptions.
const (
	DefaultFetchTimeout = 10 * time.Second
	DefaultMaxSetSize   = 512 << 10
	DefaultCooldown     = 30 * time.Second
	DefaultMaxAge       = time.Hour
)

// ErrFetch is returned when a JWK Set could not be fetched and no earlier
// copy is at hand, and by Remote.Err for a last fetch that failed; it wraps
// the cause.
var ErrFetch = errors.New("jwk: fetching JWK Set failed")

// RemoteOptions configure a Remote. The zero value is safe: HTTPS only, a 10 s
// timeout, a 512 KiB size cap, a 30 s refetch cooldown and an hour's cache.
type RemoteOptions struct {
	// Client makes the requests; nil means a client with no cookie jar and
	// Timeout, over a clone of http.DefaultTransport that also bounds the
	// response headers to 64 KiB (one clone, shared by such Remotes, made
	// when the first is: later changes to http.DefaultTransport do not
	// reach it; pass a Client for that). A Client given is copied and
	// used as it is, but for its Timeout (at most Timeout) and its
	// CheckRedirect, which is wrapped so redirects must satisfy the same
	// URL rules as the first request: the response headers are bounded by
	// its Transport (net/http's default is 10 MB, set
	// http.Transport.MaxResponseHeaderBytes for less).
	Client *http.Client
	// Timeout bounds each fetch (connection, headers and body); 0 (or
	// less) means DefaultFetchTimeout. A fetch still running at Timeout
	// (the Client's RoundTripper, or the body it returned, ignoring the
	// request's context) is abandoned as failed, though its goroutine
	// lives on until the RoundTripper returns; while 4 such fetches of a
	// Remote are still running, its fetches fail at once instead of
	// starting another.
	Timeout time.Duration
	// MaxSize bounds the response body in bytes; 0 (or less) means
	// DefaultMaxSetSize. A larger body is jose.ErrLimit and the set is not
	// replaced.
	MaxSize int64
	// Cooldown is the least time between two fetches: a lookup for an
	// unknown kid refetches the set only when the last fetch is at least
	// this old, so a flood of tokens with random kids costs at most one
	// request per Cooldown (catalog row 27). 0 (or less) means
	// DefaultCooldown.
	Cooldown time.Duration
	// MaxAge is how long a fetched set is used before it is refetched on
	// the next lookup; 0 (or less) means DefaultMaxAge.
	MaxAge time.Duration
	// AllowedURLs, if not empty, lists the only URLs (exact match) that may
	// be fetched, redirects included.
	AllowedURLs []string
	// InsecureAllowLoopbackHTTP allows plain http:// URLs whose host is a
	// loopback IP address (127.0.0.0/8, ::1). It exists for tests; never
	// set it in production.
	InsecureAllowLoopbackHTTP bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// ExtraMediaTypes names media types, besides application/jwk-set+json
	// and application/json, that a response may be served with: for a
	// server that labels its JWK Set otherwise, such as "text/plain" or
	// "application/octet-stream" from a static file bucket, or
	// "application/jwk+json". Each is a bare "type/subtype" (compared, as
	// the response's, without case and without parameters); wildcards
	// ("*/*", "text/*", or a '*' anywhere), parameters and anything else
	// that is not one media type are refused by NewRemote (jose.ErrKey).
	// They are added to the Accept header after the two standard types,
	// with q=0.5, each once (a standard type named here is not added). The
	// body must still be a JWK Set of public keys. Empty (the default)
	// takes only the standard types, or no Content-Type at all.
	ExtraMediaTypes []string
}

// checkMediaTypes checks ExtraMediaTypes and returns them in lower case,
// in a slice of their own (so the caller's later changes do not reach the
// Remote).
func (o *RemoteOptions) checkMediaTypes() ([]string, error) {
	if len(o.ExtraMediaTypes) == 0 {
		return nil, nil
	}
	out := make([]string, 0, len(o.ExtraMediaTypes))
	for _, raw := range o.ExtraMediaTypes {
		mt := strings.ToLower(raw)
		typ, sub, ok := strings.Cut(mt, "/")
		// No '*' anywhere: "application/*+json" reads as a wildcard,
		// and no registered media type has one (RFC 6838 §4.2).
		if !ok || !isToken(typ) || !isToken(sub) || strings.Contains(mt, "*") {
			return nil, fmt.Errorf("jwk: RemoteOptions.ExtraMediaTypes: %q is not a media type \"type/subtype\" without wildcards or parameters: %w", raw, jose.ErrKey)
		}
		// A standard type, or one given before, is taken already: the
		// Accept header names each type once.
		if mt == "application/json" || mt == "application/jwk-set+json" || slices.Contains(out, mt) {
			continue
		}
		out = append(out, mt)
	}
	return out, nil
}

// isToken reports whether s is an RFC 9110 token (and so one part of a
// media type): one or more characters of tchar.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// Remote is a cached JWK Set fetched from an HTTPS URL (such as an OpenID
// provider's jwks_uri). It is safe for concurrent use; concurrent lookups
// that need a fetch share one request, and lookups that the current set
// (within MaxAge) answers never wait for a fetch in flight.
//
// A fetched set must hold public keys only: one with a private key or an
// oct key (a shared secret, which anyone who can read the URL could use to
// forge HMAC tokens) is a failed fetch wrapping jose.ErrKey, and so is one
// whose skipped keys (Set.Skipped) carry a private member ("d", "k",
// "priv", …); such a key is refused on sight of the member, before its
// material is checked (for an RSA private key, far costlier than reading
// the JSON) and before the keys after it are read. The response must be
// 200 OK with a Content-Type of application/jwk-set+json or
// application/json (RFC 7517 §8.5; parameters such as charset are
// ignored) or none at all; another media type (text/plain, text/html: an
// error or login page) is a failed fetch, unless RemoteOptions.ExtraMediaTypes
// names it. A failed
// fetch (network error, non-200 status, another media type, oversized or
// invalid body, a private or secret key) never replaces a set that was fetched before: the last good set stays in
// use, and the failure is reported by Err.
//
// The zero Remote (one not made by NewRemote) has no URL and fetches
// nothing: Set, Refresh, LookupKid and Candidates return at once an error
// wrapping ErrFetch and jose.ErrKey, Err returns that error, and Fetches
// is 0. A nil *Remote behaves as the zero Remote (and URL is "").
type Remote struct {
	url  string
	opts RemoteOptions
	hc   *http.Client

	mu        sync.Mutex
	set       *Set
	fetchedAt time.Time // time of the last successful fetch
	triedAt   time.Time // time of the last attempt
	tried     bool
	lastErr   error
	inflight  chan struct{}
	fetches   int

	abandoned atomic.Int32 // fetches given up at Timeout still running
}

// NewRemote returns a Remote for rawURL. The URL must be https:// (or, with
// InsecureAllowLoopbackHTTP, http:// to a loopback address) and, if
// AllowedURLs is set, listed there. Nothing is fetched until the first
// lookup; a service that wants the set before its first request, and to
// fail at start-up on a wrong URL, calls Refresh (or Set) once.
func NewRemote(rawURL string, opts RemoteOptions) (*Remote, error) {
	if err := opts.checkURL(rawURL); err != nil {
		return nil, err
	}
	extra, err := opts.checkMediaTypes()
	if err != nil {
		return nil, err
	}
	opts.ExtraMediaTypes = extra
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultFetchTimeout
	}
	if opts.MaxSize <= 0 {
		opts.MaxSize = DefaultMaxSetSize
	}
	if opts.Cooldown <= 0 {
		opts.Cooldown = DefaultCooldown
	}
	if opts.MaxAge <= 0 {
		opts.MaxAge = DefaultMaxAge
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	hc := &http.Client{Timeout: opts.Timeout, Transport: remoteTransport()}
	if opts.Client != nil {
		c := *opts.Client
		hc = &c
		if hc.Timeout == 0 || hc.Timeout > opts.Timeout {
			hc.Timeout = opts.Timeout
		}
	}
	inner := hc.CheckRedirect
	hc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return errors.New("too many redirects")
		}
		if err := opts.checkURL(req.URL.String()); err != nil {
			return err
		}
		if inner != nil {
			return inner(req, via)
		}
		return nil
	}
	return &Remote{url: rawURL, opts: opts, hc: hc}, nil
}

// maxRemoteHeaderBytes bounds the response headers of a JWK Set server
// when Remote makes its own client: as the body, they are the server's to
// size, and net/http allows 10 MB by default.
const maxRemoteHeaderBytes = 64 << 10

// remoteTransport is the transport of the clients Remote makes: a clone of
// http.DefaultTransport bounding the response headers, shared by every
// Remote (one connection pool, as http.DefaultTransport's), or
// http.DefaultTransport itself (nil) if a program replaced it with
// another kind of RoundTripper.
var remoteTransport = sync.OnceValue(func() http.RoundTripper {
	t, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return nil
	}
	t = t.Clone()
	t.MaxResponseHeaderBytes = maxRemoteHeaderBytes
	return t
})

// checkURL applies the scheme, loopback and allow-list rules (catalog row 5).
func (o *RemoteOptions) checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return fmt.Errorf("jwk: invalid JWK Set URL %q: %w", raw, jose.ErrKey)
	}
	switch u.Scheme {
	case "https":
	case "http":
		ip := net.ParseIP(u.Hostname())
		if ip != nil && ip.IsLoopback() && !o.InsecureAllowLoopbackHTTP {
			return fmt.Errorf("jwk: JWK Set URL %q is not https (for a test server on loopback, set RemoteOptions.InsecureAllowLoopbackHTTP, or serve TLS with httptest.NewTLSServer and pass its Client): %w", raw, jose.ErrKey)
		}
		if !o.InsecureAllowLoopbackHTTP || ip == nil || !ip.IsLoopback() {
			return fmt.Errorf("jwk: JWK Set URL %q is not https: %w", raw, jose.ErrKey)
		}
	default:
		return fmt.Errorf("jwk: JWK Set URL %q is not https: %w", raw, jose.ErrKey)
	}
	if len(o.AllowedURLs) > 0 && !slices.Contains(o.AllowedURLs, raw) {
		return fmt.Errorf("jwk: JWK Set URL %q is not allowed: %w", raw, jose.ErrKey)
	}
	return nil
}

// URL returns the set's URL.
func (r *Remote) URL() string {
	if r == nil {
		return ""
	}
	return r.url
}

// Set returns the current set, fetching it when there is none yet or it is
// older than MaxAge (and the cooldown has passed). When a refresh fails the
// previous set is returned with a nil error; only when no set was ever
// fetched is the failure returned.
//
// The set is r's cache itself, shared with every other caller and lookup
// (a refetch replaces it, never changes it): read it, do not modify it or
// its keys (filtering Keys in place would change the keys every later
// lookup sees); copy what you want to change.
func (r *Remote) Set(ctx context.Context) (*Set, error) {
	return r.get(ctx, false)
}

// LookupKid returns the key with the given kid, refetching the set once
// (subject to the cooldown) when the current set has none — keys rotate. An
// unknown kid is an error wrapping jose.ErrKey; "" names no key and causes
// no refetch.
func (r *Remote) LookupKid(ctx context.Context, kid string) (*Key, error) {
	s, err := r.get(ctx, false)
	if err != nil {
		return nil, err
	}
	if k, ok := s.LookupKid(kid); ok {
		return k, nil
	}
	if kid == "" { // names no key: a refetch cannot find one
		return nil, fmt.Errorf("jwk: an empty kid names no key: %w", jose.ErrKey)
	}
	if s, err = r.get(ctx, true); err != nil {
		return nil, err
	}
	if k, ok := s.LookupKid(kid); ok {
		return k, nil
	}
	return nil, fmt.Errorf("jwk: no key with kid %s in %s: %w", jose.QuoteName(kid), r.url, jose.ErrKey)
}

// Candidates is Set.Candidates over the remote set, refetching it once
// (subject to the cooldown) when kid is given but unknown ("" names no key
// and causes no refetch).
func (r *Remote) Candidates(ctx context.Context, kid string, hasKid bool, alg string, op Op, requireKid bool) ([]*Key, error) {
	s, err := r.get(ctx, false)
	if err != nil {
		return nil, err
	}
	if hasKid && kid != "" { // "" names no key: a refetch cannot find one
		if _, ok := s.LookupKid(kid); !ok {
			if s, err = r.get(ctx, true); err != nil {
				return nil, err
			}
		}
	}
	return s.Candidates(kid, hasKid, alg, op, requireKid), nil
}

// Refresh fetches the set now, unless the cooldown forbids it, and returns
// the set in use afterwards: r's cache itself, read-only as for Set.
func (r *Remote) Refresh(ctx context.Context) (*Set, error) { return r.get(ctx, true) }

// Err returns the error of the last fetch, wrapping ErrFetch and the
// fetch's cause as the lookups do (the same text), or nil if it succeeded;
// for the zero Remote, the error every lookup returns. A failed fetch
// reports it even while the set fetched before it stays in use.
func (r *Remote) Err() error {
	if r == nil || r.hc == nil {
		return errZeroRemote
	}
	r.mu.Lock()
	err := r.lastErr
	r.mu.Unlock()
	if err == nil {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrFetch, err)
}

// Fetches returns how many fetches were attempted.
func (r *Remote) Fetches() int {
	if r == nil {
		return 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.fetches
}

// errZeroRemote is what the zero Remote, which has no URL, returns.
var errZeroRemote = fmt.Errorf("%w: the Remote was not made by NewRemote and has no URL: %w", ErrFetch, jose.ErrKey)

func (r *Remote) get(ctx context.Context, force bool) (*Set, error) {
	if r == nil || r.hc == nil { // set by NewRemote alone
		return nil, errZeroRemote
	}
	for waited := false; ; waited = true {
		r.mu.Lock()
		now := r.opts.Now()
		fresh := r.set != nil && now.Sub(r.fetchedAt) < r.opts.MaxAge
		cool := !r.tried || now.Sub(r.triedAt) >= r.opts.Cooldown
		// A caller that waited for a fetch takes its outcome: it does not
		// start another, even when that fetch failed and outlasted the
		// cooldown, nor wait for one another caller started since. A
		// caller the current set serves (fresh, not forced) does not wait
		// for a fetch in flight; one that needs a fetch while the cooldown
		// forbids it gets the current set.
		if waited || fresh && !force || r.inflight == nil && !cool {
			s, err := r.set, r.lastErr
			r.mu.Unlock()
			if s == nil {
				if err == nil {
					err = errors.New("no set fetched yet")
				}
				return nil, fmt.Errorf("%w: %w", ErrFetch, err)
			}
			return s, nil
		}
		if r.inflight == nil {
			// Start a fetch shared by every caller. It runs detached from
			// the caller's context (bounded by Timeout), so one impatient
			// caller cannot fail it for the others and spend the cooldown.
			done := make(chan struct{})
			r.inflight = done
			r.triedAt, r.tried = now, true
			r.fetches++
			go func() {
				s, err := r.fetch(context.WithoutCancel(ctx))
				r.mu.Lock()
				r.inflight = nil
				r.lastErr = err
				if err == nil {
					r.set, r.fetchedAt = s, r.opts.Now()
				}
				r.mu.Unlock()
				close(done)
			}()
		}
		wait := r.inflight
		r.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// fetch fetches and checks the set, giving up at Timeout even when the
// Client's RoundTripper (or the body it returned) ignores the request's
// context, which http.Client's own Timeout cannot interrupt: the request
// then runs on, unwaited for, until the RoundTripper returns.
//
// At most maxAbandonedFetches such requests run at once: while that many
// do, fetch fails at once (errTooManyAbandoned) rather than leave one more
// goroutine and request behind at each fetch the cooldown allows.
func (r *Remote) fetch(ctx context.Context) (*Set, error) {
	if n := r.abandoned.Load(); !(n < maxAbandonedFetches) {
		return nil, fmt.Errorf("%s: %w", r.url, errTooManyAbandoned)
	}
	ctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	type result struct {
		s   *Set
		err error
	}
	done := make(chan result, 1) // the abandoned request's goroutine must not block
	const running, finished, given = 0, 1, 2
	var state atomic.Int32
	go func() {
		s, err := r.fetchSet(ctx)
		if !state.CompareAndSwap(running, finished) { // given up: no longer running
			r.abandoned.Add(-1)
		}
		done <- result{s, err}
	}()
	select {
	case res := <-done:
		return res.s, res.err
	case <-ctx.Done():
		r.abandoned.Add(1)
		if !state.CompareAndSwap(running, given) { // ended at the deadline too: it sends
			r.abandoned.Add(-1)
			res := <-done
			return res.s, res.err
		}
		return nil, fmt.Errorf("%s: no answer within %v: %w", r.url, r.opts.Timeout, ctx.Err())
	}
}

// maxAbandonedFetches bounds, per Remote, the fetches given up at Timeout
// whose RoundTripper has not returned yet.
const maxAbandonedFetches = 4

var errTooManyAbandoned = fmt.Errorf("%d fetches given up at Timeout are still running (the Client's RoundTripper ignores the request's context): no other is started until one ends", maxAbandonedFetches)

func (r *Remote) fetchSet(ctx context.Context) (*Set, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.url, nil)
	if err != nil {
		return nil, err
	}
	accept := "application/jwk-set+json, application/json"
	for _, mt := range r.opts.ExtraMediaTypes {
		accept += ", " + mt + ";q=0.5"
	}
	req.Header.Set("Accept", accept)
	resp, err := r.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
		return nil, fmt.Errorf("%s: HTTP status %s", r.url, resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		mt := strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
		if mt != "application/json" && mt != "application/jwk-set+json" && !slices.Contains(r.opts.ExtraMediaTypes, mt) {
			if len(r.opts.ExtraMediaTypes) > 0 {
				return nil, fmt.Errorf("%s: unexpected content type %q (a JWK Set is served as application/jwk-set+json or application/json; RemoteOptions.ExtraMediaTypes adds %s)", r.url, mt, strings.Join(r.opts.ExtraMediaTypes, ", "))
			}
			return nil, fmt.Errorf("%s: unexpected content type %q (a JWK Set is served as application/jwk-set+json or application/json; RemoteOptions.ExtraMediaTypes takes others)", r.url, mt)
		}
	}
	if resp.ContentLength > r.opts.MaxSize {
		return nil, fmt.Errorf("%s: body of %d bytes exceeds %d: %w", r.url, resp.ContentLength, r.opts.MaxSize, jose.ErrLimit)
	}
	limit := r.opts.MaxSize // read one byte more, to tell a body over MaxSize
	if limit < math.MaxInt64 {
		limit++
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > r.opts.MaxSize {
		return nil, fmt.Errorf("%s: body exceeds %d bytes: %w", r.url, r.opts.MaxSize, jose.ErrLimit)
	}
	s, err := parsePublicSet(body)
	if err != nil {
		return nil, &atURL{url: r.url, err: err}
	}
	return s, nil
}

// parsePublicSet parses a fetched set, which must hold public keys only:
// each key is refused on sight of a private or secret member, before
// ParseSet validates its material (for an RSA private key, far costlier
// than reading the JSON), so that a body of private keys costs the fetch
// no more than its JSON.
func parsePublicSet(body []byte) (*Set, error) { return parseSet(body, publicOnly) }

// publicOnly refuses a key that holds a private or secret member: one of
// its kty's (an oct key's "k" included: its secret is all there is to it)
// or, for a key of a kty or curve ParseSet skips, any of privateNames.
func publicOnly(o *jose.Object, supported bool) error {
	kty := ""
	if m, ok := o.Get("kty"); ok {
		kty, _ = m.String()
	}
	for _, name := range privateNames {
		if !o.Has(name) || supported && !slices.Contains(materialNames[kty], name) {
			continue // absent, or a member kept raw in Extra
		}
		what := "the set holds a private or secret key"
		if !supported {
			what = "skipped key"
		}
		return fmt.Errorf("%s (kty %s) holding private member %s; a published JWK Set holds public keys only: %w", what, jose.QuoteName(kty), jose.QuoteName(name), jose.ErrKey)
	}
	return nil
}

// atURL is an error of ParseSet on the set fetched from url: its text
// names the URL, as the Remote's other fetch errors do, in place of
// ParseSet's "jwk: " (which ErrFetch, around it, says already).
type atURL struct {
	url string
	err error
}

func (e *atURL) Error() string { return e.url + ": " + strings.TrimPrefix(e.err.Error(), "jwk: ") }
func (e *atURL) Unwrap() error { return e.err }

// privateNames are the members of the IANA "JSON Web Key Parameters"
// registry that hold private or secret material: RSA's, EC's and OKP's
// "d", RSA's CRT members and "oth", oct's "k", and AKP's "priv".
var privateNames = [...]string{"d", "p", "q", "dp", "dq", "qi", "oth", "k", "priv"}
