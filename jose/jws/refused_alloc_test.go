package jws

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRefusedAlgorithmAllocatesNothing: a compact token of an algorithm
// the Verifier does not allow is refused without an allocation, as it was
// before the refusal named the token's algorithm and the allowed ones:
// the message is made once per algorithm when the Verifier is, not per
// token, so that a flood of HS256 tokens at an ES256 verifier costs no
// garbage. Before, each refusal allocated 3 times (the list, the message,
// the error).
func TestRefusedAlgorithmAllocatesNothing(t *testing.T) {
	secret := make([]byte, 64)
	tok, err := Sign([]byte("x"), SigningKey{Alg: "HS256", Key: secret}, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := must(NewVerifier(secret, []string{"HS384", "HS512"}))
	dst := make([]byte, 0, 64)
	n := testing.AllocsPerRun(50, func() {
		if _, err := v.AppendVerifyCompact(dst[:0], tok); !errors.Is(err, jose.ErrAlgorithm) {
			t.Fatal(err)
		}
	})
	if n > 0 && !testenv.Race {
		t.Errorf("%v allocations per refused token, want 0", n)
	}
}
