package gencrypto

import (
	"crypto/fips140"
	"fmt"
)

// Option adjusts one call. The zero set of options selects the default
// backend and the strict defaults; a nil Option changes nothing.
type Option func(*config)

type config struct {
	backend Backend
}

// WithBackend makes the call use b instead of DefaultBackend. A nil b
// selects the default.
func WithBackend(b Backend) Option {
	return func(c *config) { c.backend = b }
}

// backendFor resolves the backend for a call, without allocating when no
// option is given.
func backendFor(opts []Option) Backend {
	if len(opts) == 0 {
		return stdBackend
	}
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if c.backend == nil {
		return stdBackend
	}
	return c.backend
}

// backendWith resolves the backend for a call and checks that it implements
// prim, returning an error wrapping ErrUnsupported when it does not.
func backendWith(opts []Option, a Algorithm, prim string) (Backend, error) {
	b := backendFor(opts)
	if !a.FIPSApproved() && fips140.Enforced() {
		return nil, &UnsupportedError{Algorithm: a.Name(), Backend: b.Name(), Primitive: prim, NotApproved: true}
	}
	if !b.Supports(prim) {
		return nil, &UnsupportedError{Algorithm: a.Name(), Backend: b.Name(), Primitive: prim}
	}
	return b, nil
}

// UnsupportedError reports that a backend does not implement the primitive
// an algorithm needs, or that the algorithm, or an input to it (an HKDF
// secret or a PBKDF2 salt below the approved minimum, an RSA key the Go
// Cryptographic Module refuses), is refused because it is not FIPS 140-3
// approved and the program runs with GODEBUG=fips140=only.
// errors.Is(err, ErrUnsupported) holds for it.
//
// Every field is exported and the type is comparable, so a caller can
// build the value an operation returns, to compare with (*ue == want) or
// to return from a wrapper of its own.
type UnsupportedError struct {
	Algorithm   string // registry name of the algorithm asked for
	Backend     string // Backend.Name of the backend asked
	Primitive   string // the Prim* constant it needs
	NotApproved bool   // refused under fips140=only rather than missing

	// Detail names the input of an approved algorithm that fips140=only
	// refuses, as a phrase that follows "with" ("a secret shorter than
	// 112 bits", "a salt shorter than 128 bits", "an output shorter than
	// 112 bits", "a public exponent below 65537"); it is empty when the
	// algorithm itself is refused or missing. Error includes it.
	Detail string
}

// Error says which algorithm was refused, and why.
func (e *UnsupportedError) Error() string {
	if e.NotApproved && e.Detail != "" {
		return fmt.Sprintf("gencrypto: %s with %s is not FIPS 140-3 approved (GODEBUG=fips140=only)", e.Algorithm, e.Detail)
	}
	if e.NotApproved {
		return fmt.Sprintf("gencrypto: %s is not FIPS 140-3 approved (GODEBUG=fips140=only)", e.Algorithm)
	}
	if e.Detail != "" {
		return fmt.Sprintf("gencrypto: %s with %s: backend %q does not support %s", e.Algorithm, e.Detail, e.Backend, e.Primitive)
	}
	return fmt.Sprintf("gencrypto: %s: backend %q does not support %s", e.Algorithm, e.Backend, e.Primitive)
}

// Unwrap returns ErrUnsupported.
func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

// passUnsupported returns err if it wraps ErrUnsupported, else alt: backends
// may say what they lack, but their other failures are replaced by the
// registry's own errors.
func passUnsupported(err, alt error) error {
	if isUnsupported(err) {
		return err
	}
	return alt
}
