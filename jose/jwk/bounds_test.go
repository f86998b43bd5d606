package jwk

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/hostile"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
)

// TestParseAllocationBound: JWK and JWK Set parsing allocate at most a small
// multiple of the input plus a constant per key (a parsed EC or RSA key
// costs about 2–3 KiB whatever its size; MaxSetKeys bounds their number),
// for long members, many keys, and many elements.
func TestParseAllocationBound(t *testing.T) {
	const n = 1 << 20
	key := `{"kty":"EC","crv":"P-256","x":"` + p256x + `","y":"` + p256y + `"}`
	for name, tc := range map[string]struct {
		in   string
		keys int
	}{
		"long oct key":     {`{"kty":"oct","k":"` + strings.Repeat("A", n) + `"}`, 1},
		"long bad x":       {`{"kty":"EC","crv":"P-256","x":"` + strings.Repeat("A", n) + `","y":"AAAA"}`, 1},
		"long RSA n":       {`{"kty":"RSA","e":"AQAB","n":"` + strings.Repeat("z", n) + `"}`, 1},
		"long unknown":     {`{"kty":"oct","k":"AAAA","zz":"` + strings.Repeat("A", n) + `"}`, 1},
		"many keys":        {`{"keys":[` + strings.Repeat(key+",", 500) + key + `]}`, 501},
		"too many keys":    {`{"keys":[` + strings.Repeat(`{"kty":"oct","k":"AAAA"},`, MaxSetKeys+100) + `{}]}`, MaxSetKeys},
		"many empty keys":  {`{"keys":[` + strings.Repeat(`{},`, n/3) + `{}]}`, 1},
		"many key_ops":     {`{"kty":"oct","k":"AAAA","key_ops":[` + strings.Repeat(`"sign",`, n/7) + `"sign"]}`, 1},
		"many x5c entries": {`{"kty":"oct","k":"AAAA","x5c":[` + strings.Repeat(`"AAAA",`, n/7) + `"AAAA"]}`, 1},
	} {
		got := testenv.AllocatedBytes(2, func() {
			Parse([]byte(tc.in))
			ParseSet([]byte(tc.in))
		})
		if limit := uint64(8*len(tc.in)+4096*tc.keys) + 1<<20; got > limit {
			t.Errorf("%s: %d bytes allocated for %d bytes of input", name, got, len(tc.in))
		}
	}
}

func TestSetKeyLimit(t *testing.T) {
	key := `{"kty":"oct","k":"AAAA"}`
	if _, err := ParseSet([]byte(`{"keys":[` + strings.Repeat(key+",", MaxSetKeys-1) + key + `]}`)); err != nil {
		t.Errorf("%d keys: %v", MaxSetKeys, err)
	}
	_, err := ParseSet([]byte(`{"keys":[` + strings.Repeat(key+",", MaxSetKeys) + key + `]}`))
	if !errors.Is(err, jose.ErrLimit) {
		t.Errorf("%d keys: %v", MaxSetKeys+1, err)
	}
}

// TestDERHugeRSAModulus: an RSA private key in DER or PEM (PKCS #1 or
// PKCS #8) with a modulus beyond maxRSABits is refused before the standard
// library validates it, as in a JWK: crypto/x509 has no size bound, and its
// validation costs grow about as bits^3.6 (16,384 bits 15 ms, 65,536 bits
// 2.4 s, 131,072 bits (74 KB of DER) 8 s; maxPEM lets 1.4 M bits through).
func TestDERHugeRSAModulus(t *testing.T) {
	for _, bits := range []int{maxRSABits + 64, 2 * maxRSABits} {
		pkcs1 := hostile.RSAPrivateDER(t, bits)
		pkcs8, err := asn1.Marshal(struct {
			Version    int
			Algo       pkix.AlgorithmIdentifier
			PrivateKey []byte
		}{0, pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}, Parameters: asn1.NullRawValue}, pkcs1})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			typ string
			der []byte
		}{{"RSA PRIVATE KEY", pkcs1}, {"PRIVATE KEY", pkcs8}, {"", pkcs1}, {"", pkcs8}} {
			_, err := ParseDER(tc.typ, tc.der)
			if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "modulus") {
				t.Errorf("%d-bit modulus, DER %q: %v, want the size refused (ErrKey)", bits, tc.typ, err)
			}
			if tc.typ != "" {
				_, err = ParsePEM(pem.EncodeToMemory(&pem.Block{Type: tc.typ, Bytes: tc.der}))
				if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "modulus") {
					t.Errorf("%d-bit modulus, PEM %q: %v, want the size refused (ErrKey)", bits, tc.typ, err)
				}
			}
		}
	}
}

