package jwk

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRemoteErrWrapsErrFetch: Err reports a failed fetch as the lookups
// do, wrapping ErrFetch (as the zero Remote's Err already did), with the
// same text, also while the set fetched before stays in use. Before, Err
// returned the bare cause ("…: HTTP status 500 …"), which matched none of
// the package's or jose's sentinels.
func TestRemoteErrWrapsErrFetch(t *testing.T) {
	body, _ := publicSetJSON(t, "ES256")
	srv := newJWKSServer(t, body)
	srv.set("oops", 500)
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	r, err := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Cooldown: time.Minute, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, serr := r.Set(ctx)
	if !errors.Is(serr, ErrFetch) {
		t.Fatalf("Set with a 500: %v, want ErrFetch", serr)
	}
	if e := r.Err(); !errors.Is(e, ErrFetch) || e.Error() != serr.Error() {
		t.Errorf("Err() = %v, want ErrFetch and Set's text %q", e, serr)
	}

	srv.set(body, 200)
	clock.add(time.Minute)
	if _, err := r.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if e := r.Err(); e != nil {
		t.Fatalf("Err() after a good fetch = %v", e)
	}

	// A failed refetch keeps the set in use and is reported by Err alone.
	for _, bad := range []struct {
		body   string
		status int
		also   error
	}{{"oops", 500, nil}, {`{"keys":[{"kty":"oct","k":"AAAA"}]}`, 200, jose.ErrKey}} {
		srv.set(bad.body, bad.status)
		clock.add(time.Minute)
		if s, err := r.Refresh(ctx); err != nil || s == nil {
			t.Fatalf("Refresh with a set in use: %v, %v", s, err)
		}
		e := r.Err()
		if !errors.Is(e, ErrFetch) {
			t.Errorf("Err() after a failed refetch (%d) = %v, want ErrFetch", bad.status, e)
		}
		if bad.also != nil && !errors.Is(e, bad.also) {
			t.Errorf("Err() = %v, want it to wrap %v too", e, bad.also)
		}
	}
}
