// Package std is the default gencrypto backend, built on the Go standard
// library (and golang.org/x/crypto only where the standard library has
// nothing, as for ChaCha20-Poly1305).
//
// It implements primitives only; policy (which key fits which algorithm,
// which lengths are legal, how failures are reported) lives in package
// gencrypto, which uses this package as its default. This package imports
// nothing of gencrypto, so its method set is written against the standard
// library's types alone.
package std

import (
	"crypto"
	"crypto/cipher"
	"errors"
	"hash"
)

// Backend is the standard-library backend. The zero value is ready to use.
type Backend struct{}

// New returns the standard-library backend.
func New() *Backend { return &Backend{} }

// Name returns "std".
func (*Backend) Name() string { return "std" }

func unsupported(what string) error {
	return &unsupportedError{what}
}

type unsupportedError struct{ what string }

func (e *unsupportedError) Error() string { return "std: unsupported: " + e.what }
func (e *unsupportedError) Unwrap() error { return errors.ErrUnsupported }

var (
	_ = crypto.SHA256
	_ cipher.AEAD
	_ hash.Hash
)
