package std

import (
	"bytes"
	"crypto"
	"sync"
	"testing"
)

// TestConcurrentAEADs uses one AEAD value of each construction from several
// goroutines at once, as crypto/cipher allows; run with -race it checks the
// pooled scratch state of CCM and CBC-HMAC.
func TestConcurrentAEADs(t *testing.T) {
	b := New()
	for _, tc := range []struct {
		prim       string
		key        int
		nonce, tag int
		h          crypto.Hash
	}{
		{primAESCCM, 16, 13, 8, 0},
		{primAESCBCHMAC, 32, 16, 16, crypto.SHA256},
	} {
		a, err := b.NewAEAD(tc.prim, make([]byte, tc.key), tc.nonce, tc.tag, tc.h)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Go(func() {
				nonce := make([]byte, tc.nonce)
				nonce[0] = byte(g)
				for i := range 50 {
					msg := bytes.Repeat([]byte{byte(g), byte(i)}, 300+i)
					ct := a.Seal(nil, nonce, msg, []byte{byte(i)})
					pt, err := a.Open(nil, nonce, ct, []byte{byte(i)})
					if err != nil || !bytes.Equal(pt, msg) {
						t.Errorf("%s goroutine %d round %d: %v", tc.prim, g, i, err)
						return
					}
					ct[0] ^= 1
					if _, err := a.Open(nil, nonce, ct, []byte{byte(i)}); err == nil {
						t.Errorf("%s: tampered ciphertext opened", tc.prim)
						return
					}
				}
			})
		}
		wg.Wait()
	}
}
