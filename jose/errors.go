package jose

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors shared by the JOSE packages. Errors returned by jose, jwk,
// jws, jwe and jwt wrap one of these (and, for JSON syntax errors, the
// *lejp.SyntaxError with its offset and path), so errors.Is and errors.As
// work through every layer. There are two exceptions. Package jwt's claim
// validation (jwt.ErrExpired, jwt.ErrNotYetValid, jwt.ErrIssuedInFuture,
// jwt.ErrMissingClaim, jwt.ErrClaimMismatch): a token that is well formed
// and verifies but whose claims the Validator refuses gets jwt's own
// sentinel, wrapping none of these. And a jwk.Remote whose set cannot be
// fetched: its methods return jwk.ErrFetch wrapping the fetch's error
// (which wraps one of these only when the set itself was refused), or the
// caller's context's error, and its Err returns the same jwk.ErrFetch
// error for the last fetch; jws and jwt verifiers wrap what the Remote
// returns in ErrKey.
var (
	// ErrMalformed: the input is not a well-formed JOSE object (bad
	// base64url, bad JSON, wrong number of parts, a member of the wrong type).
	ErrMalformed = errors.New("jose: malformed input")

	// ErrVerify: a signature or MAC did not verify, or decryption failed.
	// It is opaque on purpose and says nothing about why.
	ErrVerify = errors.New("jose: verification failed")

	// ErrAlgorithm: the object's algorithm is not one the caller allowed,
	// is unknown, or is "none".
	ErrAlgorithm = errors.New("jose: algorithm not allowed")

	// ErrCrit: the "crit" header names an extension the caller does not
	// understand, or is itself malformed (RFC 7515 §4.1.11).
	ErrCrit = errors.New("jose: critical header refused")

	// ErrKey: no usable key — wrong type for the algorithm, a key whose
	// "alg", "use" or "key_ops" forbid the operation, or none found.
	ErrKey = errors.New("jose: key not usable")

	// ErrLimit: the input exceeds a configured size limit.
	ErrLimit = errors.New("jose: input exceeds limit")
)

var errBase64 = wrapf(ErrMalformed, "invalid base64url")

// wrapped adds context to a sentinel while keeping errors.Is working.
type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.err.Error() + ": " + w.msg }
func (w *wrapped) Unwrap() error { return w.err }

func wrapf(err error, msg string) error { return &wrapped{msg: msg, err: err} }

// joseErr is an error jose wraps in a context of its own: its text says
// "jose: " once however many jose errors it is made of, and it unwraps to
// all of them.
type joseErr struct {
	msg  string
	errs []error
}

func (e *joseErr) Error() string   { return e.msg }
func (e *joseErr) Unwrap() []error { return e.errs }

// bare is err's text without a leading "jose: ".
func bare(err error) string { return strings.TrimPrefix(err.Error(), "jose: ") }

// within is err seen from where: "jose: where: " and err's text less its
// own "jose: " ("jose: protected header: malformed input: invalid
// base64url", not "…: jose: malformed input: …").
func within(where string, err error) error {
	return &joseErr{msg: "jose: " + where + ": " + bare(err), errs: []error{err}}
}

// errorf is the sentinel with a message of jose's own before it: "jose: "
// and the formatted message, then the sentinel's text less its "jose: "
// (`jose: "p2c" must be a positive integer: malformed input`, not "…:
// jose: malformed input"), unwrapping to the sentinel and to any causes
// given (which follow in the text).
func errorf(sentinel error, causes []error, format string, args ...any) error {
	msg := "jose: " + fmt.Sprintf(format, args...) + ": " + bare(sentinel)
	for _, c := range causes {
		msg += ": " + bare(c)
	}
	return &joseErr{msg: msg, errs: append([]error{sentinel}, causes...)}
}
