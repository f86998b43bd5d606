package gencrypto

// ErrBackendOutput exposes errBackendOutput to the external tests, so that
// they can tell a refused backend result from the other failures.
var ErrBackendOutput = errBackendOutput

// Ed25519Canonical exposes ed25519Canonical, whose answer for encodings
// with no known valid signature cannot be observed through Verify.
var Ed25519Canonical = ed25519Canonical
