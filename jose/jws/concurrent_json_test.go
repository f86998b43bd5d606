package jws

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestConcurrentEmbeddedAndJSON: one Verifier trusting embedded keys (its
// anchors bound once) and one over a mixed key set, used at once for
// general JSON serializations through VerifyEach and VerifyAll, while other
// goroutines sign with SignJSON and SignReader and parse with
// Parse/Message: the package-level pools (jose's decoders) and the
// Verifier's state pool are shared by all.
func TestConcurrentEmbeddedAndJSON(t *testing.T) {
	es, _ := jwk.Generate("ES256", nil)
	es.Kid = "es"
	esPub, _ := es.PublicKey()
	ed, _ := jwk.Generate("EdDSA", nil)
	ed.Kid = "ed"
	hs, _ := jwk.Generate("HS256", nil)
	hs.Kid = "hs"
	edPub, _ := ed.PublicKey()
	set := &jwk.Set{Keys: []*jwk.Key{esPub, edPub, hs}}
	vSet := must(NewVerifier(set, []string{"ES256", "EdDSA", "HS256"}))
	vEmb := must(NewVerifier(nil, []string{"ES256"}, TrustEmbeddedJWK(esPub)))
	emb, err := Sign([]byte(`{"sub":"a"}`), SigningKey{Alg: "ES256", Key: es,
		Protected: []jose.Member{{Name: "jwk", Value: jwkJSON(t, esPub)}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	keys := []SigningKey{{Alg: "ES256", Key: es}, {Alg: "EdDSA", Key: ed}, {Alg: "HS256", Key: hs}}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			for i := range 40 {
				payload := []byte(fmt.Sprintf("p%d-%d", g, i))
				msg, err := SignJSON(payload, keys, false, nil)
				if err != nil {
					t.Error(err)
					return
				}
				each, p, err := vSet.VerifyEach(msg)
				if err != nil || len(each) != 3 || !bytes.Equal(p, payload) {
					t.Errorf("VerifyEach: %v %d %q", err, len(each), p)
				}
				for _, r := range each {
					if r.Err != nil {
						t.Errorf("signature %d: %v", r.Index, r.Err)
					}
				}
				all, err := vSet.VerifyAll(msg)
				if err != nil || len(all) != 3 {
					t.Errorf("VerifyAll: %v %d", err, len(all))
				}
				m, err := Parse(msg)
				if err != nil {
					t.Error(err)
				} else if _, err := m.JSON(true); err == nil {
					t.Error("flattened of three signatures")
				}
				if r, err := vEmb.Verify(emb); err != nil || string(r.Payload) != `{"sub":"a"}` {
					t.Errorf("embedded: %v", err)
				}
				tok, err := SignReader(bytes.NewReader(payload), keys[i%3], &SignOptions{Detached: true})
				if err != nil {
					t.Error(err)
					continue
				}
				if r, err := vSet.VerifyReader(tok, bytes.NewReader(payload)); err != nil || r.Key.Kid != []string{"es", "ed", "hs"}[i%3] {
					t.Errorf("VerifyReader: %v", err)
				}
			}
		})
	}
	wg.Wait()
}
