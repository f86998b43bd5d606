package jws

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestRemoteVerifyReusesKeySetup: a Verifier over a *jwk.Remote binds each
// key of the fetched set to its algorithms (the vkey: usability per
// allowed algorithm) once per fetched set, as a Verifier over a *jwk.Set
// does once, not again at every token. On the base verifyRemote rebuilt
// the setup of each candidate key per token: 3 allocations more per
// verification than through the same keys as a *jwk.Set, and jwk's
// Set.Candidates checked the key's use again (for an EC key, validating its
// point: 3 more). 36 allocations against the local set's 23, with the
// algorithms and key below; now the remote path costs what the local does.
func TestRemoteVerifyReusesKeySetup(t *testing.T) {
	set, signer := es256Set(t, 3)
	for i, k := range set.Keys {
		k.Kid = string(rune('a' + i))
	}
	body, err := set.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	algs := []string{"ES256", "RS256", "EdDSA", "PS256"}
	remote, err := NewVerifier(serveJWKS(t, body), algs)
	if err != nil {
		t.Fatal(err)
	}
	local, err := NewVerifier(set, algs)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := Sign([]byte("payload"), SigningKey{Alg: "ES256", Key: signer, KeyID: "c"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []*Verifier{remote, local} {
		if _, err := v.Verify(tok); err != nil { // and fetch the set
			t.Fatal(err)
		}
	}
	viaRemote := testing.AllocsPerRun(20, func() { remote.Verify(tok) })
	viaSet := testing.AllocsPerRun(20, func() { local.Verify(tok) })
	t.Logf("allocations per verification: remote set %.0f, local set %.0f", viaRemote, viaSet)
	if testenv.Race {
		return // sync.Pool drops items at random under -race: the counts are not exact
	}
	if viaRemote > viaSet {
		t.Errorf("a verification through a *jwk.Remote made %.0f allocations, through the same keys as a *jwk.Set %.0f", viaRemote, viaSet)
	}

}

// TestRemoteKeySetupConcurrentRotation: the vkeys kept per fetched set
// (TestRemoteVerifyReusesKeySetup) stay right while verifications run
// concurrently with refetches that replace the set (run it with -race):
// a token under a key of both sets always verifies, one with a wrong
// signature never does, one under a key only the second set holds
// verifies (its kid unknown, the set is refetched: the next one has it) or
// is jose.ErrKey, and what is kept afterwards
// is the vkeys of the set in use, no more.
func TestRemoteKeySetupConcurrentRotation(t *testing.T) {
	both, signers := es256Keys(t, 2)
	both.Keys[0].Kid, both.Keys[1].Kid = "a", "b"
	first := &jwk.Set{Keys: both.Keys[:1]}
	bodies := [2][]byte{mustSetJSON(t, first), mustSetJSON(t, both)}
	var served atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(bodies[served.Add(1)%2])
	}))
	t.Cleanup(srv.Close)
	var clock atomic.Int64 // each read a minute later: every lookup finds the set stale
	now := func() time.Time { return time.Unix(1_700_000_000+60*clock.Add(1), 0) }
	remote, err := jwk.NewRemote(srv.URL, jwk.RemoteOptions{Client: srv.Client(), Now: now, MaxAge: time.Second, Cooldown: time.Second})
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
	byA, byANoKid, byB := sign(0, "a"), sign(0, ""), sign(1, "b")
	bad := bytes.Clone(byA)
	if bad[len(bad)-2] = 'A'; byA[len(byA)-2] == 'A' {
		bad[len(bad)-2] = 'B'
	}
	var wg sync.WaitGroup
	var bVerified, bRefused atomic.Int32
	for g := range 4 {
		wg.Go(func() {
			for range 8 {
				for _, tok := range [][]byte{byA, byANoKid} {
					if _, err := v.Verify(tok); err != nil {
						t.Errorf("goroutine %d: a token under a key of both sets: %v", g, err)
					}
				}
				if _, err := v.Verify(bad); !errors.Is(err, jose.ErrVerify) {
					t.Errorf("goroutine %d: a wrong signature: %v, want ErrVerify", g, err)
				}
				if _, err := v.Verify(byB); err == nil {
					bVerified.Add(1)
				} else if errors.Is(err, jose.ErrKey) {
					bRefused.Add(1)
				} else {
					t.Errorf("goroutine %d: a token under the second set's key: %v, want success or ErrKey", g, err)
				}
			}
		})
	}
	wg.Wait()
	if bVerified.Load() == 0 {
		t.Errorf("the second set's key never verified (%d times unknown)", bRefused.Load())
	}
	if _, err := v.Verify(byANoKid); err != nil { // tries every key of the set in use
		t.Fatal(err)
	}
	c := v.remoteKeys.Load()
	kept := 0
	c.keys.Range(func(k, _ any) bool {
		kept++
		if !slices.Contains(c.set.Keys, k.(*jwk.Key)) {
			t.Errorf("a vkey kept for a key not of the set in use")
		}
		return true
	})
	if kept > len(c.set.Keys) {
		t.Errorf("%d vkeys kept for a set of %d keys", kept, len(c.set.Keys))
	}
}

// es256Keys returns a set of n fresh P-256 public keys and their private
// keys.
func es256Keys(t *testing.T, n int) (*jwk.Set, []*ecdsa.PrivateKey) {
	t.Helper()
	set := &jwk.Set{}
	var privs []*ecdsa.PrivateKey
	for range n {
		pk, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		k, err := jwk.New(&pk.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		set.Keys = append(set.Keys, k)
		privs = append(privs, pk)
	}
	return set, privs
}

func mustSetJSON(t *testing.T, s *jwk.Set) []byte {
	t.Helper()
	b, err := s.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
