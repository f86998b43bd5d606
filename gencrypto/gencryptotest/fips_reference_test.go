package gencryptotest_test

import (
	"crypto"
	"crypto/cipher"
	"crypto/fips140"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto/gencryptotest"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// fipsExtra is the std backend that also serves AES-KW, AES-GCM and the
// Concat KDF under GODEBUG=fips140=only, as a token whose own validated
// module implements them (SP 800-38F key wrap, GCM with the nonces JOSE
// carries) would. The extra primitives are computed by std with the Go
// module's enforcement lifted, standing in for the token.
type fipsExtra struct{ *std.Backend }

func fipsExtraServes(p string) bool { return p == "aes-kw" || p == "aes-gcm" || p == "concat-kdf" }

func (b fipsExtra) Name() string { return "fips-extra" }

func (b fipsExtra) Supports(p string) bool { return fipsExtraServes(p) || b.Backend.Supports(p) }

func (b fipsExtra) Wrap(p string, kek, key []byte) (out []byte, err error) {
	fips140.WithoutEnforcement(func() { out, err = b.Backend.Wrap(p, kek, key) })
	return
}

func (b fipsExtra) Unwrap(p string, kek, w []byte) (out []byte, err error) {
	fips140.WithoutEnforcement(func() { out, err = b.Backend.Unwrap(p, kek, w) })
	return
}

func (b fipsExtra) NewAEAD(p string, key []byte, n, t int, h crypto.Hash) (a cipher.AEAD, err error) {
	if !fipsExtraServes(p) {
		return b.Backend.NewAEAD(p, key, n, t, h)
	}
	fips140.WithoutEnforcement(func() { a, err = b.Backend.NewAEAD(p, key, n, t, h) })
	return
}

func (b fipsExtra) ConcatKDF(h crypto.Hash, z, other []byte, n int) (out []byte, err error) {
	fips140.WithoutEnforcement(func() { out, err = b.Backend.ConcatKDF(h, z, other, n) })
	return
}

func TestFIPSExtraChild(t *testing.T) {
	if !fips140.Enforced() {
		t.Skip("runs only as the child process of TestSuiteFIPSOnlyBackendBeyondStd")
	}
	gencryptotest.Run(t, fipsExtra{std.New()})
}

// TestSuiteFIPSOnlyBackendBeyondStd: under GODEBUG=fips140=only a backend
// may serve approved primitives that the std backend, the suite's
// reference, does not serve in that mode (a token's AES-KW, say). The
// suite must judge it on its answers, not fail it because the reference
// refused: reference values are fixtures, made like the suite's keys.
func TestSuiteFIPSOnlyBackendBeyondStd(t *testing.T) {
	if fips140.Enforced() {
		t.Skip("starts its own child under fips140=only")
	}
	out, err := testenv.FIPSChild(t, "^TestFIPSExtraChild$")
	if err != nil {
		t.Fatalf("the suite under fips140=only failed a backend that serves more than std:\n%s", out)
	}
	for _, name := range []string{"A128KW", "A256GCM", "ConcatKDF-SHA256", "KnownAnswers"} {
		if !strings.Contains(out, "--- PASS: TestFIPSExtraChild/"+name+" ") {
			t.Errorf("%s did not pass:\n%s", name, out)
		}
	}
}
