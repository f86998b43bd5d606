package main

import (
	"encoding/pem"
	"strings"
	"testing"
)

// A certificate block after the first may carry RFC 1421 headers
// ("Comment: …"); jwk.ParsePEM reads such a chain. parsePEMKey re-encodes
// the certificates it found into one text for jwk.ParsePEM, and wrote a
// block with headers right after the previous block's END line, with no
// line end between them: the previous certificate no longer decoded, and
// the combined PEM of a key and its chain was refused ("no PEM key or
// certificate found") where the base read it. It also holds for CR LF
// line ends. (The test passes on 383bbff, fails on 422df4a.)
func TestPEMChainCertificateWithHeaders(t *testing.T) {
	priv, _, cert := pemKeyAndCert(t)
	_, _, issuer := pemKeyAndCert(t)
	b, _ := pem.Decode([]byte(issuer))
	b.Headers = map[string]string{"Comment": "the issuer"}
	withHeader := string(pem.EncodeToMemory(b))
	for name, text := range map[string]string{
		"LF":    cert + withHeader + priv,
		"CR LF": strings.ReplaceAll(cert+withHeader+priv, "\n", "\r\n"),
	} {
		code, out, e := runCLI(t, text, "jwk", "from-pem")
		if code != 0 || !strings.Contains(out, `"x5c":["`) || !strings.Contains(out, `"d":`) {
			t.Errorf("%s: jwk from-pem of a key, its certificate and an issuer's with a header: exit %d, %s%s; want the private key with a 2-certificate x5c", name, code, out, e)
			continue
		}
		x5c := out[strings.Index(out, `"x5c":[`):]
		x5c = x5c[:strings.Index(x5c, "]")]
		if n := strings.Count(x5c, `"`)/2 - 1; n != 2 { // "x5c" and the certificates
			t.Errorf("%s: x5c holds %d certificates, want 2: %s", name, n, x5c)
		}
	}
}
