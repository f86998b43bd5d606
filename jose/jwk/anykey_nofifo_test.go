//go:build !unix

package jwk

import "errors"

// mkfifo makes a FIFO named name where there are FIFOs.
func mkfifo(name string) error { return errors.ErrUnsupported }
