package std_test

import (
	"crypto"
	"crypto/fips140"
	"crypto/rsa"
	"errors"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// TestVerifyRSAKeyRefusalIsAKeyError: crypto/rsa refuses some public keys
// outright when verifying (below 1024 bits, an even modulus, an exponent
// below 2), before it looks at the signature. The backend's Verify and
// VerifyDigest report that as the key's fault, ErrKeySize or
// ErrInvalidKey as SignDigest does for the same keys, not as a signature
// that does not check (ErrVerify), which would tell a direct caller the
// signature was wrong when the key can verify nothing.
func TestVerifyRSAKeyRefusalIsAKeyError(t *testing.T) {
	if fips140.Enforced() {
		t.Skip("FIPS 140-only mode refuses these keys as unsupported first (TestFIPSRefusalsAreUnsupported)")
	}
	b := std.New()
	odd := func(bits uint) *big.Int {
		n := new(big.Int).SetBit(new(big.Int), int(bits)-1, 1)
		return n.SetBit(n, 0, 1)
	}
	for _, tc := range []struct {
		name string
		pub  *rsa.PublicKey
		want error
	}{
		{"512-bit modulus", &rsa.PublicKey{N: odd(512), E: 65537}, gencrypto.ErrKeySize},
		{"even modulus", &rsa.PublicKey{N: new(big.Int).Lsh(big.NewInt(1), 2047), E: 65537}, gencrypto.ErrInvalidKey},
		{"exponent 1", &rsa.PublicKey{N: odd(2048), E: 1}, gencrypto.ErrInvalidKey},
	} {
		sig, digest := make([]byte, tc.pub.Size()), make([]byte, 32)
		for op, err := range map[string]error{
			"Verify PS256":       b.Verify(gencrypto.PrimRSAPSS, tc.pub, crypto.SHA256, []byte("m"), sig),
			"VerifyDigest RS256": b.VerifyDigest(gencrypto.PrimRSAPKCS1v15, tc.pub, crypto.SHA256, digest, sig),
		} {
			if !errors.Is(err, tc.want) || errors.Is(err, gencrypto.ErrVerify) {
				t.Errorf("%s with a %s: %v; want an error matching %v, not ErrVerify", op, tc.name, err, tc.want)
			}
		}
	}
}
