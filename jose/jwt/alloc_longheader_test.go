package jwt

import (
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// TestVerifyIntoAllocsLongHeader: tokens under one header that decodes to
// more than 256 bytes (a long "kid" here; an "x5c" chain makes headers of
// kilobytes) cost VerifyInto what they cost jws.AppendVerifyCompact, which
// remembers its header decision: nothing more per token. Fails on 98386ed,
// whose shortcut for headers that cannot name "b64" or "cty" (48fc2b6)
// decodes every header into a 256-byte stack buffer before looking at the
// remembered verdict, so a longer header allocated its decoded copy on
// every token (1 allocation per token where jws and c44b5aa had none).
func TestVerifyIntoAllocsLongHeader(t *testing.T) {
	for _, kid := range []string{strings.Repeat("k", 300), strings.Repeat("k", 4000)} {
		s, err := NewSigner(jws.SigningKey{Alg: "HS256", Key: secret, KeyID: kid})
		if err != nil {
			t.Fatal(err)
		}
		tok, err := s.AppendSign(nil, claimSet())
		if err != nil {
			t.Fatal(err)
		}
		if n, base := verifyAllocs(t, [][]byte{tok}); n > base && !testenv.Race {
			t.Errorf("VerifyInto of tokens under a header with a %d-byte kid: %v allocs, jws.AppendVerifyCompact %v", len(kid), n, base)
		}
	}
}
