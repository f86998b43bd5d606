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

// nilOpenBackend is the default backend with AEADs whose Open returns
// nothing and no error, whatever it is given: a token that lost its
// session and answers with an empty result.
type nilOpenBackend struct{ *fakeBackend }

func (b nilOpenBackend) NewAEAD(p string, key []byte, n, t int, h crypto.Hash) (cipher.AEAD, error) {
	c, err := b.fakeBackend.NewAEAD(p, key, n, t, h)
	if err != nil {
		return nil, err
	}
	return nilOpen{c}, nil
}

type nilOpen struct{ cipher.AEAD }

func (nilOpen) Open(dst, nonce, ct, ad []byte) ([]byte, error) { return nil, nil }

// TestAEADBackendOpenDropsDst: Open appends the plaintext to dst, so its
// result is never shorter than dst. A backend's result that is (here nil,
// for any input) has a length no ciphertext can give, even where the
// shortfall happens to equal the ciphertext's own shortfall below the tag
// (an empty ciphertext opened into a dst of TagSize bytes, or TagSize+1 to
// TagSize+16 bytes for AES-CBC-HMAC, whose padding the length check
// allows for): ErrVerify, not a nil plaintext and no error.
func TestAEADBackendOpenDropsDst(t *testing.T) {
	for _, alg := range gencrypto.All() {
		a, ok := alg.(*gencrypto.AEAD)
		if !ok {
			continue
		}
		c, err := a.New(make([]byte, a.KeySize()), gencrypto.WithBackend(nilOpenBackend{newFake()}))
		if err != nil {
			t.Fatal(err)
		}
		nonce := make([]byte, a.NonceSize())
		for _, n := range []int{a.TagSize(), a.TagSize() + 1, a.TagSize() + 16} {
			dst := make([]byte, n)
			if out, err := c.Open(dst, nonce, nil, nil); out != nil || !errors.Is(err, gencrypto.ErrVerify) {
				t.Errorf("%s Open(%d-byte dst, empty ciphertext), backend returns nil: %x, %v; want ErrVerify", a, n, out, err)
			}
		}
	}
}
