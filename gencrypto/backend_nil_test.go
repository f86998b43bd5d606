package gencrypto_test

import (
	"crypto"
	"crypto/cipher"
	"errors"
	"fmt"
	"hash"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// nilBackend is the default backend with constructors that answer nil and
// no error, as a buggy backend might.
type nilBackend struct{ *fakeBackend }

func (nilBackend) NewHash(crypto.Hash) (hash.Hash, error)         { return nil, nil }
func (nilBackend) NewHMAC(crypto.Hash, []byte) (hash.Hash, error) { return nil, nil }
func (nilBackend) NewAEAD(string, []byte, int, int, crypto.Hash) (cipher.AEAD, error) {
	return nil, nil
}

// TestBackendNilResults: a backend's nil hash or AEAD without an error is
// a malformed result like any other, refused with an error by New and
// NewHash rather than a nil dereference in the registry.
func TestBackendNilResults(t *testing.T) {
	opt := gencrypto.WithBackend(nilBackend{newFake()})
	for name, call := range map[string]func() error{
		"MAC New":       func() error { _, err := gencrypto.HS256().New(make([]byte, 32), opt); return err },
		"AEAD New":      func() error { _, err := gencrypto.A128GCM().New(make([]byte, 16), opt); return err },
		"ES256 NewHash": func() error { _, err := gencrypto.ES256().NewHash(opt); return err },
	} {
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			return call()
		}()
		if !errors.Is(err, gencrypto.ErrBackendOutput) {
			t.Errorf("%s with a backend answering nil: %v, want the malformed-result error", name, err)
		}
	}
}
