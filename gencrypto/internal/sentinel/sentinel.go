// Package sentinel holds the error values gencrypto exports as ErrVerify,
// ErrKeyType, ErrKeySize, ErrInvalidKey and ErrInvalidInput. They live here,
// below both gencrypto and its std backend, because gencrypto imports std
// (its default backend) and std therefore cannot import gencrypto: from here
// std wraps the very values gencrypto exports, so errors.Is(err,
// gencrypto.ErrKeySize) holds for std's own errors too. gencrypto's
// documentation of each value is the authoritative one.
package sentinel

import "errors"

var (
	// Verify is gencrypto.ErrVerify.
	Verify = errors.New("gencrypto: verification failed")
	// KeyType is gencrypto.ErrKeyType.
	KeyType = errors.New("gencrypto: key type does not match algorithm")
	// KeySize is gencrypto.ErrKeySize.
	KeySize = errors.New("gencrypto: key size not allowed for algorithm")
	// InvalidKey is gencrypto.ErrInvalidKey.
	InvalidKey = errors.New("gencrypto: invalid key")
	// InvalidInput is gencrypto.ErrInvalidInput.
	InvalidInput = errors.New("gencrypto: invalid input")
)
