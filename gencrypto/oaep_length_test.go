package gencrypto_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestOAEPMessageLength: RSAES-OAEP encrypts at most k − 2·hLen − 2 bytes
// (RFC 8017 §7.1.1 step 1b). The longest message encrypts and decrypts;
// one byte more is a malformed input, which the package doc makes
// ErrInvalidInput, refused before any backend is called.
func TestOAEPMessageLength(t *testing.T) {
	k := getKeys(t).rsa
	for _, a := range []*gencrypto.KeyEncryption{gencrypto.RSAOAEP(), gencrypto.RSAOAEP256(), gencrypto.RSAOAEP384(), gencrypto.RSAOAEP512()} {
		max := k.Size() - 2*a.Hash().Size() - 2
		msg := bytes.Repeat([]byte{0xa5}, max)
		ct, err := a.Encrypt(&k.PublicKey, msg)
		if err != nil {
			t.Fatalf("%s Encrypt(%d bytes, the maximum): %v", a, max, err)
		}
		if got, err := a.Decrypt(k, ct); err != nil || !bytes.Equal(got, msg) {
			t.Errorf("%s Decrypt: %x, %v", a, got, err)
		}
		fake := newFake()
		_, err = a.Encrypt(&k.PublicKey, append(msg, 0), gencrypto.WithBackend(fake))
		if !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("%s Encrypt(%d bytes, one over the maximum): %v, want ErrInvalidInput", a, max+1, err)
		}
		if n := fake.calls.Load(); n != 0 {
			t.Errorf("%s Encrypt(%d bytes) reached the backend (%d calls)", a, max+1, n)
		}
	}
}
