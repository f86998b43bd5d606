package jwk

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestZeroKeyHasNoPublicHalf: the zero Key's PublicKey is jose.ErrKey, as
// its Thumbprint and AppendJSON are, and so is PublicSet of a set holding
// one. Before, PublicKey returned another zero Key with no error, and
// PublicSet a set that AppendJSON then refused.
func TestZeroKeyHasNoPublicHalf(t *testing.T) {
	var zero Key
	_, err := zero.PublicKey()
	wantErr(t, "PublicKey of the zero Key", err, jose.ErrKey)
	k, _ := Generate("ES256", nil)
	_, err = (&Set{Keys: []*Key{k, &zero}}).PublicSet()
	wantErr(t, "PublicSet of a set with the zero Key", err, jose.ErrKey)
}
