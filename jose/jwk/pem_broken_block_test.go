package jwk

import (
	"bytes"
	"encoding/pem"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestParsePEMBrokenBlockRefused: a PEM block that does not decode (bad
// base64, an END line of another type, no END line) is jose.ErrMalformed
// wherever it is, not skipped as text: pem.Decode passes over such a
// block to the next good one, so on the base a garbled private key before
// a public key gave the public key, and a garbled certificate inside a
// chain gave the chain without it ("x5c" one certificate short), while the
// same block after the last good one was refused.
func TestParsePEMBrokenBlockRefused(t *testing.T) {
	k1, _ := Generate("ES256", nil)
	k2, _ := Generate("ES256", nil)
	priv, err := k1.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	pub1, _ := k1.PublicKey()
	spki, err := pub1.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	cert1 := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, k1)})
	cert2 := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, k2)})
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	badBase64 := []byte("-----BEGIN PRIVATE KEY-----\nnot base64 %%\n-----END PRIVATE KEY-----\n")
	badCert := []byte("-----BEGIN CERTIFICATE-----\nMIIB!!\n-----END CERTIFICATE-----\n")
	wrongEnd := []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
	noEnd := []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n")
	badParams := []byte("-----BEGIN EC PARAMETERS-----\n%%\n-----END EC PARAMETERS-----\n")
	for name, in := range map[string][]byte{
		"a garbled private key before a public key":  cat(badBase64, spki),
		"a private key of mismatched END, then SPKI": cat(wrongEnd, spki),
		"a BEGIN line without END before a key":      cat(noEnd, spki),
		"a garbled certificate inside a chain":       cat(cert1, badCert, cert2),
		"a garbled certificate before a chain":       cat(badCert, cert1, cert2),
		"garbled EC PARAMETERS before a key":         cat(badParams, priv),
		"garbled EC PARAMETERS after a key":          cat(priv, badParams),
	} {
		if k, err := ParsePEM(in); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%s: %v, %v; want jose.ErrMalformed", name, k, err)
		}
	}
	// A BEGIN that is not at the start of a line is text (pem.Decode
	// does not read it as a block either).
	if _, err := ParsePEM(cat([]byte("see -----BEGIN PRIVATE KEY----- below\n"), spki)); err != nil {
		t.Errorf("text quoting a BEGIN line mid-line: %v", err)
	}
}
