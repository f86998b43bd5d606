package jws

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestProtectedHeaderErrorSaysItOnce: an undecodable protected header is
// named once in the error, whichever entry point reads it. Before, the
// message said it twice ("jws: protected header: jose: protected header:
// jose: malformed input: …"): jws named the place, and so did
// jose.ParseProtected. The error still wraps jose.ErrMalformed.
func TestProtectedHeaderErrorSaysItOnce(t *testing.T) {
	v, err := NewVerifier([]byte("0123456789abcdef0123456789abcdef"), []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	compact := []byte("e!!.e30.AAAA")
	flattened := []byte(`{"protected":"e!!","payload":"e30","signature":"AAAA"}`)
	general := []byte(`{"payload":"e30","signatures":[{"protected":"e!!","signature":"AAAA"}]}`)
	calls := map[string]func() error{
		"ParseCompact":      func() error { _, err := ParseCompact(compact); return err },
		"ParseJSON flat":    func() error { _, err := ParseJSON(flattened); return err },
		"ParseJSON general": func() error { _, err := ParseJSON(general); return err },
		"Verify compact":    func() error { _, err := v.Verify(compact); return err },
		"Verify flattened":  func() error { _, err := v.Verify(flattened); return err },
		"VerifyCompact":     func() error { _, err := v.AppendVerifyCompact(nil, compact); return err },
	}
	for name, call := range calls {
		err := call()
		if !errors.Is(err, jose.ErrMalformed) {
			t.Errorf("%s: %v is not jose.ErrMalformed", name, err)
			continue
		}
		if n := strings.Count(err.Error(), "protected header"); n != 1 {
			t.Errorf("%s: %q names the protected header %d times", name, err, n)
		}
	}
}
