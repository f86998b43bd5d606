package jwt

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestVerifyIntoZeroAllocEd25519: VerifyInto allocates nothing for
// Ed25519 keys ("EdDSA" and "Ed25519") as for HMAC, as its godoc and the
// README's benchmark table say.
func TestVerifyIntoZeroAllocEd25519(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	for _, alg := range []string{"EdDSA", "Ed25519"} {
		tok, err := Sign(claimSet(), jws.SigningKey{Alg: alg, Key: priv, KeyID: "k1"})
		if err != nil {
			t.Fatal(err)
		}
		v, err := NewVerifier(pub, []string{alg}, Validator{Issuer: "https://issuer.example", Audience: "api",
			Required: []string{"exp"}, Type: "JWT", Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		var c Claims
		ctx := context.Background()
		if err := v.VerifyInto(ctx, tok, &c); err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(20, func() {
			if err := v.VerifyInto(ctx, tok, &c); err != nil {
				t.Fatal(err)
			}
		}); n != 0 && !testenv.Race {
			t.Errorf("%s VerifyInto: %v allocs, want 0", alg, n)
		}
	}
}
