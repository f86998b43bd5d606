package jwk

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestAppendJSONLongStrings: what AppendJSON writes, Parse reads back, and
// Parse (lejp) bounds a string to DefaultMaxStringLen (64 MiB) as JSON
// carries it, escapes included. A metadata string set in code over it (a
// Kid or a KeyOps element of 32 MiB + 1 '"', 64 MiB + 2 escaped) must be
// refused (jose.ErrLimit, as Parse refuses it), and one of exactly 64 MiB
// written and read back. (About 0.5 GB.)
func TestAppendJSONLongStrings(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates about 0.5 GB (-short)")
	}
	quotes := strings.Repeat(`"`, lejp.DefaultMaxStringLen/2+1)
	atLimit := strings.Repeat("a", lejp.DefaultMaxStringLen)
	for _, c := range []struct {
		name string
		set  func(k *Key)
		ok   bool
	}{
		{"kid at the limit", func(k *Key) { k.Kid = atLimit }, true},
		{"kid over the limit", func(k *Key) { k.Kid = quotes }, false},
		{"key_ops element over the limit", func(k *Key) { k.KeyOps = []string{"verify", quotes} }, false},
		{"first key_ops element over the limit", func(k *Key) { k.KeyOps = []string{quotes, "verify"} }, false},
	} {
		k, err := Generate("ES256", nil)
		if err != nil {
			t.Fatal(err)
		}
		c.set(k)
		out, err := k.AppendJSON(nil)
		switch {
		case c.ok && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case !c.ok && !errors.Is(err, jose.ErrLimit):
			t.Errorf("%s: %d bytes written, %v; want jose.ErrLimit", c.name, len(out), err)
		case err == nil:
			if _, err := Parse(out); err != nil {
				t.Errorf("%s: Parse of what AppendJSON wrote: %.120v", c.name, err)
			}
		}
	}
}
