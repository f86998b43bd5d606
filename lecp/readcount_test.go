package lecp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// badCountReader returns its input a byte at a time, then, on read
// number at, a count outside 0..len(p): bad below 0, or len(p)+bad (a
// broken io.Reader; a wrong count inside that range cannot be told from
// the bytes a reader wrote).
type badCountReader struct {
	r       io.Reader
	at, bad int
	n       int
}

func (b *badCountReader) Read(p []byte) (int, error) {
	b.n++
	n, err := b.r.Read(p[:min(len(p), 1)])
	if b.n == b.at {
		if b.bad > 0 {
			return len(p) + b.bad, err // past the caller's slice
		}
		return b.bad, err
	}
	return n, err
}

// TestReaderInvalidCount: an io.Reader returning a count below 0 or above
// the length of the slice it was given is an error from every Decoder read
// and from FromJSON (as lejp's Decoder and io.Copy treat it), not a panic
// or bytes lost. On the base the Decoder sliced its buffer past its
// capacity (a panic) or dropped bytes already read, and FromJSON sliced
// with the count (a panic).
func TestReaderInvalidCount(t *testing.T) {
	cbor := []byte{0x83, 0x01, 0x62, 'a', 'b', 0x82, 0x02, 0x03}
	for _, bad := range []int{-1, -100, 1, 1 << 20} {
		for _, at := range []int{1, 3} {
			name := fmt.Sprintf("count %d at read %d", bad, at)
			try := func(what string, f func() error) {
				t.Helper()
				var err error
				func() {
					defer func() {
						if r := recover(); r != nil {
							err = fmt.Errorf("panic: %v", r)
						}
					}()
					err = f()
				}()
				if err == nil || !strings.Contains(err.Error(), "invalid count") {
					t.Errorf("%s, %s: %v, want the invalid-count error", name, what, err)
				}
			}
			newDec := func() *Decoder { return NewDecoder(&badCountReader{r: bytes.NewReader(cbor), at: at, bad: bad}, nil) }
			try("ReadToken", func() error {
				d := newDec()
				for {
					if _, err := d.ReadToken(); err != nil {
						return err
					}
				}
			})
			try("ReadValue", func() error { _, err := newDec().ReadValue(); return err })
			try("SkipValue", func() error { return newDec().SkipValue() })
			try("Finish", func() error { return newDec().Finish() })
			try("FromJSON", func() error {
				_, err := FromJSON(nil, &badCountReader{r: strings.NewReader(`[1,"ab",[2,3]]`), at: at, bad: bad}, false)
				return err
			})
		}
	}
}

// TestReaderInvalidCountIsBadReadCount: the error for an io.Reader
// returning a count below 0 or above the length of the slice it was given
// matches bufio.ErrBadReadCount (errors.Is), the standard library's
// sentinel for a Read that returned an impossible count, from every
// Decoder read and from FromJSON, as lejp's does. On the base it was an
// unexported errors.New that only its text told apart.
func TestReaderInvalidCountIsBadReadCount(t *testing.T) {
	cbor := []byte{0x83, 0x01, 0x62, 'a', 'b', 0x82, 0x02, 0x03}
	for _, bad := range []int{-1, 1 << 20} {
		newDec := func() *Decoder { return NewDecoder(&badCountReader{r: bytes.NewReader(cbor), at: 2, bad: bad}, nil) }
		for what, f := range map[string]func() error{
			"ReadToken": func() error {
				d := newDec()
				for {
					if _, err := d.ReadToken(); err != nil {
						return err
					}
				}
			},
			"ReadValue": func() error { _, err := newDec().ReadValue(); return err },
			"SkipValue": func() error { return newDec().SkipValue() },
			"Finish":    func() error { return newDec().Finish() },
			"FromJSON": func() error {
				_, err := FromJSON(nil, &badCountReader{r: strings.NewReader(`[1,"ab",[2,3]]`), at: 2, bad: bad}, false)
				return err
			},
		} {
			err := f()
			if !errors.Is(err, bufio.ErrBadReadCount) || err.Error() != "lecp: io.Reader returned an invalid count" {
				t.Errorf("count %d, %s: %v, want the invalid-count error matching bufio.ErrBadReadCount", bad, what, err)
			}
			var se *SyntaxError
			if errors.As(err, &se) {
				t.Errorf("count %d, %s: %v is a *SyntaxError", bad, what, err)
			}
		}
	}
}
