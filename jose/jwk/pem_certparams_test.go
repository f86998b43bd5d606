package jwk

import (
	"encoding/pem"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestParsePEMCertificateThenECParametersRefused: an EC PARAMETERS block
// may go with a key (before or after it), never after a certificate: a
// certificate is followed by certificates only, so a P-256 certificate
// followed by P-256 parameters, which would name the right curve, is
// still refused as PEM text holding more than one chain.
func TestParsePEMCertificateThenECParametersRefused(t *testing.T) {
	k, err := Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, k)})
	p256 := pem.EncodeToMemory(&pem.Block{Type: "EC PARAMETERS", Bytes: []byte{0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07}})
	if _, err := ParsePEM(cert); err != nil {
		t.Fatalf("the certificate alone: %v", err)
	}
	in := append(append([]byte(nil), cert...), p256...)
	if got, err := ParsePEM(in); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("a P-256 certificate, then P-256 EC PARAMETERS: %v, %v; want jose.ErrMalformed", got, err)
	}
}
