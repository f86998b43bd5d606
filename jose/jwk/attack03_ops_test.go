package jwk

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestAttack03PrivateOps (catalog row 3, key_ops): an operation that needs
// private material (sign, decrypt, unwrapKey, deriveKey, deriveBits) is
// refused for a public key with every algorithm family, and an unknown
// operation is refused with every algorithm. Before,
// TestAttack03KeyAlgUseOps passed with CheckUse's private-material check
// and its known-operation check removed (mutations): its only cases were a
// signature algorithm, whose own key check refused them instead.
func TestAttack03PrivateOps(t *testing.T) {
	ecPub := mustParse(t, `{"kty":"EC","crv":"P-256","x":"`+p256x+`","y":"`+p256y+`"}`)
	ecPriv := mustParse(t, `{"kty":"EC","crv":"P-256","x":"`+p256x+`","y":"`+p256y+`","d":"`+p256d+`"}`)
	rsaKey, err := Generate("RSA-OAEP", nil)
	if err != nil {
		t.Fatal(err)
	}
	rsaPub, _ := rsaKey.PublicKey()
	for _, c := range []struct {
		k   *Key
		alg string
		op  Op
	}{
		{ecPub, "ES256", OpSign},
		{ecPub, "ECDH-ES", OpDecrypt},
		{ecPub, "ECDH-ES", OpDeriveKey},
		{ecPub, "ECDH-ES+A128KW", OpUnwrapKey},
		{ecPub, "ECDH-ES", OpDeriveBits},
		{rsaPub, "RSA-OAEP", OpDecrypt},
		{rsaPub, "RSA-OAEP-256", OpUnwrapKey},
	} {
		wantErr(t, "public "+c.alg+" key, "+string(c.op), c.k.CheckUse(c.alg, c.op), jose.ErrKey)
	}
	// the same operations with the private keys
	for _, c := range []struct {
		k   *Key
		alg string
		op  Op
	}{
		{ecPriv, "ES256", OpSign}, {ecPriv, "ECDH-ES", OpDeriveKey},
		{ecPriv, "ECDH-ES+A128KW", OpUnwrapKey}, {rsaKey, "RSA-OAEP", OpUnwrapKey},
	} {
		if err := c.k.CheckUse(c.alg, c.op); err != nil {
			t.Errorf("private %s key, %s: %v", c.alg, c.op, err)
		}
	}
	oct := mustParse(t, `{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}`)
	for _, c := range []struct {
		k   *Key
		alg string
	}{{ecPriv, "ES256"}, {ecPriv, "ECDH-ES"}, {rsaKey, "RSA-OAEP"}, {oct, "HS256"}, {oct, "dir"}, {oct, "A128KW"}} {
		for _, op := range []Op{"fly", "", "Sign", "verify "} {
			wantErr(t, c.alg+" key, op "+string(op), c.k.CheckUse(c.alg, op), jose.ErrKey)
		}
	}
}
