package jws

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// jwkJSON is k.AppendJSON(nil), failing t on an error (jwk's AppendJSON
// returns one since the strict lejp.Writer).
func jwkJSON(t testing.TB, k *jwk.Key) []byte {
	t.Helper()
	out, err := k.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
