package std

import (
	"bytes"
	"crypto/aes"
	"crypto/rand"
	"crypto/subtle"
	"testing"
)

// TestCCMStreamPath checks the pipelined CTR path used for long payloads
// against the block-at-a-time definition, for the shortest and longest
// length fields, across the switch-over length.
func TestCCMStreamPath(t *testing.T) {
	key := make([]byte, 16)
	rand.Read(key)
	b, _ := aes.NewCipher(key)
	for _, nonceSize := range []int{7, 10, 13} {
		a, err := newCCM(b, nonceSize, 16)
		if err != nil {
			t.Fatal(err)
		}
		c := a.(*ccm)
		nonce := make([]byte, nonceSize)
		rand.Read(nonce)
		for _, n := range []int{ctrStreamMin - 1, ctrStreamMin, ctrStreamMin + 1, 4099} {
			src := make([]byte, n)
			rand.Read(src)
			got := bytes.Clone(src)
			sc := getScratch()
			c.start(sc, nonce, n, nil)
			c.ctr(sc, got)
			putScratch(sc)
			want := make([]byte, n)
			var ctr, ks [16]byte
			l := 15 - nonceSize
			for i := 0; i*16 < n; i++ {
				// SP 800-38C A.3: flags (L−1) ‖ N ‖ [i] in L bytes.
				ctr = [16]byte{byte(l - 1)}
				copy(ctr[1:], nonce)
				for j, v := 0, i+1; j < l; j, v = j+1, v>>8 {
					ctr[15-j] = byte(v)
				}
				b.Encrypt(ks[:], ctr[:])
				subtle.XORBytes(want[i*16:], src[i*16:], ks[:])
			}
			if !bytes.Equal(got, want) {
				t.Errorf("nonce %d, %d bytes: stream path differs from the definition", nonceSize, n)
			}
			ct := a.Seal(nil, nonce, src, []byte("ad"))
			if pt, err := a.Open(nil, nonce, ct, []byte("ad")); err != nil || !bytes.Equal(pt, src) {
				t.Errorf("nonce %d, %d bytes: round trip failed: %v", nonceSize, n, err)
			}
		}
	}
}

// TestCCMLengthLimit: with a 13-byte nonce the length field is 2 bytes, so
// a payload of 2^16 bytes cannot be encoded: Open refuses it without
// panicking and Seal panics (misuse, as crypto/cipher does).
func TestCCMLengthLimit(t *testing.T) {
	b, _ := aes.NewCipher(make([]byte, 16))
	a, _ := newCCM(b, 13, 8)
	nonce := make([]byte, 13)
	if _, err := a.Open(nil, nonce, make([]byte, 1<<16+8), nil); err == nil {
		t.Error("Open accepted a payload longer than the length field allows")
	}
	ct := a.Seal(nil, nonce, make([]byte, 1<<16-1), nil)
	if _, err := a.Open(nil, nonce, ct, nil); err != nil {
		t.Errorf("longest payload: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("Seal of an over-long payload did not panic")
		}
	}()
	a.Seal(nil, nonce, make([]byte, 1<<16), nil)
}
