package gencrypto_test

import (
	"crypto"
	"crypto/hmac"
	"crypto/sha1"
	"hash"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// contractBreaker is the default backend with one output that breaks the
// Backend contract, as a buggy backend would return it.
type contractBreaker struct {
	*fakeBackend
	defect string
}

func (b *contractBreaker) NewHMAC(h crypto.Hash, key []byte) (hash.Hash, error) {
	if b.defect == "short hmac" {
		return hmac.New(sha1.New, key), nil // 20 bytes, whatever was asked
	}
	return b.fakeBackend.NewHMAC(h, key)
}

// TestBackendContract: a result that breaks the Backend contract is refused
// with an error, never used. A MAC whose hash is shorter than its tag would
// otherwise give tags padded with whatever the buffer held, and one of
// another hash wrong tags.
func TestBackendContract(t *testing.T) {
	for _, tc := range []struct {
		defect string
		call   func(opt gencrypto.Option) error
	}{
		{"short hmac", func(opt gencrypto.Option) error {
			_, err := gencrypto.HS256().New(make([]byte, 32), opt)
			return err
		}},
		{"short hmac", func(opt gencrypto.Option) error {
			_, err := gencrypto.HS512().Sum(make([]byte, 64), []byte("m"), opt)
			return err
		}},
		{"short hmac", func(opt gencrypto.Option) error {
			// HMAC-SHA-1 is longer than the 8-byte tag, but not HMAC-SHA-256
			_, err := gencrypto.HMAC256_64().New(make([]byte, 32), opt)
			return err
		}},
	} {
		b := &contractBreaker{newFake(), tc.defect}
		if err := tc.call(gencrypto.WithBackend(b)); err == nil {
			t.Errorf("%s: accepted", tc.defect)
		}
	}
}
