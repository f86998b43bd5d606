package jwk

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestParsePEMOfShortJSONSaysJSON: the JSON hint of ParsePEM goes by the
// first byte after leading whitespace, so a lone "{" (JSON cut short) gets
// it too, while blank input does not.
func TestParsePEMOfShortJSONSaysJSON(t *testing.T) {
	for _, in := range []string{"{", " \r\n\t{"} {
		_, err := ParsePEM([]byte(in))
		if !errors.Is(err, jose.ErrMalformed) || !strings.Contains(err.Error(), "the input is JSON") {
			t.Errorf("ParsePEM(%q): %v; want jose.ErrMalformed saying the input is JSON", in, err)
		}
	}
	for _, in := range []string{"", " \n"} {
		if _, err := ParsePEM([]byte(in)); !errors.Is(err, jose.ErrMalformed) || strings.Contains(err.Error(), "JSON") {
			t.Errorf("ParsePEM(%q): %v; want jose.ErrMalformed without the JSON hint", in, err)
		}
	}
}
