package jws

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestRemoteFetchCancelledEveryEntryPoint: every verification entry point
// that fetches a *jwk.Remote key set takes a context that stops the wait
// for the fetch: VerifyContext, AppendVerifyCompactContext,
// VerifyDetachedContext (compact and JSON), VerifyEachContext and
// VerifyAllContext. Before, VerifyDetached, VerifyEach and VerifyAll
// waited for the fetch with context.Background(), so a caller could not
// cancel them (here the JWKS server hangs until the fetch times out).
func TestRemoteFetchCancelledEveryEntryPoint(t *testing.T) {
	srv := testenv.HangingServer(t, true)
	remote, err := jwk.NewRemote(srv.URL+"/jwks", jwk.RemoteOptions{Client: srv.Client(), Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(remote, []string{"ES256"})
	if err != nil {
		t.Fatal(err)
	}
	priv, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	key := SigningKey{Alg: "ES256", Key: priv, KeyID: "k1"}
	payload := []byte("p")
	compact := mustBytes(Sign(payload, key, nil))
	general := mustBytes(SignJSON(payload, []SigningKey{key}, false, nil))
	detCompact := mustBytes(Sign(payload, key, &SignOptions{Detached: true}))
	detJSON := mustBytes(SignJSON(payload, []SigningKey{key}, true, &SignOptions{Detached: true}))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, call := range map[string]func() error{
		"VerifyContext":              func() error { _, err := v.VerifyContext(ctx, general); return err },
		"AppendVerifyCompactContext": func() error { _, err := v.AppendVerifyCompactContext(ctx, nil, compact); return err },
		"VerifyDetachedContext":      func() error { _, err := v.VerifyDetachedContext(ctx, detCompact, payload); return err },
		"VerifyDetachedContext JSON": func() error { _, err := v.VerifyDetachedContext(ctx, detJSON, payload); return err },
		"VerifyEachContext": func() error {
			res, _, err := v.VerifyEachContext(ctx, general)
			if err != nil {
				return err
			}
			return res[0].Err
		},
		"VerifyAllContext": func() error { _, err := v.VerifyAllContext(ctx, compact); return err },
	} {
		done := make(chan error, 1)
		go func() { done <- call() }()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) || !errors.Is(err, jose.ErrKey) {
				t.Errorf("%s: %v, want context.Canceled and jose.ErrKey", name, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: a cancelled context did not stop the wait for the key set", name)
		}
	}
}

func mustBytes(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
