package main

import (
	"encoding/base64"
	"encoding/pem"
	"strings"
	"testing"
)

// PEM text up to maxPEMText bytes is read whatever its line length (base64
// in one long line is valid PEM). parsePEMKey re-encoded the certificates
// it found in 64-character lines before handing them to jwk.ParsePEM, so
// a bundle of certificates written in long lines, under the bound as
// given, grew past it and was refused with "PEM input larger than 1048576
// bytes" (it was not); the same certificates in 64-character lines were
// read. The bound is judged on the text as given.
func TestPEMBoundJudgedOnInput(t *testing.T) {
	_, _, certPEM := pemKeyAndCert(t)
	b, _ := pem.Decode([]byte(certPEM))
	one := "-----BEGIN CERTIFICATE-----\n" + base64.StdEncoding.EncodeToString(b.Bytes) + "\n-----END CERTIFICATE-----\n"
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
