//go:build unix

package jwk

import "syscall"

// openNonblock is the flag with which ReadFile opens a key file, so that
// opening a FIFO (or a terminal) put in its place after it was looked at
// does not wait for a writer.
const openNonblock = syscall.O_NONBLOCK
