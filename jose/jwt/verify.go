package jwt

import (
	"bytes"
	"context"
	"strings"
	"sync/atomic"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// Validator says which claims a token must carry. The zero value checks
// "exp", "nbf" and "iat" when present, with no leeway, against the system
// clock, and refuses a token that has "aud" (see Audience); nothing else.
// A token refused for a time claim gets a *TimeError (ErrExpired,
// ErrNotYetValid, ErrIssuedInFuture) saying the claim's time, the clock's
// and the leeway; one refused for another claim, a *ClaimError
// (ErrMissingClaim, ErrClaimMismatch) naming the claim.
type Validator struct {
	// Issuer, when not empty, must equal "iss".
	Issuer string
	// Issuers, when not empty, lists the issuers accepted: "iss" must
	// equal one of them (for a service that trusts several). Set Issuer or
	// Issuers, not both, and no empty string in Issuers: NewVerifier
	// refuses either (jose.ErrMalformed) rather than guess.
	Issuers []string
	// Audience, when not empty, must be "aud" or one of its elements. When
	// it and Audiences are empty, a token that has "aud" at all is refused
	// (ErrClaimMismatch): RFC 7519 §4.1.3 says a recipient that does not
	// identify itself with a value of "aud" MUST reject the token, so a
	// token meant for another service does not pass here. AnyAudience
	// lifts that.
	Audience string
	// Audiences, when not empty, lists this service's names: one of them
	// must be "aud" or one of its elements. Set Audience or Audiences, not
	// both, and no empty string in Audiences: NewVerifier refuses either
	// (jose.ErrMalformed). The check costs time linear in "aud" however
	// long the list.
	Audiences []string
	// AnyAudience, with Audience and Audiences empty, accepts a token
	// whatever its "aud" says. Set it only where the audience is checked
	// another way (read it with Claims.Audience); with Audience or
	// Audiences set it changes nothing.
	AnyAudience bool
	// Subject, when not empty, must equal "sub".
	Subject string
	// ID, when not empty, must equal "jti".
	ID string
	// Required lists claims that must be present (any of them, registered
	// or not). "exp" is the usual one. An unregistered claim whose value is
	// null counts as absent (a registered one cannot be null: it is
	// jose.ErrMalformed).
	Required []string
	// Type, when not empty, is the "typ" header the token must carry,
	// compared as RFC 7515 §4.1.9 says ("JWT" accepts "jwt" and
	// "application/jwt"). Set it to keep other JWS payloads from passing as
	// JWTs (RFC 8725 §3.11). A token without that protected "typ" is
	// jose.ErrMalformed, not ErrClaimMismatch: "typ" is a header member,
	// checked with the header before the signature (jws.RequireType), and
	// ErrClaimMismatch is for the claims of a verified token.
	Type string
	// Leeway is the clock skew allowed in the "exp", "nbf" and "iat"
	// checks. It cannot be negative (NewVerifier refuses it). Zero allows
	// none: a token whose issuer's clock runs a second ahead of this host's
	// is ErrIssuedInFuture (or ErrNotYetValid) when it is fresh. For tokens
	// issued on another host, allow the skew you expect (30 s to a minute
	// is usual; go-jose's default is a minute).
	Leeway time.Duration
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
}

// Verifier checks JWTs: signature first, then the claims. It is safe for
// concurrent use. The zero Verifier (one not made by NewVerifier), and a
// nil *Verifier, have no key: Verify and VerifyInto return an error
// wrapping jose.ErrKey for every token, and Middleware over a zero one
// answers 401 (Middleware panics on a nil one when it is built).
type Verifier struct {
	jws *jws.Verifier
	val Validator
	// iss and aud are val's Issuer(s) and Audience(s), ready to look up
	iss, aud strSet
	// lastHdr remembers the verdict of checkHeader on the most recent
	// protected header; tokens from one issuer share it.
	lastHdr atomic.Pointer[hdrVerdict]
}

// hdrVerdict is an immutable remembered checkHeader result.
type hdrVerdict struct {
	b64 []byte // the protected header as in the token
	err error
}

// NewVerifier returns a Verifier that accepts tokens signed with key (see
// jws.NewVerifier for the forms it takes, including *jwk.Set and
// *jwk.Remote) by one of algs (at least one; there is no default) and
// whose claims pass val. opts go to the JWS verifier (jws.RequireKeyID,
// jws.TrustEmbeddedJWK, …). Claims carries no header, so no critical
// extension can be processed: a token whose "crit" lists one is
// jose.ErrCrit, jws.Critical or not. A negative val.Leeway is an error
// wrapping jose.ErrMalformed, as are both Issuer and Issuers set (or
// Audience and Audiences), and an empty string in Issuers or Audiences.
func NewVerifier(key any, algs []string, val Validator, opts ...jws.Option) (*Verifier, error) {
	if val.Leeway < 0 {
		return nil, wrap(jose.ErrMalformed, "Validator.Leeway is negative ("+val.Leeway.String()+"); a clock skew allowance is 0 or more")
	}
	iss, err := newStrSet("Issuer", val.Issuer, val.Issuers)
	if err != nil {
		return nil, err
	}
	aud, err := newStrSet("Audience", val.Audience, val.Audiences)
	if err != nil {
		return nil, err
	}
	if val.Type != "" {
		// a copy: opts may be the caller's slice, with room to spare
		opts = append(opts[:len(opts):len(opts)], jws.RequireType(val.Type))
	}
	v, err := jws.NewVerifier(key, algs, opts...)
	if err != nil {
		return nil, err
	}
	val.Required = append([]string(nil), val.Required...)
	val.Issuers = append([]string(nil), val.Issuers...)
	val.Audiences = append([]string(nil), val.Audiences...)
	return &Verifier{jws: v, val: val, iss: iss, aud: aud}, nil
}

// Verify checks a compact JWT and returns its claims. Only the compact
// serialization is accepted: a JWS JSON serialization, a JWE (five parts)
// or a token with anything appended is jose.ErrMalformed (catalog row 21),
// as is a nested JWT ("cty": "JWT") or an unencoded payload ("b64": false).
// The signature is checked before any claim is read, and no claims are
// returned with an error (catalog row 22). A nil or empty tok is
// jose.ErrMalformed.
func (v *Verifier) Verify(tok []byte) (*Claims, error) {
	c := new(Claims)
	if err := v.VerifyInto(context.Background(), tok, c); err != nil {
		return nil, err
	}
	return c, nil
}

// VerifyInto is Verify into a caller's Claims, which is overwritten; on an
// error c holds no claims. Reusing c, it allocates nothing for HMAC and
// Ed25519 keys and headers of "alg", "kid", "typ" and "cty" only. ctx is
// passed to a *jwk.Remote key set. A nil c is an error wrapping
// jose.ErrMalformed.
func (v *Verifier) VerifyInto(ctx context.Context, tok []byte, c *Claims) error {
	if c == nil {
		return errNilClaims
	}
	c.reset()
	if v == nil || v.jws == nil { // set by NewVerifier alone
		return errZeroVerifier
	}
	raw, err := v.jws.AppendVerifyCompactContext(ctx, c.Raw[:0], tok)
	if err != nil {
		return err
	}
	c.Raw = raw
	if err := v.checkHeader(tok); err != nil {
		c.reset()
		return err
	}
	if err := c.parse(); err != nil {
		c.reset()
		return err
	}
	if err := v.val.check(c, &v.iss, &v.aud); err != nil {
		c.reset()
		return err
	}
	return nil
}

var (
	errZeroVerifier = wrap(jose.ErrKey, "the Verifier was not made by NewVerifier: it has no key")
	errNilClaims    = wrap(jose.ErrMalformed, "VerifyInto into a nil *Claims: pass new(jwt.Claims), or a Claims to reuse")
)

// checkHeader refuses, in a token whose signature verified, a protected
// header that makes the payload something other than a claims set: "b64":
// false (a JWT's payload is base64url encoded, RFC 7519 §7.2 step 9) and a
// "cty" of "JWT" (a nested JWT, §7.2 step 8, which this package does not
// support). The verdict on the last header parsed (or on the first header
// seen) is remembered for the next token with the same header; any other
// header of up to 256 bytes whose text cannot name either is passed at
// once, so only a new header that may, or a long one, costs a parse.
func (v *Verifier) checkHeader(tok []byte) error {
	hb := tok[:max(bytes.IndexByte(tok, '.'), 0)]
	last := v.lastHdr.Load()
	if last != nil && string(last.b64) == string(hb) {
		return last.err
	}
	// Most headers cannot name "b64" or "cty": decided without a parse or
	// an allocation, whatever header the previous token had, for a header
	// that decodes into buf (a longer one, decoded, would allocate on
	// every token: it is remembered instead). The first such header is
	// remembered too, so that tokens which all share it cost a comparison,
	// not a decoding and three searches (about a seventh of an HS256
	// VerifyInto); a later one is not, as remembering it would allocate
	// on every change of header.
	var buf [256]byte
	if len(hb) <= len(buf)/3*4 {
		if h, err := jose.AppendBase64URLDecode(buf[:0], hb); err == nil && !mayNameB64OrCty(h) {
			if last == nil {
				v.lastHdr.CompareAndSwap(nil, &hdrVerdict{b64: bytes.Clone(hb)})
			}
			return nil
		}
	}
	h, err := jose.ParseProtected(hb)
	if err != nil { // jws has read it already
		return wrapCause(jose.ErrMalformed, "protected header", err)
	}
	e := &hdrVerdict{b64: bytes.Clone(hb)}
	switch {
	case !h.B64:
		e.err = errUnencoded
	case h.Has("cty") && nestedType(h.Cty):
		e.err = errNested
	}
	v.lastHdr.Store(e)
	return e.err
}

// mayNameB64OrCty reports whether the JSON text h (a header jws has
// accepted) may have a member named "b64" or "cty": not unless the text
// holds one of the names in quotes, or an escape that could spell one.
func mayNameB64OrCty(h []byte) bool {
	return bytes.IndexByte(h, '\\') >= 0 || bytes.Contains(h, []byte(`"b64"`)) || bytes.Contains(h, []byte(`"cty"`))
}

// nestedType reports whether a "cty" value says the payload is a JWT (RFC
// 7519 §5.2; media types compare ASCII case-insensitively, "application/"
// may be left out, RFC 7515 §4.1.10).
func nestedType(cty string) bool {
	return strings.EqualFold(cty, "JWT") || strings.EqualFold(cty, "application/jwt")
}

var (
	errUnencoded = wrap(jose.ErrMalformed, `a JWT's payload is base64url encoded (RFC 7519 §7.2); this token has "b64": false`)
	errNested    = wrap(jose.ErrMalformed, `nested JWTs ("cty": "JWT", RFC 7519 §7.2 step 8) are not supported`)
	errNoPayload = wrap(jose.ErrMalformed, "the payload is empty (or detached): no claims set")
)

// check applies the Validator to parsed claims; iss and aud are its
// Issuer(s) and Audience(s).
func (val *Validator) check(c *Claims, iss, aud *strSet) error {
	var now time.Time
	if val.Now != nil {
		now = val.Now()
	} else {
		now = time.Now()
	}
	for _, name := range val.Required {
		if !c.present(name) {
			return claimError(ErrMissingClaim, name)
		}
	}
	if c.has&(hasExp|hasNbf|hasIat) != 0 {
		if c.has&hasExp != 0 && !c.exp.after(now.Add(-val.Leeway)) {
			return val.timeError(ErrExpired, "exp", c.exp, now)
		}
		late := now.Add(val.Leeway)
		if c.has&hasNbf != 0 && c.nbf.after(late) {
			return val.timeError(ErrNotYetValid, "nbf", c.nbf, now)
		}
		if c.has&hasIat != 0 && c.iat.after(late) {
			return val.timeError(ErrIssuedInFuture, "iat", c.iat, now)
		}
	}
	if iss.set() && (c.has&hasIss == 0 || !iss.has(c.bytes(c.iss))) {
		return claimError(ErrClaimMismatch, "iss")
	}
	if val.Subject != "" && (c.has&hasSub == 0 || string(c.bytes(c.sub)) != val.Subject) {
		return claimError(ErrClaimMismatch, "sub")
	}
	if val.ID != "" && (c.has&hasJti == 0 || string(c.bytes(c.jti)) != val.ID) {
		return claimError(ErrClaimMismatch, "jti")
	}
	if !aud.set() {
		if c.audOK && !val.AnyAudience {
			return claimError(errAudUnchecked, "aud")
		}
	} else {
		ok := false
		for _, a := range c.aud {
			if ok = aud.has(c.bytes(a)); ok {
				break
			}
		}
		if !ok {
			return claimError(ErrClaimMismatch, "aud")
		}
	}
	return nil
}

// strSet is a set of non-empty strings, the values a claim may have:
// up to setScan of them compared one by one, more looked up in a map, so
// that checking the up to jose.MaxStrings audiences of "aud" against a
// long Audiences list costs time linear in "aud", not their product.
type strSet struct {
	few  []string
	many map[string]struct{}
}

// setScan is the longest list strSet compares one by one.
const setScan = 8

// newStrSet is the set of one (when not empty) or of list, the Validator
// field field and its plural, which must not both be set nor hold "".
func newStrSet(field, one string, list []string) (strSet, error) {
	if one != "" && len(list) > 0 {
		return strSet{}, wrap(jose.ErrMalformed, "Validator."+field+" and "+field+"s are both set: put every accepted value in "+field+"s")
	}
	if one != "" {
		return strSet{few: []string{one}}, nil
	}
	for _, s := range list {
		if s == "" {
			return strSet{}, wrap(jose.ErrMalformed, "Validator."+field+"s holds an empty string; list the accepted values only")
		}
	}
	if len(list) <= setScan {
		return strSet{few: append([]string(nil), list...)}, nil
	}
	m := make(map[string]struct{}, len(list))
	for _, s := range list {
		m[s] = struct{}{}
	}
	return strSet{many: m}, nil
}

// set reports whether the set constrains the claim (is not empty).
func (s *strSet) set() bool { return len(s.few) > 0 || s.many != nil }

// has reports whether b is in the set, without allocating.
func (s *strSet) has(b []byte) bool {
	if s.many != nil {
		_, ok := s.many[string(b)]
		return ok
	}
	for _, x := range s.few {
		if strEqual(b, x) {
			return true
		}
	}
	return false
}

// strEqual is string(b) == s; tests replace it to count the comparisons
// strSet makes.
var strEqual = func(b []byte, s string) bool { return string(b) == s }

// timeError is the *TimeError for the claim name, whose value d fails
// with the sentinel err at now. It allocates, on the refusal path only.
func (val *Validator) timeError(err error, name string, d numericDate, now time.Time) error {
	return &TimeError{Claim: name, Time: d.time(), Now: now, Leeway: val.Leeway, Err: err}
}

// errAudUnchecked is the Err of the *ClaimError for an "aud" that no
// Audience checks. Every *ClaimError the Validator returns is its own:
// its fields are exported, and a caller's change to one must not reach
// other refusals.
var errAudUnchecked = wrap(ErrClaimMismatch, `present, and the Validator names no Audience (RFC 7519 §4.1.3): set Validator.Audience (or Audiences) to this service's name(s), or AnyAudience where the audience is checked another way`)

// present reports whether the claim name is present.
func (c *Claims) present(name string) bool {
	switch name {
	case "iss":
		return c.has&hasIss != 0
	case "sub":
		return c.has&hasSub != 0
	case "jti":
		return c.has&hasJti != 0
	case "aud":
		return c.audOK
	case "exp":
		return c.has&hasExp != 0
	case "nbf":
		return c.has&hasNbf != 0
	case "iat":
		return c.has&hasIat != 0
	}
	for _, m := range c.extra {
		if string(c.bytes(m.name)) == name {
			v := c.Raw[m.value.off : m.value.off+m.value.n]
			return !bytes.Equal(v, []byte("null"))
		}
	}
	return false
}

// Inspect decodes a compact JWT WITHOUT verifying anything: the header and
// the claims as the token states them, for display and debugging only.
// Never make a decision on its result. When the token parses but its
// payload is not a claims set, the header is returned with the error (and
// nil claims), so that it can still be shown. The token is parsed by
// jws.ParseCompact, so a header no verifier could accept (no "alg", a
// "crit" against RFC 7515 §4.1.11) is an error (jose.ErrMalformed,
// jose.ErrCrit), while one only a Verifier's policy refuses ("alg":
// "none") is shown.
func Inspect(tok []byte) (*jose.Header, *Claims, error) {
	m, err := jws.ParseCompact(tok)
	if err != nil {
		return nil, nil, err
	}
	p, ok := m.UnverifiedPayload()
	if !ok { // "h..s": an empty payload, which is no claims set either
		return m.Signatures[0].Header, nil, errNoPayload
	}
	c := &Claims{Raw: p}
	if err := c.parse(); err != nil {
		return m.Signatures[0].Header, nil, err
	}
	return m.Signatures[0].Header, c, nil
}
