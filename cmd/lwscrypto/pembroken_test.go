package main

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// A PEM block that does not decode (bad base64, an END line of another
// type) is refused wherever it is in a key file, as jwk.ParsePEM refuses
// it: pem.Decode passes over such a block to the next good one, so before
// the fix `jwk from-pem` of a garbled private key followed by a public key
// printed the public key, and a garbled certificate inside a chain gave an
// "x5c" one certificate short.
func TestPEMBrokenBlockRefused(t *testing.T) {
	priv, pub, cert := pemKeyAndCert(t)
	_, _, cert2 := pemKeyAndCert(t)
	badKey := "-----BEGIN PRIVATE KEY-----\nnot base64 %%\n-----END PRIVATE KEY-----\n"
	badCert := "-----BEGIN CERTIFICATE-----\nMIIB!!\n-----END CERTIFICATE-----\n"
	wrongEnd := "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"
	for name, in := range map[string]string{
		"a garbled private key before a public key":  badKey + pub,
		"a garbled private key before a certificate": badKey + cert,
		"a mismatched END before a key":              wrongEnd + priv,
		"a garbled certificate inside a chain":       cert + badCert + cert2,
		"a garbled certificate after a key":          priv + badCert,
	} {
		if k, err := parsePEMKey([]byte(in)); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%s: %v, %v; want jose.ErrMalformed", name, k, err)
		}
	}
	// Text around good blocks, a BEGIN quoted mid-line included, still reads.
	if _, err := parsePEMKey([]byte("see -----BEGIN PRIVATE KEY----- below\n" + priv + "trailing text\n")); err != nil {
		t.Errorf("a key with text around it: %v", err)
	}
	if k, err := parsePEMKey([]byte(priv + cert)); err != nil || !k.IsPrivate() {
		t.Errorf("a key and its certificate: %v, %v", k, err)
	}
}
