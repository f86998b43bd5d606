package jws

import (
	"errors"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose"
)

// wrapped adds a message to one of the jose sentinels, so errors.Is keeps
// working while the message says what went wrong.
type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return "jws: " + w.msg + ": " + w.err.Error() }
func (w *wrapped) Unwrap() error { return w.err }

func wrap(err error, msg string) error { return &wrapped{msg: msg, err: err} }

// causeWrapped is wrapped with a second cause (a *lejp.SyntaxError, a
// jose error from header parsing, or one of jws's own) that errors.As can
// reach too. A cause of jws's own loses its "jws: " in the message, which
// names the package once.
type causeWrapped struct {
	msg   string
	err   error
	cause error
}

func (w *causeWrapped) Error() string {
	return "jws: " + w.msg + ": " + strings.TrimPrefix(w.cause.Error(), "jws: ")
}
func (w *causeWrapped) Unwrap() []error { return []error{w.err, w.cause} }

func wrapCause(err error, msg string, cause error) error {
	return &causeWrapped{msg: msg, err: err, cause: cause}
}

var (
	// errVerify is the one opaque error of a failed signature check.
	errVerify = wrap(jose.ErrVerify, "signature")
	errParts  = wrap(jose.ErrMalformed, "compact serialization must have exactly three parts")
)

// quote returns name quoted for messages (jose.QuoteName: control bytes
// replaced, cut at 64 bytes; names come from attacker input).
func quote(name string) string { return jose.QuoteName(name) }

var (
	errCompactUnprotected = wrap(jose.ErrMalformed, "compact serialization has no unprotected header")
	errUnencodedNotUTF8   = wrap(jose.ErrMalformed, "an unencoded payload in a JSON serialization must be UTF-8 text; detach it or encode it")
	errStreamTooLarge     = wrap(jose.ErrLimit, "EdDSA signs the whole message and cannot stream; the signing input (header, '.', payload as signed) exceeds MaxBufferedPayload")
	errProtectedTooLong   = wrap(jose.ErrLimit, "the protected header of a JSON serialization is over 64 MiB encoded, more than a JSON string ParseJSON reads")
	errPayloadTooLong     = wrap(jose.ErrLimit, "the payload part of a JSON serialization is over 64 MiB, more than a JSON string ParseJSON reads; detach it or use the compact serialization")
)

func isLimit(err error) bool { return errors.Is(err, jose.ErrLimit) }

// parseProtected is jose.ParseProtected (strict base64url, then
// jose.ParseHeader) with one error naming the protected header: jose's
// own would name it a second time.
func parseProtected(b64 []byte) (*jose.Header, error) {
	raw, err := jose.DecodeBase64URL(b64)
	if err == nil {
		var h *jose.Header
		if h, err = jose.ParseHeader(raw); err == nil {
			return h, nil
		}
	}
	return nil, wrapCause(jose.ErrMalformed, "protected header", err)
}
