package jwk

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRemotePrivateKeyRefusedBeforeValidation: a fetched set with a private
// key is refused (Remote's godoc) before any key's material is validated.
// On the base the whole set was parsed first, each RSA private key checked
// in full (n = p·q, d·e ≡ 1 mod λ(n), the CRT values, ROCA), only to be
// refused afterwards: a 512 KiB body of private RSA keys cost the fetching
// server about a second of CPU at each fetch the cooldown allows. The cost
// is counted in allocations (the validation's big-number arithmetic makes
// about a hundred per key): refusing a body of 8 private RSA keys must
// cost less than validating one of them, where on the base it cost the
// validation of all 8.
func TestRemotePrivateKeyRefusedBeforeValidation(t *testing.T) {
	k, err := Generate("RS256", nil)
	if err != nil {
		t.Fatal(err)
	}
	k.Kid = "" // the same key 8 times: distinct kids are not needed without kids
	one := string(mustJSON(t, k))
	body := []byte(`{"keys":[` + strings.Repeat(one+",", 7) + one + `]}`)

	if _, err := parsePublicSet(body); !errors.Is(err, jose.ErrKey) {
		t.Fatalf("parsePublicSet(8 private RSA keys) = %v, want jose.ErrKey", err)
	}
	refuse := testing.AllocsPerRun(5, func() { parsePublicSet(body) })
	validate := testing.AllocsPerRun(5, func() { Parse([]byte(one)) })
	t.Logf("refusing 8 private RSA keys: %.0f allocs; validating 1: %.0f", refuse, validate)
	if refuse >= validate {
		t.Errorf("refusing a set of 8 private RSA keys cost %.0f allocations, no less than validating one (%.0f): keys were validated before being refused", refuse, validate)
	}
}
