package gencryptotest

import (
	"bytes"
	"crypto/hmac"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

func (s *suite) mac(t *testing.T, a *gencrypto.MAC) {
	for _, keyLen := range []int{a.MinKeySize(), 2 * a.MinKeySize(), 200} {
		key := randBytes(keyLen)
		k, err := a.New(key, s.opt)
		if err != nil {
			t.Fatalf("New(%d-byte key): %v", keyLen, err)
		}
		if k.Size() != a.TagSize() {
			t.Fatalf("Size() = %d, want %d", k.Size(), a.TagSize())
		}
		for _, msg := range [][]byte{nil, []byte("abc"), bytes.Repeat([]byte{0x5c}, 1000)} {
			tag, err := k.Sum([]byte("prefix"), msg)
			if err != nil {
				t.Fatalf("Sum: %v", err)
			}
			if !bytes.HasPrefix(tag, []byte("prefix")) || len(tag) != 6+a.TagSize() {
				t.Fatalf("Sum does not append a %d-byte tag to dst: %x", a.TagSize(), tag)
			}
			tag = tag[6:]
			// The definition, computed with crypto/hmac directly.
			h := hmac.New(a.Hash().New, key)
			h.Write(msg)
			if want := h.Sum(nil)[:a.TagSize()]; !bytes.Equal(tag, want) {
				t.Fatalf("tag %x, want HMAC-%v truncated: %x", tag, a.Hash(), want)
			}
			if err := k.Verify(msg, tag); err != nil {
				t.Fatalf("Verify(own tag): %v", err)
			}
			if err := a.Verify(key, msg, tag, s.opt); err != nil {
				t.Fatalf("one-shot Verify: %v", err)
			}
			s.macStream(t, k, msg, tag)
		}
	}
	key := randBytes(a.MinKeySize())
	k, _ := a.New(key, s.opt)
	msg := []byte("tamper with me")
	tag, err := k.Sum(nil, msg)
	if err != nil {
		t.Fatalf("Sum: %v", err)
	}
	for _, bad := range flipBits(tag) {
		if err := k.Verify(msg, bad); err != gencrypto.ErrVerify {
			t.Fatalf("Verify(flipped tag): %v, want ErrVerify", err)
		}
	}
	for _, bad := range flipBits(msg) {
		if err := k.Verify(bad, tag); err != gencrypto.ErrVerify {
			t.Fatalf("Verify(flipped message): %v, want ErrVerify", err)
		}
	}
	for name, bad := range badLengths(tag) {
		if err := k.Verify(msg, bad); err != gencrypto.ErrVerify {
			t.Errorf("Verify(%s tag): %v, want ErrVerify", name, err)
		}
	}
	other, _ := a.New(randBytes(a.MinKeySize()), s.opt)
	if err := other.Verify(msg, tag); err != gencrypto.ErrVerify {
		t.Errorf("Verify under another key: %v, want ErrVerify", err)
	}
	for _, n := range []int{0, 1, a.MinKeySize() - 1} {
		if _, err := a.New(make([]byte, n), s.opt); !errors.Is(err, gencrypto.ErrKeySize) {
			t.Errorf("New(%d-byte key): %v, want ErrKeySize", n, err)
		}
	}
}

// macStream checks that the streaming form agrees with the one-shot tag of
// msg, written in uneven pieces, and that it rejects a changed stream.
func (s *suite) macStream(t *testing.T, k *gencrypto.MACKey, msg, tag []byte) {
	t.Helper()
	for _, step := range []int{1, 7, 64, len(msg) + 1} {
		k.Reset()
		for rest := msg; len(rest) > 0; {
			n := min(step, len(rest))
			if w, err := k.Write(rest[:n]); w != n || err != nil {
				t.Fatalf("Write: %d, %v", w, err)
			}
			rest = rest[n:]
		}
		if got, err := k.SumStream([]byte("p")); err != nil || !bytes.Equal(got[1:], tag) || got[0] != 'p' {
			t.Fatalf("SumStream over %d-byte pieces: %x, %v; want p‖%x", step, got, err, tag)
		}
		if err := k.VerifyStream(tag); err != nil {
			t.Fatalf("VerifyStream over %d-byte pieces: %v", step, err)
		}
		if err := k.VerifyStream(tag); err != nil { // the state is unchanged
			t.Fatalf("VerifyStream a second time: %v", err)
		}
	}
	k.Write([]byte{0})
	if err := k.VerifyStream(tag); err != gencrypto.ErrVerify {
		t.Errorf("VerifyStream(extended stream): %v, want ErrVerify", err)
	}
	k.Reset()
	k.Write(msg)
	for name, bad := range badLengths(tag) {
		if err := k.VerifyStream(bad); err != gencrypto.ErrVerify {
			t.Errorf("VerifyStream(%s tag): %v, want ErrVerify", name, err)
		}
	}
	k.Reset()
}

func (s *suite) aead(t *testing.T, a *gencrypto.AEAD) {
	key := randBytes(a.KeySize())
	c, err := a.New(key, s.opt)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ref, err := a.New(key, s.ref)
	if err != nil {
		t.Fatalf("reference New: %v", err)
	}
	if c.NonceSize() != a.NonceSize() {
		t.Fatalf("NonceSize() = %d, want %d", c.NonceSize(), a.NonceSize())
	}
	nonce := randBytes(a.NonceSize())
	for _, n := range []int{0, 1, 15, 16, 17, 100} {
		for _, aad := range [][]byte{nil, []byte("associated data")} {
			pt := randBytes(n)
			ct := c.Seal([]byte("prefix"), nonce, pt, aad)
			if !bytes.HasPrefix(ct, []byte("prefix")) {
				t.Fatal("Seal does not append to dst")
			}
			ct = ct[6:]
			if len(ct) > n+c.Overhead() || len(ct) < n+a.TagSize() {
				t.Fatalf("%d-byte plaintext sealed to %d bytes (Overhead %d)", n, len(ct), c.Overhead())
			}
			if want := ref.Seal(nil, nonce, pt, aad); !bytes.Equal(ct, want) {
				t.Fatalf("ciphertext differs from the reference backend:\n%x\n%x", ct, want)
			}
			got, err := c.Open([]byte("prefix"), nonce, ct, aad)
			if err != nil || !bytes.Equal(got, append([]byte("prefix"), pt...)) {
				t.Fatalf("Open(Seal(%d bytes)) = %x, %v", n, got, err)
			}
			// In place: dst and the input share their start, as
			// cipher.AEAD allows.
			buf := make([]byte, n, n+c.Overhead())
			copy(buf, pt)
			sealed := c.Seal(buf[:0], nonce, buf, aad)
			if !bytes.Equal(sealed, ct) {
				t.Fatal("in-place Seal differs")
			}
			opened, err := c.Open(sealed[:0], nonce, sealed, aad)
			if err != nil || !bytes.Equal(opened, pt) {
				t.Fatalf("in-place Open = %x, %v", opened, err)
			}
		}
	}

	pt := []byte("seventeen bytes!!")
	aad := []byte("aad")
	ct := c.Seal(nil, nonce, pt, aad)
	open := func(what string, nonce, ct, aad []byte) {
		t.Helper()
		out, err := c.Open(nil, nonce, ct, aad)
		if err != gencrypto.ErrVerify || out != nil {
			t.Fatalf("Open(%s) = %x, %v; want nil, ErrVerify", what, out, err)
		}
	}
	for _, bad := range flipBits(ct) {
		open("flipped ciphertext", nonce, bad, aad)
	}
	for _, bad := range flipBits(nonce) {
		open("flipped nonce", bad, ct, aad)
	}
	for _, bad := range flipBits(aad) {
		open("flipped aad", nonce, ct, bad)
	}
	open("no aad", nonce, ct, nil)
	open("longer aad", nonce, ct, append(aad, 0))
	for i := range ct {
		open("truncated ciphertext", nonce, ct[:i], aad)
	}
	open("extended ciphertext", nonce, append(append([]byte(nil), ct...), 0), aad)
	for name, bad := range badLengths(nonce) {
		open(name+" nonce", bad, ct, aad)
	}
	other, _ := a.New(randBytes(a.KeySize()), s.opt)
	if _, err := other.Open(nil, nonce, ct, aad); err != gencrypto.ErrVerify {
		t.Errorf("Open under another key: %v, want ErrVerify", err)
	}
	for _, n := range []int{0, 1, a.KeySize() - 1, a.KeySize() + 1, 2 * a.KeySize()} {
		if _, err := a.New(make([]byte, n), s.opt); !errors.Is(err, gencrypto.ErrKeySize) {
			t.Errorf("New(%d-byte key): %v, want ErrKeySize", n, err)
		}
	}
}

func (s *suite) keyWrap(t *testing.T, a *gencrypto.KeyWrap) {
	kek := randBytes(a.KeySize())
	for _, n := range []int{16, 24, 32, 64} {
		key := randBytes(n)
		w, err := a.Wrap(kek, key, s.opt)
		if err != nil {
			t.Fatalf("Wrap(%d bytes): %v", n, err)
		}
		if len(w) != n+8 {
			t.Fatalf("wrapped %d bytes into %d", n, len(w))
		}
		if want, _ := a.Wrap(kek, key, s.ref); !bytes.Equal(w, want) {
			t.Fatalf("wrapped key differs from the reference backend:\n%x\n%x", w, want)
		}
		got, err := a.Unwrap(kek, w, s.opt)
		if err != nil || !bytes.Equal(got, key) {
			t.Fatalf("Unwrap(Wrap(k)) = %x, %v; want %x", got, err, key)
		}
	}
	w, _ := a.Wrap(kek, randBytes(32), s.opt)
	for _, bad := range flipBits(w) {
		if _, err := a.Unwrap(kek, bad, s.opt); err != gencrypto.ErrVerify {
			t.Fatalf("Unwrap(flipped): %v, want ErrVerify", err)
		}
	}
	if _, err := a.Unwrap(randBytes(a.KeySize()), w, s.opt); err != gencrypto.ErrVerify {
		t.Errorf("Unwrap under another KEK: %v, want ErrVerify", err)
	}
	for _, n := range []int{0, 8, 15, 16, 17, 23, 41} {
		if _, err := a.Unwrap(kek, make([]byte, n), s.opt); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("Unwrap(%d bytes): %v, want ErrInvalidInput", n, err)
		}
	}
	for _, n := range []int{0, 1, 8, 15, 17} {
		if _, err := a.Wrap(kek, make([]byte, n), s.opt); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("Wrap(%d bytes): %v, want ErrInvalidInput", n, err)
		}
	}
	for _, n := range []int{0, a.KeySize() - 1, a.KeySize() + 8} {
		if _, err := a.Wrap(make([]byte, n), make([]byte, 16), s.opt); !errors.Is(err, gencrypto.ErrKeySize) {
			t.Errorf("Wrap with a %d-byte KEK: %v, want ErrKeySize", n, err)
		}
		if _, err := a.Unwrap(make([]byte, n), w, s.opt); !errors.Is(err, gencrypto.ErrKeySize) {
			t.Errorf("Unwrap with a %d-byte KEK: %v, want ErrKeySize", n, err)
		}
	}
}
