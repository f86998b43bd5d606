package gencrypto_test

import (
	"crypto"
	"crypto/rsa"
	"io"
	"sync/atomic"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// flakyDecrypter is a crypto.Decrypter whose Public answers once and then
// nil, as a remote key whose Public fetches the key each time and has no
// error to return when that fails.
type flakyDecrypter struct {
	k     *rsa.PrivateKey
	calls *atomic.Int64
}

func (d flakyDecrypter) Public() crypto.PublicKey {
	if d.calls.Add(1) > 1 {
		return nil
	}
	return &d.k.PublicKey
}

func (d flakyDecrypter) Decrypt(r io.Reader, ct []byte, opts crypto.DecrypterOpts) ([]byte, error) {
	return d.k.Decrypt(r, ct, opts)
}

// TestOAEPDecryptPublicOnce: Decrypt binds the key it is given by its
// public half, and must then use the public key it checked rather than ask
// again: a second answer is neither checked nor necessarily the same. With
// a Decrypter whose later answers are nil, Decrypt returns (whatever it
// returns) instead of panicking on an unchecked type assertion.
func TestOAEPDecryptPublicOnce(t *testing.T) {
	k := getKeys(t).rsa
	a := gencrypto.RSAOAEP256()
	ct, err := a.Encrypt(&k.PublicKey, make([]byte, 16))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("Decrypt panicked on a Decrypter whose second Public answer is nil: %v", r)
		}
	}()
	d := flakyDecrypter{k, new(atomic.Int64)}
	_, err = a.Decrypt(d, ct, gencrypto.WithBackend(newFake()))
	t.Logf("Decrypt: %v", err)
}
