package jwk

import (
	"bytes"
	"encoding/pem"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestX5cChainEntriesAreCertificates: every "x5c" entry is a DER PKIX
// certificate (RFC 7517 §4.7), not only the leaf, whose key must also be
// this key. Before, the entries after the leaf were checked only to be
// non-empty base64: Parse kept ["<leaf>", "AAAA"] (three zero bytes) as a
// chain, AppendJSON wrote such an X5c, and ParsePEM took any CERTIFICATE
// block after the leaf. They are jose.ErrMalformed, naming the entry; a
// chain whose second certificate is another key's is accepted.
func TestX5cChainEntriesAreCertificates(t *testing.T) {
	k, _ := Generate("ES256", nil)
	leaf := selfSigned(t, k)
	other, _ := Generate("ES384", nil)
	issuer := selfSigned(t, other)
	pub, _ := k.PublicKey()

	pub.X5c = [][]byte{leaf, issuer}
	good, err := pub.MarshalJSON()
	if err != nil {
		t.Fatalf("AppendJSON, a chain of two certificates: %v", err)
	}
	if back, err := Parse(good); err != nil || len(back.X5c) != 2 {
		t.Fatalf("Parse, a chain of two certificates: %v", err)
	}
	for name, der := range map[string][]byte{
		"three zero bytes":            {0, 0, 0},
		"a DER NULL":                  {0x05, 0x00},
		"a certificate with a tail":   append(bytes.Clone(issuer), 0x05, 0x00),
		"a certificate cut one short": issuer[:len(issuer)-1],
	} {
		pub.X5c = [][]byte{leaf, issuer, der}
		_, err := pub.MarshalJSON()
		wantErr(t, "AppendJSON, x5c[2] "+name, err, jose.ErrMalformed)
		_, err = Parse(uncheckedJSON(t, pub))
		wantErr(t, "Parse, x5c[2] "+name, err, jose.ErrMalformed)
		in := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: leaf})
		in = append(in, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})...)
		_, err = ParsePEM(in)
		wantErr(t, "ParsePEM, second block "+name, err, jose.ErrMalformed)
	}
}
