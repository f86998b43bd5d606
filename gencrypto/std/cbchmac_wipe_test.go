package std

import (
	"bytes"
	"crypto"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"testing"
)

// TestCBCHMACPooledStateWiped: the MAC state Seal and Open return to the
// pool holds neither the last tag (sum, the full HMAC output; want, the tag
// Open expected, which for a forged message is the tag that would have
// authenticated it) nor the last AL, and its HMAC is back at the keyed
// initial state, so a pooled value kept alive says nothing of the last
// message. testHookMACPut sees each value as it goes back.
func TestCBCHMACPooledStateWiped(t *testing.T) {
	key := make([]byte, 32)
	a, err := New().NewAEAD(primAESCBCHMAC, key, 16, 16, crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	// A Reset HMAC has hashed nothing since its key: its output is the MAC
	// of the empty message.
	empty := hmac.New(sha256.New, key[:16]).Sum(nil)
	var problems []string
	testHookMACPut = func(ms *macState) {
		if ms.sum != ([64]byte{}) || ms.want != ([64]byte{}) || ms.al != ([8]byte{}) {
			problems = append(problems, fmt.Sprintf("keeps sum %x, want %x, al %x", ms.sum[:16], ms.want[:16], ms.al))
		}
		if got := ms.h.Sum(nil); !bytes.Equal(got, empty) {
			problems = append(problems, fmt.Sprintf("HMAC still holds the last message (MAC %x, of the empty message %x)", got[:8], empty[:8]))
		}
		problems = append(problems, "")
	}
	defer func() { testHookMACPut = nil }()

	iv, ad, msg := make([]byte, 16), []byte("ad"), []byte("message")
	ct := a.Seal(nil, iv, msg, ad)
	forged := append([]byte(nil), ct...)
	forged[len(forged)-1] ^= 1
	if _, err := a.Open(nil, iv, ct, ad); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Open(nil, iv, forged, ad); err == nil {
		t.Fatal("forged tag accepted")
	}
	calls := 0
	for _, p := range problems {
		if p == "" {
			calls++
			continue
		}
		t.Errorf("call %d: pooled MAC state %s", calls, p)
	}
	if calls != 3 {
		t.Fatalf("%d MAC states returned to the pool, want 3 (Seal, Open, failed Open)", calls)
	}
}
