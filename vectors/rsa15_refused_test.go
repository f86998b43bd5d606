package vectors

import (
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestWycheproofRSA15RefusedByDesign: RSA1_5 (PKCS #1 v1.5 decryption) is
// left out on purpose (gencrypto's "Not supported, and why"; RFC 8725
// §3.2), not an algorithm still to build: the Wycheproof decryption files
// are run and every case counted refused by design, after seeing
// gencrypto.ByName not know RSA1_5, with the reason the cookbook JWE
// examples give for their RSA1_5 recipients.
func TestWycheproofRSA15RefusedByDesign(t *testing.T) {
	dir := testenv.Vectors(t)
	for _, f := range []string{"rsa_pkcs1_2048_test.json", "rsa_pkcs1_3072_test.json", "rsa_pkcs1_4096_test.json"} {
		p := filepath.Join(dir, "wycheproof", "testvectors_v1", f)
		r := runWycheproofFile(p, f, "wycheproof/"+f, Backends())
		if r.Cases == 0 || r.Refused != r.Cases || r.Passed != r.Cases || r.RefuseReasons[refuseRSA15] != r.Cases {
			t.Errorf("%s: %+v, refused for %v; want every case refused for %q", f, tallyOf(r), r.RefuseReasons, refuseRSA15)
		}
	}
}
