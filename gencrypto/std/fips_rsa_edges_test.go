package std_test

import (
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestFIPSRSAPolicyBoundaries: under GODEBUG=fips140=only the backend
// refuses, with an error matching gencrypto.ErrUnsupported, an RSA public
// exponent of 2¹⁶ or less or an even one, and a private key whose two
// primes differ in size (or are missing), while a 2048-bit two-prime key
// with exponent 65537 is taken by every RSA method. It re-runs itself in a
// child process, since the setting is read at start-up.
func TestFIPSRSAPolicyBoundaries(t *testing.T) {
	if !fips140.Enforced() && testing.Short() {
		t.Skip("generates an RSA key in a child process")
	}
	if !testenv.FIPSOnly(t, "fips140=only RSA boundaries checked") {
		return
	}
	b := std.New()
	good, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	d := make([]byte, 32)
	for op, err := range rsaOps(b, good, d) {
		if errors.Is(err, gencrypto.ErrUnsupported) {
			t.Errorf("%s with a 2048-bit key, e=65537: %v, want it taken", op, err)
		}
	}
	withE := func(e int) *rsa.PrivateKey {
		k := *good
		k.PublicKey.E = e
		return &k
	}
	withPrimes := func(p ...*big.Int) *rsa.PrivateKey {
		k := *good
		k.Primes = p
		return &k
	}
	p, q := good.Primes[0], good.Primes[1]
	refused := map[string]*rsa.PrivateKey{
		"e=3":                  withE(3),
		"e=65536":              withE(1 << 16),
		"even e=65538":         withE(1<<16 + 2),
		"primes of two sizes":  withPrimes(new(big.Int).Rsh(p, 8), new(big.Int).Lsh(q, 8)),
		"first prime missing":  withPrimes(nil, q),
		"second prime missing": withPrimes(p, nil),
	}
	for name, k := range refused {
		for op, err := range rsaOps(b, k, d) {
			if strings.Contains(name, "prime") && rsaPublicOps[op] {
				continue // the public half is the good key's
			}
			if !errors.Is(err, gencrypto.ErrUnsupported) {
				t.Errorf("%s with a key of %s: %v, want an error matching ErrUnsupported", op, name, err)
			}
		}
	}
	t.Log("fips140=only RSA boundaries checked")
}
