package jws

import (
	"crypto/ecdsa"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestAttack27TokensWithRandomKids (catalog row 27, as the row words it:
// tokens, not lookups): 1,000 tokens with random kids verified through a
// *jwk.Remote cause at most one request to the JWKS server within the
// cooldown, on every entry point that fetches. jwk's cooldown test calls
// Remote.LookupKid; the verifier asks Remote.Candidates, and making that
// path refetch for every unknown kid failed no test (mutation audit).
func TestAttack27TokensWithRandomKids(t *testing.T) {
	key := testKeys()["ES256"].(*ecdsa.PrivateKey)
	pub, _ := jwk.New(&key.PublicKey)
	pub.Kid = "good"
	body, err := (&jwk.Set{Keys: []*jwk.Key{pub}}).AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	var requests atomic.Int64
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	defer srv.Close()
	remote, err := jwk.NewRemote(srv.URL, jwk.RemoteOptions{Client: srv.Client(), Cooldown: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	v := must(NewVerifier(remote, []string{"ES256"}))
	good := mustBytes(Sign([]byte("x"), SigningKey{Alg: "ES256", Key: key, KeyID: "good"}, nil))
	if _, err := v.Verify(good); err != nil {
		t.Fatal(err)
	}
	for i := range 1000 {
		tok := mustBytes(Sign([]byte("x"), SigningKey{Alg: "ES256", Key: key, KeyID: fmt.Sprintf("random-%d", i)}, nil))
		var err error
		switch i % 3 {
		case 0:
			_, err = v.Verify(tok)
		case 1:
			_, err = v.AppendVerifyCompact(nil, tok)
		case 2:
			_, err = v.VerifyAll(tok)
		}
		if err == nil {
			t.Fatalf("token with unknown kid %d verified", i)
		}
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("1,000 tokens with random kids within the cooldown: %d requests, want 1", n)
	}
}
