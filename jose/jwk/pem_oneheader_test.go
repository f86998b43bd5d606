package jwk

import (
	"encoding/pem"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestParsePEMBlockWithOneHeaderRefused: a key block carrying any header
// (RFC 1421's Proc-Type, or just one other) is refused, not read as if the
// header were not there: the only headers PEM keys carry mark encryption,
// which ParsePEM does not do. The encrypted cases elsewhere carry two
// headers; this one valid key with a single header pins "any".
func TestParsePEMBlockWithOneHeaderRefused(t *testing.T) {
	k, err := Generate("ES256", nil)
	if err != nil {
		t.Fatal(err)
	}
	text, err := k.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := pem.Decode(text)
	if _, err := ParsePEM(text); err != nil {
		t.Fatalf("the key without a header: %v", err)
	}
	b.Headers = map[string]string{"Comment": "one header"}
	if got, err := ParsePEM(pem.EncodeToMemory(b)); !errors.Is(err, jose.ErrMalformed) {
		t.Errorf("a valid key block with one header: %v, %v; want jose.ErrMalformed", got, err)
	}
}

// TestParsePEMChainEncryptionHeaders: a certificate after the leaf may
// carry a comment header (CA bundles do; cmd/lwscrypto's
// TestPEMChainCertificateWithHeaders reads one), but one marked encrypted
// by RFC 1421's Proc-Type or DEK-Info is refused, even when its bytes
// happen to be a certificate's DER: before, those headers were ignored on
// chain blocks while refused on the first one.
func TestParsePEMChainEncryptionHeaders(t *testing.T) {
	cert := func() []byte {
		k, _ := Generate("ES256", nil)
		return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, k)})
	}
	leaf := cert()
	issuerBlock, _ := pem.Decode(cert())
	for _, tc := range []struct {
		headers map[string]string
		ok      bool
	}{
		{nil, true},
		{map[string]string{"Comment": "the issuer"}, true},
		{map[string]string{"Proc-Type": "4,ENCRYPTED"}, false},
		{map[string]string{"DEK-Info": "AES-128-CBC,00112233445566778899AABBCCDDEEFF"}, false},
		{map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-128-CBC,00112233445566778899AABBCCDDEEFF"}, false},
	} {
		b := *issuerBlock
		b.Headers = tc.headers
		text := append(append([]byte{}, leaf...), pem.EncodeToMemory(&b)...)
		k, err := ParsePEM(text)
		if tc.ok {
			if err != nil || len(k.X5c) != 2 {
				t.Errorf("chain block with headers %v: %v; want a 2-certificate chain", tc.headers, err)
			}
		} else if !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("chain block with headers %v: %v; want jose.ErrMalformed", tc.headers, err)
		}
	}
}
