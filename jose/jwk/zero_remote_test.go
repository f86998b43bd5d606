package jwk

import (
	"context"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestZeroRemoteReturnsErrors: a Remote made without NewRemote (var r
// Remote, &Remote{}) has no URL. Every lookup returns at once an error
// wrapping ErrFetch and jose.ErrKey, Err reports it, Fetches is 0, and
// nothing blocks: the base panicked on the nil Now of its options while
// holding its lock, so that call panicked and every later one (Err and
// Fetches included) waited for the lock forever. Each call runs with a
// 2 s guard so the test fails rather than hangs.
func TestZeroRemoteReturnsErrors(t *testing.T) {
	ctx := context.Background()
	calls := []struct {
		name  string
		fetch bool // a lookup: must fail with ErrFetch and jose.ErrKey
		call  func(r *Remote) error
	}{
		{"Set", true, func(r *Remote) error { _, err := r.Set(ctx); return err }},
		{"Refresh", true, func(r *Remote) error { _, err := r.Refresh(ctx); return err }},
		{"LookupKid", true, func(r *Remote) error { _, err := r.LookupKid(ctx, "k1"); return err }},
		{"LookupKid empty", true, func(r *Remote) error { _, err := r.LookupKid(ctx, ""); return err }},
		{"Candidates", true, func(r *Remote) error {
			_, err := r.Candidates(ctx, "k1", true, "ES256", OpVerify, false)
			return err
		}},
		{"Candidates no kid", true, func(r *Remote) error {
			_, err := r.Candidates(ctx, "", false, "ES256", OpVerify, false)
			return err
		}},
		{"Err", true, func(r *Remote) error { return r.Err() }},
		{"Fetches", false, func(r *Remote) error {
			if n := r.Fetches(); n != 0 {
				t.Errorf("Fetches of the zero Remote: %d, want 0", n)
			}
			return nil
		}},
		{"URL", false, func(r *Remote) error {
			if u := r.URL(); u != "" {
				t.Errorf("URL of the zero Remote: %q", u)
			}
			return nil
		}},
	}
	for _, mk := range []struct {
		name string
		r    func() *Remote
	}{
		{"var", func() *Remote { var r Remote; return &r }},
		{"new", func() *Remote { return &Remote{} }},
	} {
		r := mk.r() // shared by the calls: an earlier one must not break a later one
		for _, c := range calls {
			done := make(chan error, 1)
			go func() {
				defer func() {
					if p := recover(); p != nil {
						t.Errorf("%s %s panics: %v", mk.name, c.name, p)
					}
					close(done)
				}()
				done <- c.call(r)
			}()
			select {
			case err := <-done:
				if c.fetch {
					wantErr(t, mk.name+" "+c.name, err, ErrFetch)
					wantErr(t, mk.name+" "+c.name, err, jose.ErrKey)
				}
			case <-time.After(2 * time.Second):
				t.Fatalf("%s %s blocks (over 2 s)", mk.name, c.name)
			}
		}
	}
}
