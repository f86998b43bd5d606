package std

import (
	"bytes"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"encoding/binary"
	"errors"
	"testing"
)

// TestCBCHMACTagSizes: the tag is at least 16 bytes and at most the HMAC's
// output, both bounds included (RFC 7518 §5.2.2.1 truncates to half the
// output; a longer tag up to the whole output is still well defined).
func TestCBCHMACTagSizes(t *testing.T) {
	b := New()
	for _, tc := range []struct {
		h   crypto.Hash
		tag int
		ok  bool
	}{
		{crypto.SHA256, 15, false}, {crypto.SHA256, 16, true}, {crypto.SHA256, 32, true}, {crypto.SHA256, 33, false},
		{crypto.SHA384, 48, true}, {crypto.SHA384, 49, false},
		{crypto.SHA512, 64, true}, {crypto.SHA512, 65, false},
	} {
		a, err := b.NewAEAD(primAESCBCHMAC, make([]byte, 32), 16, tc.tag, tc.h)
		if (err == nil) != tc.ok {
			t.Errorf("%v, %d-byte tag: %v", tc.h, tc.tag, err)
			continue
		}
		if err != nil {
			continue
		}
		ct := a.Seal(nil, make([]byte, 16), []byte("m"), nil)
		if len(ct) != 16+tc.tag || a.Overhead() != 16+tc.tag {
			t.Errorf("%v, %d-byte tag: sealed one byte into %d, Overhead %d", tc.h, tc.tag, len(ct), a.Overhead())
		}
		if pt, err := a.Open(nil, make([]byte, 16), ct, nil); err != nil || string(pt) != "m" {
			t.Errorf("%v, %d-byte tag: Open = %q, %v", tc.h, tc.tag, pt, err)
		}
	}
}

// TestCBCHMACShortCiphertext: a ciphertext shorter than one block is
// refused before the tag is looked at, so that even a correct tag over an
// empty or partial E (which only the key holder can make) is an error and
// never reaches the unpadding of a block that is not there.
func TestCBCHMACShortCiphertext(t *testing.T) {
	key := bytes.Repeat([]byte{7}, 32)
	a, err := New().NewAEAD(primAESCBCHMAC, key, 16, 16, crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	iv, ad := make([]byte, 16), []byte("aad")
	blk, _ := aes.NewCipher(key[16:])
	for _, n := range []int{0, 16} {
		e := make([]byte, n)
		cipher.NewCBCEncrypter(blk, iv).CryptBlocks(e, bytes.Repeat([]byte{16}, n))
		m := hmac.New(crypto.SHA256.New, key[:16])
		m.Write(ad)
		m.Write(iv)
		m.Write(e)
		m.Write(binary.BigEndian.AppendUint64(nil, uint64(len(ad))*8))
		ct := append(e, m.Sum(nil)[:16]...)
		pt, err := a.Open(nil, iv, ct, ad)
		if n == 0 && err == nil {
			t.Errorf("E of 0 bytes with a correct tag opened as %q", pt)
		}
		if n == 16 && (err != nil || len(pt) != 0) {
			t.Errorf("a block of padding alone: %q, %v; want the empty plaintext", pt, err)
		}
	}
}

// TestCBCHMACKeySizes: the key is MAC_KEY‖ENC_KEY, two equal halves with an
// AES key as the second (RFC 7518 §5.2.2.1), so only 32, 48 and 64 bytes
// are accepted; every other length is errKeySize, including odd lengths
// whose rounded-down half would be an AES key size.
func TestCBCHMACKeySizes(t *testing.T) {
	b := New()
	for n := 0; n <= 66; n++ {
		_, err := b.NewAEAD(primAESCBCHMAC, make([]byte, n), 16, 16, crypto.SHA512)
		if ok := n == 32 || n == 48 || n == 64; ok != (err == nil) || !ok && !errors.Is(err, errKeySize) {
			t.Errorf("%d-byte key: %v", n, err)
		}
	}
}
