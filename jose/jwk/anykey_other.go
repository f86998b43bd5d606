//go:build !unix

package jwk

// openNonblock is the flag with which ReadFile opens a key file: none
// where opening a file cannot wait for a writer as a unix FIFO does.
const openNonblock = 0
