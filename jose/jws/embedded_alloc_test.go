package jws

import (
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestEmbeddedJWKBindsAnchorsOnce: a token carrying its key in "jwk"
// (TrustEmbeddedJWK) is checked against an anchor whose binding to the
// allowed algorithms was decided when the Verifier was made, as bindCheck's
// godoc says ("never per token"). Before, each token bound the anchor to
// every allowed algorithm again (newKey), and since the binding errors name
// the algorithm and the key, built a message for each algorithm the anchor
// does not fit (HS256, RS256 for an EC key): 70 allocations per token for
// ["ES256", "HS256", "RS256"] where ["ES256"] took 62 (53 now for either).
func TestEmbeddedJWKBindsAnchorsOnce(t *testing.T) {
	priv, _ := jwk.Generate("ES256", nil)
	pub, _ := priv.PublicKey()
	tok, err := Sign([]byte(`{"sub":"a"}`), SigningKey{Alg: "ES256", Key: priv,
		Protected: []jose.Member{{Name: "jwk", Value: jwkJSON(t, pub)}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	allocs := func(algs []string) float64 {
		v := must(NewVerifier(nil, algs, TrustEmbeddedJWK(pub)))
		return testing.AllocsPerRun(20, func() {
			if _, err := v.Verify(tok); err != nil {
				t.Fatal(err)
			}
		})
	}
	one := allocs([]string{"ES256"})
	three := allocs([]string{"ES256", "HS256", "RS256"})
	t.Logf("allocs per token: %v (one alg), %v (three)", one, three)
	if three > one && !testenv.Race {
		t.Errorf("allocs per embedded-jwk token grow with the allow-list: %v for 3 algs, %v for 1", three, one)
	}
}
