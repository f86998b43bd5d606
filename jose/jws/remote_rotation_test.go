package jws

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestRemoteUnknownKidRefetchesSet: a token whose kid the cached set (still
// fresh) does not hold makes the Verifier refetch the set once the
// Remote's cooldown allows it (keys rotate), and it verifies under the key
// the new set holds. Before the cooldown has passed, the kid is unknown
// (jose.ErrKey) and nothing is fetched.
func TestRemoteUnknownKidRefetchesSet(t *testing.T) {
	both, signers := es256Keys(t, 2)
	both.Keys[0].Kid, both.Keys[1].Kid = "a", "b"
	bodies := [2][]byte{mustSetJSON(t, &jwk.Set{Keys: both.Keys[:1]}), mustSetJSON(t, both)}
	var fetches atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(bodies[min(fetches.Add(1)-1, 1)])
	}))
	t.Cleanup(srv.Close)
	var clock atomic.Int64
	now := func() time.Time { return time.Unix(1_700_000_000+clock.Load(), 0) }
	remote, err := jwk.NewRemote(srv.URL, jwk.RemoteOptions{Client: srv.Client(), Now: now, MaxAge: time.Hour, Cooldown: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(remote, []string{"ES256"})
	if err != nil {
		t.Fatal(err)
	}
	sign := func(i int, kid string) []byte {
		tok, err := Sign([]byte("payload"), SigningKey{Alg: "ES256", Key: signers[i], KeyID: kid}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	if _, err := v.Verify(sign(0, "a")); err != nil {
		t.Fatalf("under the first set's key: %v", err)
	}
	byB := sign(1, "b")
	if _, err := v.Verify(byB); !errors.Is(err, jose.ErrKey) || fetches.Load() != 1 {
		t.Fatalf("kid b within the cooldown: %v after %d fetches; want jose.ErrKey and one fetch", err, fetches.Load())
	}
	clock.Add(2 * 60) // past the cooldown, the set still fresh
	if _, err := v.Verify(byB); err != nil || fetches.Load() != 2 {
		t.Fatalf("kid b after the cooldown: %v after %d fetches; want it verified after a refetch", err, fetches.Load())
	}
}
