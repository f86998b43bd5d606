package jwk

import (
	"crypto/rand"
	"crypto/rsa"

	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestNewRSAWrongCRTValuesRefused: New checks an *rsa.PrivateKey as Parse
// checks a JWK, so CRT values (Precomputed.Dp, Dq, Qinv) that are not the
// ones p, q and d imply are refused, as Parse refuses such "dp", "dq",
// "qi", and so is a key giving only some of them. Before, New cleared them
// and recomputed: a key the caller's own crypto/rsa refuses to sign with,
// and that differs from what New's Key writes, was accepted. A key with
// none of them (built by hand) is still completed, and the caller's key is
// not changed.
func TestNewRSAWrongCRTValuesRefused(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	one := big.NewInt(1)
	two := big.NewInt(2)
	for name, change := range map[string]func(p *rsa.PrecomputedValues){
		"dp + 2":       func(p *rsa.PrecomputedValues) { p.Dp = new(big.Int).Add(p.Dp, two) },
		"dq + 2":       func(p *rsa.PrecomputedValues) { p.Dq = new(big.Int).Add(p.Dq, two) },
		"qinv + 1":     func(p *rsa.PrecomputedValues) { p.Qinv = new(big.Int).Add(p.Qinv, one) },
		"dp + (p - 1)": func(p *rsa.PrecomputedValues) { p.Dp = new(big.Int).Add(p.Dp, new(big.Int).Sub(k.Primes[0], one)) },
		"qinv + p":     func(p *rsa.PrecomputedValues) { p.Qinv = new(big.Int).Add(p.Qinv, k.Primes[0]) },
		"dp only":      func(p *rsa.PrecomputedValues) { p.Dq, p.Qinv = nil, nil },
		"no qinv":      func(p *rsa.PrecomputedValues) { p.Qinv = nil },
		"−dp":          func(p *rsa.PrecomputedValues) { p.Dp = new(big.Int).Neg(p.Dp) },
		"−qinv":        func(p *rsa.PrecomputedValues) { p.Qinv = new(big.Int).Neg(p.Qinv) },
	} {
		bad := &rsa.PrivateKey{PublicKey: k.PublicKey, D: k.D, Primes: k.Primes,
			Precomputed: rsa.PrecomputedValues{Dp: k.Precomputed.Dp, Dq: k.Precomputed.Dq, Qinv: k.Precomputed.Qinv}}
		change(&bad.Precomputed)
		before := bad.Precomputed
		got, err := New(bad)
		wantErr(t, "New, "+name, err, jose.ErrKey)
		if got != nil {
			t.Errorf("New, %s: a key", name)
		}
		if bad.Precomputed.Dp != before.Dp || bad.Precomputed.Dq != before.Dq || bad.Precomputed.Qinv != before.Qinv {
			t.Errorf("New, %s: changed the caller's CRT values", name)
		}
	}
	// A d that is not the primes' (d + 2), with and without CRT values.
	dPlus2 := new(big.Int).Add(k.D, two)
	for _, pre := range []rsa.PrecomputedValues{{}, {Dp: k.Precomputed.Dp, Dq: k.Precomputed.Dq, Qinv: k.Precomputed.Qinv}} {
		_, err := New(&rsa.PrivateKey{PublicKey: k.PublicKey, D: dPlus2, Primes: k.Primes, Precomputed: pre})
		wantErr(t, "New, d + 2", err, jose.ErrKey)
	}
	// Negative primes multiply to n and crypto/rsa reads their absolute
	// values, but PKCS #1 would carry them negative.
	neg := &rsa.PrivateKey{PublicKey: k.PublicKey, D: k.D,
		Primes: []*big.Int{new(big.Int).Neg(k.Primes[0]), new(big.Int).Neg(k.Primes[1])}}
	got, err := New(neg)
	wantErr(t, "New, −p and −q", err, jose.ErrKey)
	if err == nil {
		_, der, _ := got.MarshalLegacyDER()
		_, perr := ParseDER("RSA PRIVATE KEY", der)
		t.Logf("its PKCS #1: ParseDER says %v", perr)
	}
	// Without CRT values: completed, in the Key's copy only.
	bare := &rsa.PrivateKey{PublicKey: k.PublicKey, D: k.D, Primes: k.Primes}
	got, err = New(bare)
	if err != nil {
		t.Fatalf("New without CRT values: %v", err)
	}
	if bare.Precomputed.Dp != nil {
		t.Error("New filled in the caller's CRT values")
	}
	p := got.PrivateKey().(*rsa.PrivateKey).Precomputed
	if p.Dp.Cmp(k.Precomputed.Dp) != 0 || p.Dq.Cmp(k.Precomputed.Dq) != 0 || p.Qinv.Cmp(k.Precomputed.Qinv) != 0 {
		t.Error("New computed other CRT values than crypto/rsa")
	}
	// With the right ones (and with crypto/rsa's own precomputation).
	if _, err := New(k); err != nil {
		t.Errorf("New(generated key): %v", err)
	}
	if _, err := New(&rsa.PrivateKey{PublicKey: k.PublicKey, D: k.D, Primes: k.Primes,
		Precomputed: rsa.PrecomputedValues{Dp: k.Precomputed.Dp, Dq: k.Precomputed.Dq, Qinv: k.Precomputed.Qinv}}); err != nil {
		t.Errorf("New(key with right CRT values): %v", err)
	}
}

// TestNewRSAPrimesNotFactorsRefused: New refuses an *rsa.PrivateKey whose
// primes multiply to a multiple of the modulus rather than to the modulus
// (p = 3P, q = Q for n = PQ, with d and the CRT values fitted to them), as
// Parse and ParseDER refuse such "p" and "q" (checkRSAFactors). crypto/rsa
// checks only p·q ≡ 0 (mod n), which the key passes when it is given its
// CRT values (its own q⁻¹ mod p, by Fermat, is wrong for p = 3P): New must
// not lean on how crypto/rsa happens to compute them.
func TestNewRSAPrimesNotFactorsRefused(t *testing.T) {
	one := big.NewInt(1)
	var forged *rsa.PrivateKey
	for range 20 { // d must come out below n: about two tries in three
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		p := new(big.Int).Mul(k.Primes[0], big.NewInt(3))
		q := k.Primes[1]
		pm1, qm1 := new(big.Int).Sub(p, one), new(big.Int).Sub(q, one)
		g := new(big.Int).GCD(nil, nil, pm1, qm1)
		lambda := new(big.Int).Div(new(big.Int).Mul(pm1, qm1), g)
		d := new(big.Int).ModInverse(big.NewInt(int64(k.E)), lambda)
		if d == nil || d.Cmp(k.N) >= 0 {
			continue
		}
		forged = &rsa.PrivateKey{PublicKey: k.PublicKey, D: d, Primes: []*big.Int{p, q},
			Precomputed: rsa.PrecomputedValues{Dp: new(big.Int).Mod(d, pm1), Dq: new(big.Int).Mod(d, qm1),
				Qinv: new(big.Int).ModInverse(q, p)}}
		if err := forged.Validate(); err != nil {
			t.Fatalf("crypto/rsa refuses the forged key (%v): the test no longer shows anything", err)
		}
		break
	}
	if forged == nil {
		t.Fatal("no key with d below n in 20 tries")
	}
	k, err := New(forged)
	wantErr(t, "New, p·q = 3n", err, jose.ErrKey)
	if err == nil {
		_, perr := Parse(mustJSON(t, k))
		t.Logf("its JWK: Parse says %v", perr)
	}
}
