package main

import (
	"crypto/rand"
	"encoding/asn1"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
)

// TestJWKFromPEMHugeRSA: "jwk from-pem" and "--key" files refuse an RSA
// private key whose modulus exceeds 16,384 bits by its size, before the
// standard library spends time validating it (about bits^3.6: 131,072 bits
// took 8 s).
func TestJWKFromPEMHugeRSA(t *testing.T) {
	const bits = 32768
	one := big.NewInt(1)
	half := new(big.Int).Lsh(one, bits/2)
	p, _ := rand.Int(rand.Reader, half)
	q, _ := rand.Int(rand.Reader, half)
	p.SetBit(p, 0, 1).SetBit(p, bits/2-1, 1)
	q.SetBit(q, 0, 1).SetBit(q, bits/2-1, 1)
	n := new(big.Int).Mul(p, q)
	d, _ := rand.Int(rand.Reader, n)
	qi := new(big.Int).ModInverse(q, p)
	if qi == nil {
		qi = one
	}
	der, err := asn1.Marshal(struct {
		Version               int
		N                     *big.Int
		E                     int
		D, P, Q, Dp, Dq, Qinv *big.Int
	}{0, n, 65537, d, p, q, new(big.Int).Mod(d, new(big.Int).Sub(p, one)), new(big.Int).Mod(d, new(big.Int).Sub(q, one)), qi})
	if err != nil {
		t.Fatal(err)
	}
	pemText := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: der}))
	code, _, stderr := runCLI(t, pemText, "jwk", "from-pem")
	if code != 1 || !strings.Contains(stderr, "modulus of 32") {
		t.Errorf("jwk from-pem: exit %d, %q; want exit 1 and the modulus size refused", code, stderr)
	}
	if _, err := parseKeyData([]byte(pemText)); err == nil || !strings.Contains(err.Error(), "modulus of 32") {
		t.Errorf("parseKeyData: %v; want the modulus size refused", err)
	}
}
