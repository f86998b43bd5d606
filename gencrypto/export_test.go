package gencrypto

// ErrBackendOutput exposes errBackendOutput to the external tests, so that
// they can tell a refused backend result from the other failures.
var ErrBackendOutput = errBackendOutput
