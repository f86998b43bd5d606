package jwk

import (
	"context"
	"crypto"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestConcurrentSetAndKeys: a Set (documented usable concurrently as long
// as no one changes it) and its Keys (safe for concurrent use as long as no
// one writes their fields), read at once from many goroutines through
// every read-only method.
func TestConcurrentSetAndKeys(t *testing.T) {
	s := genSet(t, "ES256", "EdDSA", "HS256", "RS256", "ECDH-ES")
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i := 0; i < 20; i++ {
				for _, k := range s.Keys {
					k.KeyType()
					k.Curve()
					k.IsPrivate()
					k.Public()
					k.PrivateKey()
					k.Signer()
					k.Secret()
					k.Bits()
					k.Extra()
					_ = k.String()
					k.Equal(s.Keys[0])
					if _, err := k.Thumbprint(crypto.SHA256); err != nil {
						t.Error(err)
					}
					if _, err := k.ThumbprintURI(crypto.SHA256); err != nil {
						t.Error(err)
					}
					if _, err := k.AppendJSON(nil); err != nil {
						t.Error(err)
					}
					if _, err := k.PublicKey(); err != nil && k.KeyType() != "oct" {
						t.Error(err)
					}
					k.CheckUse("ES256", OpVerify)
					k.ECDHPublic()
					if k.KeyType() != "oct" {
						k.MarshalPEM()
					}
				}
				if _, ok := s.LookupKid("B"); !ok {
					t.Error("LookupKid B")
				}
				s.Candidates("", false, "ES256", OpVerify, false)
				s.Candidates("A", true, "ES256", OpVerify, true)
				if err := s.Check(); err != nil {
					t.Error(err)
				}
				if _, err := s.AppendJSON(nil); err != nil {
					t.Error(err)
				}
				s.PublicSet() // refuses the oct key, every time
			}
		})
	}
	wg.Wait()
}

// TestRemoteConcurrentRotation: one Remote used from many goroutines through
// every method while the server rotates its keys and sometimes fails, the
// clock advancing past Cooldown and MaxAge: lookups share fetches, and no
// data race.
func TestRemoteConcurrentRotation(t *testing.T) {
	bodies := make([]string, 3)
	for i := range bodies {
		s := genSet(t, "ES256", "EdDSA")
		for j, k := range s.Keys {
			k.Kid = fmt.Sprintf("gen%d-%d", i, j)
		}
		ps, err := s.PublicSet()
		if err != nil {
			t.Fatal(err)
		}
		bodies[i] = string(mustJSON(t, ps))
	}
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := n.Add(1)
		if i%4 == 0 {
			http.Error(w, "flaky", 503)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, bodies[int(i)%len(bodies)])
	}))
	defer srv.Close()
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	r, err := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Cooldown: time.Millisecond, MaxAge: 5 * time.Millisecond, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i := 0; i < 60; i++ {
				clock.add(time.Millisecond)
				kid := fmt.Sprintf("gen%d-%d", i%3, g%2)
				switch i % 6 {
				case 0:
					if s, err := r.Set(ctx); err == nil {
						s.LookupKid(kid)
						for _, k := range s.Keys {
							k.Thumbprint(crypto.SHA256)
						}
					}
				case 1:
					r.LookupKid(ctx, kid)
				case 2:
					r.Candidates(ctx, kid, true, "ES256", OpVerify, true)
				case 3:
					r.Refresh(ctx)
				case 4:
					r.Err()
					r.Fetches()
					r.URL()
				case 5:
					c, cancel := context.WithCancel(ctx)
					cancel()
					r.LookupKid(c, "nope")
				}
			}
		})
	}
	wg.Wait()
	if r.Fetches() == 0 {
		t.Error("no fetch")
	}
}

// TestRemoteLeavesNoGoroutine: a Remote has no background refresher:
// after its fetches end (success, failure, cancelled callers, a timeout
// against a server that answers late), and the server and idle
// connections are closed, no goroutine of it is left.
func TestRemoteLeavesNoGoroutine(t *testing.T) {
	body, _ := publicSetJSON(t, "ES256")
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/slow") {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}
		if strings.HasSuffix(r.URL.Path, "/fail") {
			http.Error(w, "no", 500)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}))
	hc := srv.Client()
	before := runtime.NumGoroutine()
	for _, path := range []string{"/ok", "/fail", "/slow"} {
		r, err := NewRemote(srv.URL+path, RemoteOptions{InsecureAllowLoopbackHTTP: true, Client: hc, Timeout: 200 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for g := 0; g < 8; g++ {
			wg.Go(func() {
				ctx, cancel := context.WithCancel(context.Background())
				if g%2 == 0 {
					cancel() // an impatient caller
				}
				r.LookupKid(ctx, "A")
				cancel()
			})
		}
		wg.Wait()
		// the fetch itself (detached from the callers) ends at Timeout
		// at the latest
		deadline := time.Now().Add(2 * time.Second)
		for r.Fetches() == 0 || func() bool { r.mu.Lock(); defer r.mu.Unlock(); return r.inflight != nil }() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: fetch still in flight", path)
			}
			time.Sleep(5 * time.Millisecond)
		}
		if path == "/slow" && !errors.Is(r.Err(), context.DeadlineExceeded) {
			t.Errorf("slow: %v", r.Err())
		}
	}
	close(release)
	hc.CloseIdleConnections()
	srv.Close()
	if got, stacks := testenv.SettleGoroutines(before); stacks != "" {
		t.Errorf("%d goroutines before, %d after:\n%s", before, got, stacks)
	}
}
