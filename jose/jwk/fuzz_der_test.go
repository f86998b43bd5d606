package jwk

import (
	"crypto/rsa"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/hostile"
)

// FuzzParseDER: ParseDER and ParsePEM never panic; what they accept is a
// key within the bounds Parse enforces (an RSA modulus of at most
// maxRSABits, so the standard library's validation, whose cost grows faster
// than the cube of the size, never ran on a larger one) and survives its
// own DER and PEM forms and its JWK (what the DER paths take, Parse takes
// too: TestRSAExponentBoundEveryPath). Seeds: every generated key form, the
// oversized RSA keys of TestDERHugeRSAModulus and TestRSAHugePrime in small,
// and PKCS #8 keys with the malformed tails of TestPKCS8MalformedTailChecked.
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
	ed, _ := Generate("EdDSA", nil)
	if _, p8, err := ed.MarshalDER(); err == nil {
		var info struct {
			Version    int
			Algo       pkix.AlgorithmIdentifier
			PrivateKey []byte
		}
		if _, err := asn1.Unmarshal(p8, &info); err == nil {
			for _, tail := range malformedPKCS8Tails {
				f.Add("PRIVATE KEY", pkcs8WithTail(f, info.Algo, info.PrivateKey, tail))
			}
		}
	}
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
			j, err := k.MarshalJSON()
			if err != nil {
				t.Fatalf("accepted key does not marshal as a JWK: %v", err)
			}
			if k3, err := Parse(j); err != nil || !k3.Equal(k) {
				t.Fatalf("JWK round trip: %v", err)
			}
		}
	})
}
