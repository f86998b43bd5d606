package jwt

import (
	"errors"
	"math"
	"strings"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// Validation errors. A token whose signature verifies but whose claims fail
// the Validator returns one of these, for errors.Is: ErrExpired,
// ErrNotYetValid and ErrIssuedInFuture inside a *TimeError that carries
// the times (errors.As), ErrMissingClaim and ErrClaimMismatch inside a
// *ClaimError that names the claim (never its value). Signature and
// format errors are the jose sentinels (jose.ErrVerify, jose.ErrMalformed,
// …).
var (
	// ErrExpired: "exp" is at or before the current time minus the leeway
	// (RFC 7519 §4.1.4). Returned in a *TimeError.
	ErrExpired = errors.New("jwt: token is expired")
	// ErrNotYetValid: "nbf" is after the current time plus the leeway
	// (RFC 7519 §4.1.5). Returned in a *TimeError.
	ErrNotYetValid = errors.New("jwt: token is not valid yet")
	// ErrIssuedInFuture: "iat" is after the current time plus the leeway.
	// Returned in a *TimeError.
	ErrIssuedInFuture = errors.New("jwt: token is issued in the future")
	// ErrMissingClaim: a claim the Validator requires is absent. Returned
	// in a *ClaimError.
	ErrMissingClaim = errors.New("jwt: required claim missing")
	// ErrClaimMismatch: "iss", "sub", "aud" or "jti" is not the expected
	// value. Returned in a *ClaimError.
	ErrClaimMismatch = errors.New("jwt: claim does not match")
)

// TimeError is the error of a token the Validator refuses for a time
// claim: errors.Is matches it to Err, one of ErrExpired, ErrNotYetValid
// and ErrIssuedInFuture, and errors.As extracts it, so that a service can
// log by how much a token missed. Its text gives the times in RFC 3339,
// UTC, and holds nothing else from the token:
//
//	jwt: token is expired: "exp" is 2027-01-15T07:55:00Z, 5m0s before now (2027-01-15T08:00:00Z, leeway 30s)
//
// The token's signature has verified when a TimeError is returned.
type TimeError struct {
	// Claim is the time claim that failed: "exp", "nbf" or "iat".
	Claim string
	// Time is the claim's value, in UTC (as Claims.ExpiresAt,
	// NotBefore or IssuedAt return it).
	Time time.Time
	// Now is the current time the token was checked at, as Validator.Now
	// (or time.Now) returned it.
	Now time.Time
	// Leeway is the Validator's Leeway, allowed on top of Now.
	Leeway time.Duration
	// Err is the sentinel: ErrExpired, ErrNotYetValid or
	// ErrIssuedInFuture.
	Err error
}

// Error says the sentinel, the claim, its time and how far it is from
// Now ("more than 292 years" beyond what a time.Duration holds).
func (e *TimeError) Error() string {
	d, rel := e.Now.Sub(e.Time), "before"
	if e.Claim != "exp" {
		d, rel = -d, "after"
	}
	gap := d.String()
	if d == math.MaxInt64 || d == math.MinInt64 { // time.Time.Sub saturates
		gap = "more than 292 years"
	}
	msg := "jwt: " + strings.TrimPrefix(errText(e.Err), "jwt: ")
	return msg + ": " + jose.QuoteName(e.Claim) + " is " + e.Time.UTC().Format(time.RFC3339Nano) + ", " +
		gap + " " + rel + " now (" + e.Now.UTC().Format(time.RFC3339Nano) + ", leeway " + e.Leeway.String() + ")"
}

// Unwrap returns Err.
func (e *TimeError) Unwrap() error { return e.Err }

// errText is err's text, "<nil>" for none.
func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string {
	return "jwt: " + w.msg + ": " + strings.TrimPrefix(w.err.Error(), "jwt: ")
}
func (w *wrapped) Unwrap() error { return w.err }

func wrap(err error, msg string) error { return &wrapped{msg: msg, err: err} }

// ClaimError is the error of a token refused for one claim, other than
// for its time (TimeError): errors.As gives the claim's name, errors.Is
// matches Err. It is ErrClaimMismatch for an "iss", "sub", "jti" or "aud"
// that the Validator does not accept, ErrMissingClaim for a claim in
// Validator.Required that is absent, and an error wrapping
// jose.ErrMalformed for a registered claim of the wrong JSON type or a
// NumericDate out of range. The text names the claim and never holds its
// value from the token:
//
//	jwt: "iss": claim does not match
//
// Every refusal returns a *ClaimError of its own, so a caller may change
// its fields without touching any other error.
type ClaimError struct {
	// Claim is the claim's name.
	Claim string
	// Err says what is wrong: ErrClaimMismatch, ErrMissingClaim, or an
	// error wrapping ErrClaimMismatch (an "aud" that no Audience checks,
	// with the reason) or jose.ErrMalformed; compare it with errors.Is.
	Err error
}

// Error says "jwt: ", the claim's name quoted as jose.QuoteName does, and
// Err's text.
func (e *ClaimError) Error() string {
	return "jwt: " + jose.QuoteName(e.Claim) + ": " + strings.TrimPrefix(errText(e.Err), "jwt: ")
}

// Unwrap returns Err.
func (e *ClaimError) Unwrap() error { return e.Err }

// claimError is a new *ClaimError for the claim name and sentinel (never
// a shared one: its fields are exported).
func claimError(sentinel error, name string) error { return &ClaimError{Claim: name, Err: sentinel} }

type causeWrapped struct {
	msg        string
	err, cause error
}

func (w *causeWrapped) Error() string   { return "jwt: " + w.msg + ": " + w.cause.Error() }
func (w *causeWrapped) Unwrap() []error { return []error{w.err, w.cause} }

func wrapCause(err error, msg string, cause error) error {
	return &causeWrapped{msg: msg, err: err, cause: cause}
}

// syntax wraps a lejp error: one of lejp's size limits (depth, catalog
// row 28; the length of a name, number or string; name memory; value size)
// is jose.ErrLimit, as jose reads it in a header, anything else
// jose.ErrMalformed; the *lejp.SyntaxError stays reachable.
func syntax(err error) error {
	for _, limit := range lejpLimits {
		if errors.Is(err, limit) {
			return wrapCause(jose.ErrLimit, "claims", err)
		}
	}
	return wrapCause(jose.ErrMalformed, "claims", err)
}

// extraError is the lejp.Writer's error for the ClaimSet.Extra member
// name, naming the claim: a repeated name, or (inValue) a Value that is
// not one strict JSON value (most often a string without its quotes, or
// an object with a name twice).
func extraError(name string, err error, inValue bool) error {
	e := syntax(err).(*causeWrapped)
	e.msg = "claims: Extra claim " + jose.QuoteName(name)
	switch {
	case errors.Is(err, lejp.ErrDuplicateName) && inValue:
		e.msg += ": its Value has an object with a member name twice"
	case errors.Is(err, lejp.ErrDuplicateName):
		e.msg += " is set twice (in Extra, or also by a ClaimSet field)"
	case inValue && errors.Is(e, jose.ErrMalformed) && !errors.Is(err, lejp.ErrInvalidUTF8):
		e.msg += ": its Value must be one JSON value (a string in its quotes: `\"admin\"`)"
	}
	return e
}

// nestedAt rebases an error of checkNested, which read the value of the
// claim name starting at offset off in the claims set alone: the offset
// and JSON Pointer of its *lejp.SyntaxError are made the claims set's, as
// the claims reader and jose.ParseObject give them for any other error.
func nestedAt(err error, off int64, name []byte) error {
	cw, ok := err.(*causeWrapped)
	if !ok {
		return err
	}
	se, ok := cw.cause.(*lejp.SyntaxError)
	if !ok {
		return err
	}
	p := appendPointerToken(make([]byte, 0, 1+len(name)+len(se.Path)+8), name)
	p = append(p, se.Path...)
	return &causeWrapped{msg: cw.msg, err: cw.err, cause: &lejp.SyntaxError{Offset: off + se.Offset, Path: string(p), Err: se.Err}}
}

// appendPointerToken appends "/" and name as a JSON Pointer reference token
// (RFC 6901 §3: "~" as "~0", "/" as "~1").
func appendPointerToken(p, name []byte) []byte {
	p = append(p, '/')
	for _, b := range name {
		switch b {
		case '~':
			p = append(p, '~', '0')
		case '/':
			p = append(p, '~', '1')
		default:
			p = append(p, b)
		}
	}
	return p
}

// nameMemoryAt is the error of a name that takes the names held past
// maxNameMemory, as lejp reports it: jose.ErrLimit and a *lejp.SyntaxError
// with lejp.ErrTooManyNames at the name's offset, path its JSON Pointer.
func nameMemoryAt(off int64, path string) error {
	return wrapCause(jose.ErrLimit, "claims", &lejp.SyntaxError{Offset: off, Path: path, Err: lejp.ErrTooManyNames})
}

// lejpLimits are the lejp errors that say the input exceeds a limit (the
// list jose's ParseObject uses).
var lejpLimits = [...]error{lejp.ErrDepth, lejp.ErrNameTooLong, lejp.ErrNumberTooLong,
	lejp.ErrStringTooLong, lejp.ErrTooManyNames, lejp.ErrValueTooLarge}

var (
	errNotObject  = wrap(jose.ErrMalformed, "claims set is not a JSON object")
	errTooMany    = wrap(jose.ErrLimit, "claims set has too many members")
	errTooManyAud = wrap(jose.ErrLimit, `"aud" has too many audiences`)
	errClaimType  = wrap(jose.ErrMalformed, "registered claim has the wrong JSON type")
	errDateRange  = wrap(jose.ErrMalformed, "NumericDate is not a finite number in range")
	errLongString = wrap(jose.ErrLimit, "a claim string is over 64 MiB as JSON carries it, more than the claims reader takes")
	errNoClaims   = wrap(jose.ErrMalformed, "no claims")
)
