package jwk

import (
	"bytes"
	"encoding/pem"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestParsePEMECParametersBesideCertificate: "EC PARAMETERS" blocks go
// with a certificate as with a key block, before or after it, each naming
// the certified key's curve. On the base they were accepted before a
// certificate but refused (jose.ErrMalformed) after one or after its
// chain, which ParsePEM read before this session; P-384 parameters beside
// a P-256 certificate are jose.ErrKey wherever they are.
func TestParsePEMECParametersBesideCertificate(t *testing.T) {
	k1, _ := Generate("ES256", nil)
	k2, _ := Generate("ES256", nil)
	cert1 := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, k1)})
	cert2 := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, k2)})
	p256 := pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS", Bytes: []byte{6, 8, 0x2a, 0x86, 0x48, 0xce, 0x3d, 3, 1, 7}})
	p384 := pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS", Bytes: []byte{6, 5, 0x2b, 0x81, 0x04, 0, 34}})
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	for name, in := range map[string][]byte{
		"parameters, then a certificate": cat(p256, cert1),
		"a certificate, then parameters": cat(cert1, p256),
		"a chain, then parameters":       cat(cert1, cert2, p256),
	} {
		k, err := ParsePEM(in)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if pub, _ := k1.PublicKey(); !k.Equal(pub) {
			t.Errorf("%s: not the leaf's key", name)
		}
	}
	for name, in := range map[string][]byte{
		"P-384 parameters, then a P-256 certificate": cat(p384, cert1),
		"a P-256 certificate, then P-384 parameters": cat(cert1, p384),
	} {
		if k, err := ParsePEM(in); !errors.Is(err, jose.ErrKey) {
			t.Errorf("%s: %v, %v; want jose.ErrKey", name, k, err)
		}
	}
}
