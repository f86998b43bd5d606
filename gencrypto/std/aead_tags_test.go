package std

import (
	"bytes"
	"crypto"
	"errors"
	"testing"
)

// TestAEADTagSizes: every AEAD NewAEAD makes appends a tag of exactly the
// size asked for, and Overhead says so. For AES-GCM a shorter tag is the
// first t bytes of the 16-byte tag (NIST SP 800-38D §7.1 step 8, T =
// MSB_t(…)), so the tag of each size is checked against the full one.
func TestAEADTagSizes(t *testing.T) {
	b := New()
	key := bytes.Repeat([]byte{3}, 32)
	msg, ad := []byte("attack at dawn"), []byte("ad")
	full, err := b.NewAEAD(primAESGCM, key, 12, 16, 0)
	if err != nil {
		t.Fatal(err)
	}
	nonce := make([]byte, 12)
	fullCT := full.Seal(nil, nonce, msg, ad)
	for _, tc := range []struct {
		prim       string
		nonce, tag int
		h          crypto.Hash
		overhead   int
	}{
		{primAESGCM, 12, 12, 0, 12}, {primAESGCM, 12, 13, 0, 13}, {primAESGCM, 12, 15, 0, 15},
		{primAESGCM, 12, 16, 0, 16}, {primAESGCM, 8, 16, 0, 16}, {primAESGCM, 16, 16, 0, 16},
		{primAESCCM, 13, 4, 0, 4}, {primAESCCM, 7, 16, 0, 16},
		{primChaCha20Poly1305, 12, 16, 0, 16}, {primChaCha20Poly1305, 24, 16, 0, 16},
		{primAESCBCHMAC, 16, 16, crypto.SHA256, 32}, {primAESCBCHMAC, 16, 24, crypto.SHA384, 40},
	} {
		a, err := b.NewAEAD(tc.prim, key, tc.nonce, tc.tag, tc.h)
		if err != nil {
			t.Errorf("%s nonce %d tag %d: %v", tc.prim, tc.nonce, tc.tag, err)
			continue
		}
		if a.Overhead() != tc.overhead || a.NonceSize() != tc.nonce {
			t.Errorf("%s nonce %d tag %d: Overhead %d, NonceSize %d", tc.prim, tc.nonce, tc.tag, a.Overhead(), a.NonceSize())
		}
		n := make([]byte, tc.nonce)
		ct := a.Seal(nil, n, msg, ad)
		if tc.prim != primAESCBCHMAC && len(ct) != len(msg)+tc.tag {
			t.Errorf("%s nonce %d tag %d: %d bytes sealed into %d", tc.prim, tc.nonce, tc.tag, len(msg), len(ct))
		}
		if tc.prim == primAESGCM && tc.nonce == 12 && !bytes.Equal(ct, fullCT[:len(msg)+tc.tag]) {
			t.Errorf("GCM tag %d: %x is not a prefix of the 16-byte tag's %x", tc.tag, ct, fullCT)
		}
	}
}

// TestAEADParameterErrors: a nonce and tag size NewAEAD does not offer is
// refused here rather than left to crypto/cipher: AES-GCM takes a 12-byte
// nonce with a tag of 12 to 16 bytes, or a 16-byte tag with any non-empty
// nonce (13 bytes included, which is not the standard size). Sizes NIST SP
// 800-38D defines but crypto/cipher does not offer are unsupported, the
// others errParameter.
func TestAEADParameterErrors(t *testing.T) {
	b := New()
	key := make([]byte, 16)
	for _, tc := range []struct {
		nonce, tag int
		want       error
	}{{12, 17, errParameter}, {12, 11, errParameter}, {0, 16, errParameter}, {13, 15, errors.ErrUnsupported}, {16, 12, errors.ErrUnsupported}, {12, 8, errors.ErrUnsupported}} {
		if _, err := b.NewAEAD(primAESGCM, key, tc.nonce, tc.tag, 0); !errors.Is(err, tc.want) {
			t.Errorf("GCM nonce %d tag %d: %v, want %v", tc.nonce, tc.tag, err, tc.want)
		}
	}
	a, err := b.NewAEAD(primAESGCM, key, 13, 16, 0)
	if err != nil || a.NonceSize() != 13 || a.Overhead() != 16 {
		t.Fatalf("GCM nonce 13 tag 16: %v", err)
	}
}

// TestAEADInPlace: the constructions written here (CCM, CBC-HMAC) seal and
// open in place, as cipher.AEAD documents (plaintext[:0] as dst), when dst
// has exactly the capacity the result needs: the result shares dst's array.
func TestAEADInPlace(t *testing.T) {
	b := New()
	for _, tc := range []struct {
		prim       string
		nonce, tag int
		h          crypto.Hash
	}{
		{primAESCCM, 13, 8, 0}, {primAESCBCHMAC, 16, 16, crypto.SHA256},
	} {
		a, err := b.NewAEAD(tc.prim, make([]byte, 32), tc.nonce, tc.tag, tc.h)
		if err != nil {
			t.Fatal(err)
		}
		nonce := make([]byte, tc.nonce)
		msg := "thirty-two bytes of plaintext..."
		buf := make([]byte, len(msg), len(a.Seal(nil, nonce, []byte(msg), nil)))
		copy(buf, msg)
		ct := a.Seal(buf[:0], nonce, buf, nil)
		if &ct[0] != &buf[0] || len(ct) != cap(buf) {
			t.Errorf("%s: Seal into plaintext[:0] with room for %d bytes did not reuse it", tc.prim, cap(buf))
		}
		pt, err := a.Open(ct[:0], nonce, ct, nil)
		if err != nil || string(pt) != msg || &pt[0] != &ct[0] {
			t.Errorf("%s: Open into ciphertext[:0]: %q, %v, in place %v", tc.prim, pt, err, err == nil && &pt[0] == &ct[0])
		}
	}
}
