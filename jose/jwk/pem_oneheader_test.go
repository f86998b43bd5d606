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
