package gencrypto_test

import (
	"crypto"
	"crypto/cipher"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// laxSealBackend is the default backend with AEADs whose Seal never
// panics: a nonce of the wrong length is cut or zero-padded to NonceSize
// and a plaintext too long for the algorithm is sealed as if its length
// field could hold it (here: an empty output), as a careless backend
// might. With AES-CCM-16-* the second would wrap the 2-byte length field
// and run the counter into the nonce, reusing key stream.
type laxSealBackend struct{ gencrypto.Backend }

func (b laxSealBackend) NewAEAD(p string, key []byte, n, t int, h crypto.Hash) (cipher.AEAD, error) {
	c, err := b.Backend.NewAEAD(p, key, n, t, h)
	if err != nil {
		return nil, err
	}
	return laxSeal{c}, nil
}

type laxSeal struct{ cipher.AEAD }

func (l laxSeal) Seal(dst, nonce, pt, ad []byte) []byte {
	n := make([]byte, l.NonceSize())
	copy(n, nonce)
	if len(pt) > 1<<16-1 {
		return dst
	}
	return l.AEAD.Seal(dst, n, pt, ad)
}

func sealPanic(c cipher.AEAD, nonce, pt []byte) (msg any) {
	defer func() { msg = recover() }()
	c.Seal(nil, nonce, pt, nil)
	return nil
}

// TestAEADSealRefusesWhatTheAlgorithmCannotSeal: AEAD.New documents that
// Seal panics for a nonce that is not NonceSize bytes and for a plaintext
// longer than the algorithm can encrypt (65535 bytes for AES-CCM-16-*).
// The registry left both to the backend, so with one whose Seal forgives
// them it sealed under a nonce the caller never gave, or past the length
// field. The registry now checks both itself, whatever the backend.
func TestAEADSealRefusesWhatTheAlgorithmCannotSeal(t *testing.T) {
	opt := gencrypto.WithBackend(laxSealBackend{gencrypto.DefaultBackend()})
	long := make([]byte, 1<<16)
	for _, alg := range gencrypto.All() {
		a, ok := alg.(*gencrypto.AEAD)
		if !ok {
			continue
		}
		c, err := a.New(make([]byte, a.KeySize()), opt)
		if err != nil {
			t.Fatalf("%s New: %v", a, err)
		}
		for _, n := range []int{a.NonceSize() - 1, a.NonceSize() + 1} {
			if sealPanic(c, make([]byte, n), []byte("m")) == nil {
				t.Errorf("%s: Seal with a %d-byte nonce did not panic", a, n)
			}
		}
		short := a.Primitive() == gencrypto.PrimAESCCM && a.NonceSize() == 13
		if got := sealPanic(c, make([]byte, a.NonceSize()), long); (got != nil) != short {
			t.Errorf("%s: Seal of 2^16 bytes panicked: %v, want %v", a, fmt.Sprint(got), short)
		}
		if got := sealPanic(c, make([]byte, a.NonceSize()), long[:1<<16-1]); got != nil {
			t.Errorf("%s: Seal of 2^16-1 bytes panicked: %v", a, got)
		}
	}
}

// laxOpenBackend's AEADs open any ciphertext longer than 2^16 bytes to its
// length less the tag, as a CCM whose length field wrapped might.
type laxOpenBackend struct{ gencrypto.Backend }

func (b laxOpenBackend) NewAEAD(p string, key []byte, n, t int, h crypto.Hash) (cipher.AEAD, error) {
	c, err := b.Backend.NewAEAD(p, key, n, t, h)
	if err != nil {
		return nil, err
	}
	return laxOpen{c}, nil
}

type laxOpen struct{ cipher.AEAD }

func (l laxOpen) Open(dst, nonce, ct, ad []byte) ([]byte, error) {
	if len(ct) > 1<<16 {
		return append(dst, ct[:len(ct)-l.Overhead()]...), nil
	}
	return l.AEAD.Open(dst, nonce, ct, ad)
}

// TestAEADOpenRefusesWhatTheAlgorithmCannotSeal: a ciphertext whose
// plaintext would be longer than the algorithm can encrypt (2^16 bytes and
// more for AES-CCM-16-*) is not opened, whatever the backend says:
// ErrVerify, as for every failed Open.
func TestAEADOpenRefusesWhatTheAlgorithmCannotSeal(t *testing.T) {
	opt := gencrypto.WithBackend(laxOpenBackend{gencrypto.DefaultBackend()})
	for _, a := range []*gencrypto.AEAD{gencrypto.AESCCM16_64_128(), gencrypto.AESCCM16_128_256()} {
		c, err := a.New(make([]byte, a.KeySize()), opt)
		if err != nil {
			t.Fatal(err)
		}
		ct := make([]byte, 1<<16+a.TagSize())
		if pt, err := c.Open(nil, make([]byte, a.NonceSize()), ct, nil); err != gencrypto.ErrVerify {
			t.Errorf("%s: Open of a %d-byte plaintext = %d bytes, %v; want ErrVerify", a, 1<<16, len(pt), err)
		}
	}
}
