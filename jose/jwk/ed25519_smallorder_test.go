package jwk

import (
	"crypto/ed25519"
	"crypto/x509"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/ed25519check"
	"github.com/lwscrypto/lwscrypto/jose"
)

// ed25519SmallOrderHex are the canonical encodings of the 8 edwards25519
// points of order dividing 8: the identity (0, 1), (0, −1) of order 2, the
// two of order 4 (y = 0) and the four of order 8.
var ed25519SmallOrderHex = []string{
	"0100000000000000000000000000000000000000000000000000000000000000",
	"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
	"0000000000000000000000000000000000000000000000000000000000000000",
	"0000000000000000000000000000000000000000000000000000000000000080",
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
	"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
	"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
}

// TestEd25519SmallOrderPublicKeyRefused: an Ed25519 "x" that encodes a
// point of small order (order 1, 2, 4 or 8) is refused at import
// (jose.ErrKey) by Parse, New and ParseDER, as libsodium refuses such
// public keys. No private key has one, and signatures under one can be
// forged without a private key: under the identity, R = identity and
// S = 0 verify for every message (shown below with crypto/ed25519, which
// accepts such keys). Wycheproof's ed25519_test.json has no vector that
// needs them accepted. Before, all 8 were accepted as valid keys.
func TestEd25519SmallOrderPublicKeyRefused(t *testing.T) {
	identity := mustHex(ed25519SmallOrderHex[0])
	forged := append(append([]byte{}, identity...), make([]byte, 32)...)
	if !ed25519.Verify(identity, []byte("any message at all"), forged) {
		t.Fatal("crypto/ed25519 refuses the forgery under the identity: the premise is gone")
	}
	for _, h := range ed25519SmallOrderHex {
		x := mustHex(h)
		if !ed25519check.Point(x) {
			t.Fatalf("%s is not the canonical encoding of a point: the table is wrong", h)
		}
		jwk := `{"kty":"OKP","crv":"Ed25519","x":"` + string(jose.AppendBase64URL(nil, x)) + `"}`
		_, errParse := Parse([]byte(jwk))
		_, errNew := New(ed25519.PublicKey(x))
		spki, err := x509.MarshalPKIXPublicKey(ed25519.PublicKey(x))
		if err != nil {
			t.Fatal(err)
		}
		_, errDER := ParseDER("PUBLIC KEY", spki)
		for what, err := range map[string]error{"Parse": errParse, "New": errNew, "ParseDER": errDER} {
			wantErr(t, what+"("+h+"), small order", err, jose.ErrKey)
		}
	}
	// A real key stays accepted.
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(pub); err != nil {
		t.Fatalf("New(a generated key): %v", err)
	}
}
