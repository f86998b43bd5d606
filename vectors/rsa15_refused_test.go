package vectors

import (
	"crypto"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestWycheproofRSA15RefusedByDesign: RSA1_5 (PKCS #1 v1.5 decryption) is
// left out on purpose (gencrypto's "Not supported, and why"; RFC 8725
// §3.2), not an algorithm still to build: the Wycheproof decryption files
// are run and every case counted refused by design, after seeing
// gencrypto.ByName not know RSA1_5 and the case fail under RSA-OAEP, with
// the reason the cookbook JWE examples give for their RSA1_5 recipients.
func TestWycheproofRSA15RefusedByDesign(t *testing.T) {
	dir := testenv.Vectors(t)
	files := []string{"rsa_pkcs1_2048_test.json", "rsa_pkcs1_3072_test.json", "rsa_pkcs1_4096_test.json"}
	if testing.Short() {
		t.Log("short: the 2048-bit file only (each case is an RSA decryption under two OAEP hashes; the 3072- and 4096-bit files take seconds)")
		files = files[:1]
	}
	for _, f := range files {
		p := filepath.Join(dir, "wycheproof", "testvectors_v1", f)
		r := runWycheproofFile(p, f, "wycheproof/"+f, Backends())
		if r.Cases == 0 || r.Refused != r.Cases || r.Passed != r.Cases || r.RefuseReasons[refuseRSA15] != r.Cases {
			t.Errorf("%s: %+v, refused for %v; want every case refused for %q", f, tallyOf(r), r.RefuseReasons, refuseRSA15)
		}
	}
}

// oaepCounter is a backend that counts its RSA-OAEP decryptions.
type oaepCounter struct {
	gencrypto.Backend
	calls int
}

func (b *oaepCounter) DecryptOAEP(h crypto.Hash, key crypto.Decrypter, ct, label []byte) ([]byte, error) {
	b.calls++
	return b.Backend.DecryptOAEP(h, key, ct, label)
}

// TestWycheproofRSA15CasesRunUnderRSAOAEP: a case counted refused by
// design is run and seen refused, as the PSS and OAEP parameter sets are
// (wctx.refuse): each PKCS #1 v1.5 ciphertext is decrypted with its
// group's key under the RSA decryption the library does offer, RSA-OAEP,
// and must fail there as a failed decryption. A runner that counted the
// cases without decrypting any would report the same tally.
func TestWycheproofRSA15CasesRunUnderRSAOAEP(t *testing.T) {
	dir := testenv.Vectors(t)
	const f = "rsa_pkcs1_2048_test.json"
	b := &oaepCounter{Backend: gencrypto.DefaultBackend()}
	r := runWycheproofFile(filepath.Join(dir, "wycheproof", "testvectors_v1", f), f, "wycheproof/"+f, []gencrypto.Backend{b})
	if r.Cases == 0 || r.Refused != r.Cases || r.Failed != 0 {
		t.Fatalf("%s: %+v, refused for %v; want every case refused", f, tallyOf(r), r.RefuseReasons)
	}
	// A ciphertext that is not k octets long is refused before the
	// backend (RFC 8017 §7.1.2 step 1b); every other reaches it at least
	// once, under RSA-OAEP-256.
	var wf struct {
		TestGroups []struct {
			KeySize int `json:"keySize"`
			Tests   []struct {
				CT hexBytes `json:"ct"`
			} `json:"tests"`
		} `json:"testGroups"`
	}
	if err := loadJSON(filepath.Join(dir, "wycheproof", "testvectors_v1", f), &wf); err != nil {
		t.Fatal(err)
	}
	full := 0
	for _, g := range wf.TestGroups {
		for _, c := range g.Tests {
			if len(c.CT)*8 == g.KeySize {
				full++
			}
		}
	}
	if full == 0 || b.calls < full {
		t.Errorf("%s: %d cases counted refused after %d RSA-OAEP decryptions; want each of the %d of the modulus's length decrypted", f, r.Cases, b.calls, full)
	}
}
