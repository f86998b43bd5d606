package gencrypto_test

import (
	"crypto"
	"crypto/cipher"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// openLengthBackend is the default backend with AEADs whose successful
// Open passes its plaintext through mangle.
type openLengthBackend struct {
	*fakeBackend
	mangle func([]byte) []byte
}

func (b openLengthBackend) NewAEAD(p string, key []byte, n, t int, h crypto.Hash) (cipher.AEAD, error) {
	c, err := b.fakeBackend.NewAEAD(p, key, n, t, h)
	if err != nil {
		return nil, err
	}
	return mangledOpen{c, b.mangle}, nil
}

type mangledOpen struct {
	cipher.AEAD
	mangle func([]byte) []byte
}

func (m mangledOpen) Open(dst, nonce, ct, ad []byte) ([]byte, error) {
	out, err := m.AEAD.Open(dst, nonce, ct, ad)
	if err != nil {
		return nil, err
	}
	return m.mangle(out), nil
}

// TestAEADBackendOpenLength: a ciphertext of c bytes opens to c − TagSize
// bytes (AES-GCM, AES-CCM, ChaCha20-Poly1305), or for AES-CBC-HMAC to
// between c − TagSize − 16 and c − TagSize − 1 bytes (a whole block, less
// 1 to 16 bytes of padding, RFC 7518 §5.2.2.1). A backend's Open that
// returns another length is refused with ErrVerify, as every failed Open
// is; the right length opens. The plaintexts are chosen so that each wrong
// length is out of range for AES-CBC-HMAC too (15 bytes: one block less
// one; so one byte more is out of range, and shorter ones are refused on
// the exact AEADs only).
func TestAEADBackendOpenLength(t *testing.T) {
	for _, alg := range gencrypto.All() {
		a, ok := alg.(*gencrypto.AEAD)
		if !ok {
			continue
		}
		key := make([]byte, a.KeySize())
		nonce := make([]byte, a.NonceSize())
		pt := []byte("fifteen bytes!!")
		ref, err := a.New(key)
		if err != nil {
			t.Fatal(err)
		}
		ct := ref.Seal(nil, nonce, pt, nil)
		open := func(mangle func([]byte) []byte) ([]byte, error) {
			c, err := a.New(key, gencrypto.WithBackend(openLengthBackend{newFake(), mangle}))
			if err != nil {
				t.Fatal(err)
			}
			return c.Open(nil, nonce, ct, nil)
		}
		if out, err := open(keepLength); err != nil || string(out) != string(pt) {
			t.Errorf("%s Open: %q, %v", a, out, err)
		}
		for _, bad := range badLengths {
			if a.Primitive() == gencrypto.PrimAESCBCHMAC && bad.name != "one byte long" {
				continue // 14 and 0 bytes are plaintext lengths a 32-byte AES-CBC-HMAC ciphertext can have
			}
			if out, err := open(bad.mangle); out != nil || !errors.Is(err, gencrypto.ErrVerify) {
				t.Errorf("%s Open, backend plaintext %s: %q, %v; want ErrVerify", a, bad.name, out, err)
			}
		}
		// A lax backend that hands back the ciphertext as it is.
		if out, err := open(func([]byte) []byte { return append([]byte(nil), ct...) }); out != nil || !errors.Is(err, gencrypto.ErrVerify) {
			t.Errorf("%s Open, backend plaintext as long as the ciphertext: %d bytes, %v; want ErrVerify", a, len(out), err)
		}
	}
}