// TestRSAHugePrime: an RSA private key whose "p" is larger than its modulus
// allows is refused before the standard library validates it: that
// validation inverts q modulo p by exponentiation, at a cost growing with
// the cube of p's size, whatever the modulus (p of 4,096 bits 78 ms, of
// 8,192 bits 0.62 s, in a 2.8 KB JWK over a 2,048-bit modulus). JWK, PKCS #1
// and PKCS #8 alike.
func TestRSAHugePrime(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	b64 := func(x *big.Int) string { return string(jose.AppendBase64URL(nil, x.Bytes())) }
	for _, bits := range []int{2048, 8192} {
		p, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), uint(bits)))
		p.SetBit(p, 0, 1).SetBit(p, bits-1, 1)
		in := `{"kty":"RSA","n":"` + b64(k.N) + `","e":"AQAB","d":"` + b64(k.D) + `","p":"` + b64(p) + `","q":"` + b64(k.Primes[1]) +
			`","dp":"` + b64(k.Precomputed.Dp) + `","dq":"` + b64(k.Precomputed.Dq) + `","qi":"` + b64(k.Precomputed.Qinv) + `"}`
		_, err := Parse([]byte(in))
		if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "do not multiply to the modulus") {
			t.Errorf("JWK, p of %d bits: %v, want the primes refused before validation", bits, err)
		}
		der, err := asn1.Marshal(struct {
			Version               int
			N                     *big.Int
			E                     int
			D, P, Q, Dp, Dq, Qinv *big.Int
		}{0, k.N, k.E, k.D, p, k.Primes[1], k.Precomputed.Dp, k.Precomputed.Dq, k.Precomputed.Qinv})
		if err != nil {
			t.Fatal(err)
		}
		pkcs8, err := asn1.Marshal(struct {
			Version    int
			Algo       pkix.AlgorithmIdentifier
			PrivateKey []byte
		}{0, pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}, Parameters: asn1.NullRawValue}, der})
		if err != nil {
			t.Fatal(err)
		}
		for typ, d := range map[string][]byte{"RSA PRIVATE KEY": der, "PRIVATE KEY": pkcs8} {
			_, err := ParseDER(typ, d)
			if !errors.Is(err, jose.ErrKey) || !strings.Contains(err.Error(), "do not multiply to the modulus") {
				t.Errorf("%s, p of %d bits: %v, want the primes refused before validation", typ, bits, err)
			}
		}
	}
	// The real key still parses, in every form.
	good := &rsa.PrivateKey{PublicKey: k.PublicKey, D: k.D, Primes: k.Primes}
	good.Precompute()
	jk, err := New(good)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(mustJSON(t, jk)); err != nil {
		t.Errorf("JWK: %v", err)
	}
	typ, der, _ := jk.MarshalLegacyDER()
	if _, err := ParseDER(typ, der); err != nil {
		t.Errorf("PKCS #1: %v", err)
	}
	typ, der, _ = jk.MarshalDER()
	if _, err := ParseDER(typ, der); err != nil {
		t.Errorf("PKCS #8: %v", err)
	}
}
