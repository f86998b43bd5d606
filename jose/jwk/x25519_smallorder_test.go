package jwk

import (
	"crypto/ecdh"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// x25519SmallOrderHex are the little-endian u-coordinates of the X25519
// points of small order (RFC 7748 §7 asks ECDH to refuse an all-zero
// output, which these give for every private key): 0, 1, the two of order
// 8, and p−1, p, p+1 (p and p+1 non-canonical encodings of 0 and 1).
var x25519SmallOrderHex = []string{
	"0000000000000000000000000000000000000000000000000000000000000000",
	"0100000000000000000000000000000000000000000000000000000000000000",
	"e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
	"5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
	"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
	"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
	"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
}

// TestX25519SmallOrderPublicKeyRefused: an X25519 "x" of small order (one
// of the 7 u-coordinates above, or one of them with the top bit set,
// which X25519 ignores) is refused at import (jose.ErrKey) by Parse, New
// and ParseDER, as an Ed25519 one is: no private key has one, and ECDH
// with one yields the all-zero secret whatever the other side's key, so a
// key agreement under it is no secret. On the base they all parsed (ECDH
// is not written yet; crypto/ecdh refuses the all-zero output too, so
// that check will hold there as well). The test first confirms, with
// crypto/ecdh, that each value is of small order.
func TestX25519SmallOrderPublicKeyRefused(t *testing.T) {
	priv, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range x25519SmallOrderHex {
		u, _ := hex.DecodeString(h)
		for _, top := range []byte{0, 0x80} {
			x := append([]byte{}, u...)
			x[31] |= top
			pub, err := ecdh.X25519().NewPublicKey(x)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := priv.ECDH(pub); err == nil {
				t.Fatalf("%x: crypto/ecdh finds it of large order", x)
			}
			raw := `{"kty":"OKP","crv":"X25519","x":"` + string(jose.AppendBase64URL(nil, x)) + `"}`
			if k, err := Parse([]byte(raw)); !errors.Is(err, jose.ErrKey) {
				t.Errorf("Parse(%x) = %v, %v; want jose.ErrKey", x, k, err)
			}
			if k, err := New(pub); !errors.Is(err, jose.ErrKey) {
				t.Errorf("New(%x) = %v, %v; want jose.ErrKey", x, k, err)
			}
			// SPKI of an X25519 key (RFC 8410): the 12-byte prefix, then x
			der := append([]byte{0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00}, x...)
			if k, err := ParseDER("PUBLIC KEY", der); !errors.Is(err, jose.ErrKey) {
				t.Errorf("ParseDER(%x) = %v, %v; want jose.ErrKey", x, k, err)
			}
		}
	}
	// a key of large order still parses
	raw := `{"kty":"OKP","crv":"X25519","x":"` + string(jose.AppendBase64URL(nil, priv.PublicKey().Bytes())) + `"}`
	if _, err := Parse([]byte(raw)); err != nil {
		t.Fatal(err)
	}
}
