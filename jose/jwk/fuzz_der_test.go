package jwk

import (
	"crypto/rsa"
	"encoding/pem"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/hostile"
)

// FuzzParseDER: ParseDER and ParsePEM never panic; what they accept is a
// key within the bounds Parse enforces (an RSA modulus of at most
// maxRSABits, so the standard library's validation, whose cost grows faster
// than the cube of the size, never ran on a larger one) and survives its
// own DER and PEM forms. Seeds: every generated key form, and the oversized
// RSA keys of TestDERHugeRSAModulus and TestRSAHugePrime in small.
func FuzzParseDER(f *testing.F) {
	for _, alg := range []string{"RS256", "ES256", "ES384", "ES512", "EdDSA"} {
		k, err := Generate(alg, nil)
		if err != nil {
			f.Fatal(err)
		}
		pub, _ := k.PublicKey()
		for _, kk := range []*Key{k, pub} {
			if typ, der, err := kk.MarshalDER(); err == nil {
				f.Add(typ, der)
				f.Add("", der)
			}
			if typ, der, err := kk.MarshalLegacyDER(); err == nil {
				f.Add(typ, der)
			}
		}
	}
	f.Add("RSA PRIVATE KEY", hostile.RSAPrivateDER(f, 1024))
	f.Add("CERTIFICATE", []byte{0x30, 0x03, 0x02, 0x01, 0x00})
	f.Fuzz(func(t *testing.T, typ string, der []byte) {
		for _, parse := range []func() (*Key, error){
			func() (*Key, error) { return ParseDER(typ, der) },
			func() (*Key, error) { return ParsePEM(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})) },
		} {
			k, err := parse()
			if err != nil {
				continue
			}
			if p, ok := k.Public().(*rsa.PublicKey); ok && p.N.BitLen() > maxRSABits {
				t.Fatalf("accepted a %d-bit RSA key", p.N.BitLen())
			}
			if k.kty == KeyTypeOct {
				t.Fatalf("DER gave an oct key")
			}
			typ2, der2, err := k.MarshalDER()
			if err != nil {
				t.Fatalf("accepted key does not marshal: %v", err)
			}
			k2, err := ParseDER(typ2, der2)
			if err != nil || !k2.Equal(k) {
				t.Fatalf("DER round trip: %v", err)
			}
		}
	})
}
