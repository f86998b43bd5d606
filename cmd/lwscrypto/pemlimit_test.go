package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"math/big"
	"strings"
	"testing"
	"time"
)

// PEM text up to maxPEMText bytes is read whatever its line length (base64
// in one long line is valid PEM). parsePEMKey re-encoded the certificates
// it found in 64-character lines before handing them to jwk.ParsePEM, so
// a bundle of certificates written in long lines, under the bound as
// given, grew past it and was refused with "PEM input larger than 1048576
// bytes" (it was not); the same certificates in 64-character lines were
// read. The bound is judged on the text as given.
func TestPEMBoundJudgedOnInput(t *testing.T) {
	// A certificate of some 4 KB (an extension pads it), so that the
	// bundle stays under jwk's bound on the number of certificates.
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test"},
		NotBefore: time.Unix(1e9, 0), NotAfter: time.Unix(4e9, 0),
		ExtraExtensions: []pkix.Extension{{Id: asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 1}, Value: make([]byte, 3000)}}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	one := "-----BEGIN CERTIFICATE-----\n" + base64.StdEncoding.EncodeToString(der) + "\n-----END CERTIFICATE-----\n"
	long := strings.Repeat(one, maxPEMText/len(one))
	if len(long) > maxPEMText {
		t.Fatalf("test input %d bytes", len(long))
	}
	if code, out, e := runCLI(t, long, "jwk", "from-pem"); code != 0 || !strings.Contains(out, `"x5c"`) {
		t.Errorf("jwk from-pem of %d bytes of PEM in long lines: exit %d, %q; want the key", len(long), code, e)
	}
	// One byte more than the bound is refused as ever.
	over := long + strings.Repeat("\n", maxPEMText+1-len(long))
	if code, _, e := runCLI(t, over, "jwk", "from-pem"); code != 1 || !strings.Contains(e, "larger than") {
		t.Errorf("jwk from-pem of %d bytes: exit %d, %q; want the bound", len(over), code, e)
	}
}
