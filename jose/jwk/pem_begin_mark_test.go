package jwk

import (
	"encoding/pem"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestParsePEMRefusesBeginNotAtLineStart: pem.Decode finds a block only
// at a BEGIN line, so a block whose BEGIN line does not start its line
// (indented, or after a quote: PEM pasted from a JSON or YAML string) was
// skipped as text, and the block after it taken: of a leaf certificate
// and its issuer, the issuer's key; of two keys, the second. ParsePEM
// (and ParseAny, which calls it) refuses such text, as it refuses a
// BEGIN line that starts no block.
func TestParsePEMRefusesBeginNotAtLineStart(t *testing.T) {
	a, _ := Generate("ES256", nil)
	b, _ := Generate("ES384", nil)
	certA := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, a)})
	certB := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: selfSigned(t, b)})
	_, derA, _ := a.MarshalDER()
	_, derB, _ := b.MarshalDER()
	privA := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: derA})
	privB := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: derB})
	cat := func(prefix string, blocks ...[]byte) []byte {
		out := []byte(prefix)
		for _, b := range blocks {
			out = append(out, b...)
		}
		return out
	}
	for name, data := range map[string][]byte{
		"indented leaf before its issuer": cat(" ", certA, certB),
		"quoted leaf before its issuer":   cat(`"`, certA, certB),
		"indented key before another":     cat("\t", privA, privB),
		"YAML key, then a key":            cat("key: ", privA, privB),
		"indented key after a key":        cat("", privA, []byte(" "), privB),
		"indented single block":           cat("  ", privA),
	} {
		if k, err := ParsePEM(data); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("ParsePEM, %s: %v, %v; want jose.ErrMalformed", name, k, err)
		}
		if s, _, err := ParseAny(data); !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("ParseAny, %s: %v, %v; want jose.ErrMalformed", name, s, err)
		}
	}
}
