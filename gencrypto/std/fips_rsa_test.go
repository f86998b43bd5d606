package std_test

import (
	"crypto"
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestFIPSRefusalsAreUnsupported: under GODEBUG=fips140=only the Go
// Cryptographic Module refuses RSA keys below 2048 bits, of odd size or of
// more than two primes, and crypto/rsa says so with a plain error (or, for
// a verification, a failure no different from a bad signature). The
// backend refuses them itself first, by policy, with an error matching
// gencrypto.ErrUnsupported, on every RSA method, and refuses nothing the
// module takes (a 2048-bit key of two primes, exponent 65537). The test re-runs itself
// in a child process, since the setting is read at start-up.
func TestFIPSRefusalsAreUnsupported(t *testing.T) {
	if !fips140.Enforced() && testing.Short() {
		t.Skip("generates RSA keys in a child process")
	}
	if !testenv.FIPSOnly(t, "fips140=only RSA refusals checked") {
		return
	}
	b := std.New()
	var small, odd, three *rsa.PrivateKey
	fips140.WithoutEnforcement(func() {
		small, _ = rsa.GenerateKey(rand.Reader, 1024)
		odd, _ = rsa.GenerateKey(rand.Reader, 2047)
		three, _ = rsa.GenerateMultiPrimeKey(rand.Reader, 3, 2048) //nolint:staticcheck // a key the module refuses
	})
	if small == nil || odd == nil || three == nil {
		t.Fatal("key generation failed")
	}
	d := make([]byte, 32)
	for name, k := range map[string]*rsa.PrivateKey{"1024-bit": small, "2047-bit": odd, "three-prime": three} {
		for op, err := range rsaOps(b, k, d) {
			if name == "three-prime" && rsaPublicOps[op] {
				continue // the public half of a three-prime key is an ordinary one
			}
			if !errors.Is(err, gencrypto.ErrUnsupported) {
				t.Errorf("%s with a %s key: %v, want an error matching ErrUnsupported", op, name, err)
			}
		}
	}
	// What the module takes, the backend takes too: a 2048-bit key of two
	// primes with exponent 65537 serves every RSA method.
	good := testRSAKey(t)
	for _, prim := range []string{gencrypto.PrimRSAPSS, gencrypto.PrimRSAPKCS1v15} {
		sig, err := b.SignDigest(prim, good, crypto.SHA256, d)
		if err != nil {
			t.Errorf("SignDigest %s with a 2048-bit key: %v", prim, err)
			continue
		}
		if err := b.VerifyDigest(prim, &good.PublicKey, crypto.SHA256, d, sig); err != nil {
			t.Errorf("VerifyDigest %s with a 2048-bit key: %v", prim, err)
		}
	}
	ct, err := b.EncryptOAEP(crypto.SHA256, &good.PublicKey, d, nil)
	if err != nil {
		t.Fatalf("EncryptOAEP with a 2048-bit key: %v", err)
	}
	if pt, err := b.DecryptOAEP(crypto.SHA256, good, ct, nil); err != nil || string(pt) != string(d) {
		t.Errorf("DecryptOAEP with a 2048-bit key: %x, %v", pt, err)
	}
	t.Log("fips140=only RSA refusals checked")
}

// rsaOps runs each RSA method of b once with k (signatures over, and
// messages of, the 32-byte d; verifications of an all-zero signature) and
// returns their errors by name, for the fips140=only refusal tests.
func rsaOps(b gencrypto.Backend, k *rsa.PrivateKey, d []byte) map[string]error {
	return map[string]error{
		"Verify PS256":        b.Verify(gencrypto.PrimRSAPSS, &k.PublicKey, crypto.SHA256, d, make([]byte, k.Size())),
		"VerifyDigest RS256":  b.VerifyDigest(gencrypto.PrimRSAPKCS1v15, &k.PublicKey, crypto.SHA256, d, make([]byte, k.Size())),
		"SignDigest PS256":    func() error { _, err := b.SignDigest(gencrypto.PrimRSAPSS, k, crypto.SHA256, d); return err }(),
		"Sign RS256":          func() error { _, err := b.Sign(gencrypto.PrimRSAPKCS1v15, k, crypto.SHA256, d); return err }(),
		"EncryptOAEP SHA-256": func() error { _, err := b.EncryptOAEP(crypto.SHA256, &k.PublicKey, d, nil); return err }(),
		"DecryptOAEP SHA-256": func() error { _, err := b.DecryptOAEP(crypto.SHA256, k, make([]byte, k.Size()), nil); return err }(),
	}
}

// rsaPublicOps are the rsaOps that use only the public key.
var rsaPublicOps = map[string]bool{"Verify PS256": true, "VerifyDigest RS256": true, "EncryptOAEP SHA-256": true}
