package ed25519check

import (
	"crypto/ed25519"
	"encoding/hex"
	"testing"
)

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// rfc8032Key is RFC 8032 §7.1 test 1's key.
func rfc8032Key() ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(mustHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
}

// TestSmallOrderPointsAreSmallOrder: each of the eight encodings is the
// canonical encoding of a point (Point) whose multiple by 8 is the
// identity (checked with crypto/ed25519: a signature R = identity,
// S = 0 then verifies for some message), and PublicKey refuses it while
// accepting a real key.
func TestSmallOrderPointsAreSmallOrder(t *testing.T) {
	identity := smallOrderPoints[0][:]
	for i := range smallOrderPoints {
		a := smallOrderPoints[i][:]
		if !Point(a) || !SmallOrder(a) || PublicKey(a) {
			t.Errorf("%x: Point %v, SmallOrder %v, PublicKey %v", a, Point(a), SmallOrder(a), PublicKey(a))
		}
		// [8]A = identity: for the challenge k of some message with
		// k ≡ 0 mod A's order, identity ‖ 0 verifies. One of the
		// first few hundred messages has one.
		sig := append(append([]byte{}, identity...), make([]byte, 32)...)
		found := false
		for m := range 512 {
			if ed25519.Verify(a, []byte{byte(m), byte(m >> 8)}, sig) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%x: no forgery among 512 messages; not of small order?", a)
		}
	}
	pub := rfc8032Key().Public().(ed25519.PublicKey)
	if !PublicKey(pub) || SmallOrder(pub) {
		t.Error("RFC 8032's first public key refused")
	}
	for _, bad := range [][]byte{nil, pub[:31], append(pub[:32:32], 0)} {
		if PublicKey(bad) {
			t.Errorf("%d bytes accepted", len(bad))
		}
	}
}
