package jwk

import (
	"bytes"
	"crypto/ed25519"
	"testing"
)

// TestPublicKeyCopyIndependent: PublicKey returns "a copy of k", and
// changing the copy's X5t, X5tS256 or X5c certificate bytes must not
// change k. Before, clone copied the X5c slice but not its certificates,
// and X5t, X5tS256 not at all, so that writing into the copy's bytes
// (clearing a thumbprint, editing a certificate) changed the original key's
// metadata, which a verifier or a Set may be using.
func TestPublicKeyCopyIndependent(t *testing.T) {
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	k, err := New(priv)
	if err != nil {
		t.Fatal(err)
	}
	k.X5t = bytes.Repeat([]byte{1}, 20)
	k.X5tS256 = bytes.Repeat([]byte{2}, 32)
	k.X5c = [][]byte{{3, 3, 3}, {4, 4}}
	k.KeyOps = []string{"verify"}
	c, err := k.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	c.X5t[0], c.X5tS256[0], c.X5c[0][0], c.X5c[1][0], c.KeyOps[0] = 9, 9, 9, 9, "sign"
	if k.X5t[0] != 1 || k.X5tS256[0] != 2 || k.X5c[0][0] != 3 || k.X5c[1][0] != 4 || k.KeyOps[0] != "verify" {
		t.Errorf("changing the copy changed the key: x5t %x x5t#S256 %x x5c %x key_ops %v", k.X5t, k.X5tS256, k.X5c, k.KeyOps)
	}
}
