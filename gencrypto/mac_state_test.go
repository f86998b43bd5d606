package gencrypto_test

import (
	"bytes"
	"encoding/hex"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestMACKeyStreamAfterOneShot: SumStream and VerifyStream cover "the
// message written since New or the last Reset (or Sum, Verify)", so a
// one-shot Sum or Verify ends its message and what is written afterwards
// is a new message, not a continuation of the one-shot's. The expected tag
// is RFC 4231 §4.7 (test case 6).
func TestMACKeyStreamAfterOneShot(t *testing.T) {
	key, msg := rfc4231TC6Key, rfc4231TC6Msg
	want, _ := hex.DecodeString("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")

	k, err := gencrypto.HS256().New(key)
	if err != nil {
		t.Fatal(err)
	}
	k.Sum(nil, []byte("an earlier one-shot message"))
	k.Write(msg)
	if got, _ := k.SumStream(nil); !bytes.Equal(got, want) {
		t.Errorf("SumStream after Sum: %x, want %x (the one-shot message leaked into the stream)", got, want)
	}

	k.Reset()
	_ = k.Verify([]byte("an earlier one-shot message"), want)
	k.Write(msg[:10])
	k.Write(msg[10:])
	if err := k.VerifyStream(want); err != nil {
		t.Errorf("VerifyStream after Verify: %v (the one-shot message leaked into the stream)", err)
	}
}
