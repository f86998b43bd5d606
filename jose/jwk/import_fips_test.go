package jwk

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
)

// TestX25519ImportUnderFIPSOnly: under GODEBUG=fips140=only crypto/ecdh
// refuses every X25519 key, and Parse reported that as `X25519 "x" must be
// 32 bytes, got 32`. The refusal says what it is now and matches both
// jose.ErrKey and errors.ErrUnsupported (a policy refusal, as gencrypto's
// backend reports one); a wrong length is still reported as one. The test
// re-runs itself in a child process, since the setting is read at start-up.
func TestX25519ImportUnderFIPSOnly(t *testing.T) {
	const done = "fips140=only X25519 import checks done"
	if !testenv.FIPSOnly(t, done) {
		return
	}
	// RFC 8037 Appendix A.6's X25519 public and private keys.
	for name, in := range map[string]string{
		"public":  `{"kty":"OKP","crv":"X25519","x":"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"}`,
		"private": `{"kty":"OKP","crv":"X25519","x":"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo","d":"dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo"}`,
	} {
		k, err := Parse([]byte(in))
		if k != nil || !errors.Is(err, jose.ErrKey) || !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s X25519 key under fips140=only: %v, %v; want jose.ErrKey and errors.ErrUnsupported", name, k, err)
		}
		if err != nil && strings.Contains(err.Error(), "must be 32 bytes") {
			t.Errorf("%s X25519 key under fips140=only blamed on its length: %v", name, err)
		}
	}
	_, err := Parse([]byte(`{"kty":"OKP","crv":"X25519","x":"AAAA"}`))
	if !errors.Is(err, jose.ErrKey) || errors.Is(err, errors.ErrUnsupported) || !strings.Contains(err.Error(), "must be 32 bytes, got 3") {
		t.Errorf("short X25519 x under fips140=only: %v; want the length error", err)
	}
	t.Log(done)
}
