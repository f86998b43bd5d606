package jwk

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/ed25519check"
	"github.com/lwscrypto/lwscrypto/jose"
)

// goDecodes reports whether crypto/ed25519 decodes pub as a curve point:
// VerifyWithOptions reports a public key it cannot decode before it looks
// at the signature.
func goDecodes(t *testing.T, pub []byte) bool {
	t.Helper()
	// (A zero signature verifies under some small-order keys: decoded.)
	err := ed25519.VerifyWithOptions(pub, nil, make([]byte, ed25519.SignatureSize), &ed25519.Options{})
	return err == nil || !strings.Contains(err.Error(), "bad public key")
}

// TestEd25519PublicKeyOffCurveRefused (catalog row 25, for OKP): an
// Ed25519 "x" that is not the encoding of a curve point is refused at
// import, as an EC point off its curve is, by Parse, New and ParseDER
// alike. Before, any 32 bytes were kept: about half of all byte strings are
// no point (y² − 1 over d·y² + 1 not a square), a key that crypto/ed25519
// cannot verify with and that signed nothing, while it was thumbprinted,
// matched by kid and written back as if valid. What crypto/ed25519 decodes
// is accepted, but for non-canonical encodings
// (TestEd25519PublicKeyNonCanonicalRefused) and small-order points
// (TestEd25519SmallOrderPublicKeyRefused): the two agree on 512 random
// strings and the edge cases.
func TestEd25519PublicKeyOffCurveRefused(t *testing.T) {
	cases := [][]byte{
		mustHex("0100000000000000000000000000000000000000000000000000000000000000"), // identity
		mustHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), // y = p − 1
		mustHex("0200000000000000000000000000000000000000000000000000000000000000"),
		make([]byte, 32),
	}
	for range 512 {
		b := make([]byte, 32)
		rand.Read(b)
		cases = append(cases, b)
	}
	valid, invalid := 0, 0
	for _, x := range cases {
		ok := goDecodes(t, x)
		if ok && ed25519check.SmallOrder(x) { // TestEd25519SmallOrderPublicKeyRefused
			continue
		}
		if ok {
			valid++
		} else {
			invalid++
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
			if ok && err != nil {
				t.Errorf("%s(%x), a point: %v", what, x, err)
			}
			if !ok {
				wantErr(t, what+"("+hex.EncodeToString(x)+"), no point", err, jose.ErrKey)
			}
		}
	}
	if valid < 100 || invalid < 100 {
		t.Fatalf("%d points and %d non-points: the oracle is broken", valid, invalid)
	}
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// TestEd25519PublicKeyNonCanonicalRefused: an Ed25519 "x" must be the
// canonical encoding of its point (RFC 8032 §5.1.3: y < p, and no sign bit
// on x = 0), as RFC 8037 §2 names RFC 8032's encoding. crypto/ed25519
// decodes the 19 values of y from p to 2^255 − 1 (reduced mod p) and "−0"
// as well, so each of those points had a second (and third) JWK, with
// other thumbprints and another verification result (the encoding is
// hashed into every signature check). All are small-order points, never a
// real key's; the canonical encodings of the same points are refused too,
// but as small-order points (TestEd25519SmallOrderPublicKeyRefused).
func TestEd25519PublicKeyNonCanonicalRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		x    string
		ok   bool // canonical: refused as of small order, not as non-canonical
	}{
		{"identity", "0100000000000000000000000000000000000000000000000000000000000000", true},
		{"identity, −0", "0100000000000000000000000000000000000000000000000000000000000080", false},
		{"y = p − 1", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", true},
		{"y = p − 1, −0", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", false},
		{"y = 0", "0000000000000000000000000000000000000000000000000000000000000000", true},
		{"y = p (0)", "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", false},
		{"y = p + 1 (1)", "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", false},
		{"y = p + 1 (1), −0", "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", false},
	} {
		x := mustHex(tc.x)
		if !goDecodes(t, x) {
			t.Fatalf("%s: crypto/ed25519 does not decode it: the test shows nothing", tc.name)
		}
		jwk := `{"kty":"OKP","crv":"Ed25519","x":"` + string(jose.AppendBase64URL(nil, x)) + `"}`
		_, errParse := Parse([]byte(jwk))
		_, errNew := New(ed25519.PublicKey(x))
		for what, err := range map[string]error{"Parse": errParse, "New": errNew} {
			wantErr(t, what+", "+tc.name, err, jose.ErrKey)
			if err != nil && strings.Contains(err.Error(), "small order") != tc.ok {
				t.Errorf("%s, %s: %v (canonical: %v)", what, tc.name, err, tc.ok)
			}
		}
	}
}
