package gencrypto_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestMACOneShot checks the one-shot MAC.Sum and MAC.Verify against
// RFC 4231 §4.7 (test case 6: a 131-byte key, longer than the block, so
// hashed first), truncated to 64 bits for "HMAC 256/64" as RFC 9053 §3.1
// truncates, and checks that MAC.Verify refuses every wrong tag and a
// short key itself, as MACKey.Verify does.
// rfc4231TC6Key and rfc4231TC6Msg are RFC 4231 §4.7 (test case 6).
var (
	rfc4231TC6Key = bytes.Repeat([]byte{0xaa}, 131)
	rfc4231TC6Msg = []byte("Test Using Larger Than Block-Size Key - Hash Key First")
)

func TestMACOneShot(t *testing.T) {
	key, msg := rfc4231TC6Key, rfc4231TC6Msg
	for _, tc := range []struct {
		alg *gencrypto.MAC
		tag string
	}{
		{gencrypto.HS256(), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
		{gencrypto.HS384(), "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6" +
			"0c2ef6ab4030fe8296248df163f44952"},
		{gencrypto.HS512(), "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352" +
			"6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"},
		{gencrypto.HMAC256_64(), "60e431591ee0b67f"},
	} {
		want, _ := hex.DecodeString(tc.tag)
		got, err := tc.alg.Sum(key, msg)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s Sum = %x, %v; want %x", tc.alg, got, err, want)
		}
		if err := tc.alg.Verify(key, msg, want); err != nil {
			t.Errorf("%s Verify(RFC 4231 tag): %v", tc.alg, err)
		}
		wrong := map[string][]byte{
			"empty":        nil,
			"truncated":    want[:len(want)-1],
			"extended":     append(append([]byte(nil), want...), 0),
			"last bit":     append(want[:len(want)-1:len(want)-1], want[len(want)-1]^1),
			"zero":         make([]byte, len(want)),
			"full HMAC":    testenv.Hex(t, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
			"another hash": testenv.Hex(t, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
		}
		if tc.alg == gencrypto.HS256() {
			delete(wrong, "full HMAC") // it is the tag
		}
		for name, bad := range wrong {
			if err := tc.alg.Verify(key, msg, bad); err != gencrypto.ErrVerify {
				t.Errorf("%s Verify(%s tag): %v, want ErrVerify", tc.alg, name, err)
			}
		}
		if err := tc.alg.Verify(key, append(msg, '.'), want); err != gencrypto.ErrVerify {
			t.Errorf("%s Verify(another message): %v, want ErrVerify", tc.alg, err)
		}
		short := key[:tc.alg.MinKeySize()-1]
		if err := tc.alg.Verify(short, msg, want); !errors.Is(err, gencrypto.ErrKeySize) {
			t.Errorf("%s Verify with a %d-byte key: %v, want ErrKeySize", tc.alg, len(short), err)
		}
		if tag, err := tc.alg.Sum(short, msg); !errors.Is(err, gencrypto.ErrKeySize) || tag != nil {
			t.Errorf("%s Sum with a %d-byte key: %x, %v, want ErrKeySize", tc.alg, len(short), tag, err)
		}
	}
}
