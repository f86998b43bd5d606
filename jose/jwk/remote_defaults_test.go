package jwk

import (
	"net/http"
	"testing"
	"time"
)

// TestRemoteNonPositiveOptionsMeanDefaults: a zero or negative Timeout,
// MaxSize, Cooldown or MaxAge is the default (the godoc said "0 means");
// none of them turns its bound off, and a Client's own Timeout above
// Timeout (or none) becomes Timeout.
func TestRemoteNonPositiveOptionsMeanDefaults(t *testing.T) {
	for _, n := range []int64{0, -1, -1 << 62} {
		d := time.Duration(n)
		for _, c := range []*http.Client{nil, {}, {Timeout: time.Hour}} {
			r, err := NewRemote("https://issuer.example/jwks", RemoteOptions{Timeout: d, MaxSize: n, Cooldown: d, MaxAge: d, Client: c})
			if err != nil {
				t.Fatal(err)
			}
			if r.opts.Timeout != DefaultFetchTimeout || r.hc.Timeout != DefaultFetchTimeout || r.opts.MaxSize != DefaultMaxSetSize ||
				r.opts.Cooldown != DefaultCooldown || r.opts.MaxAge != DefaultMaxAge {
				t.Errorf("options %d (client %v): timeout %v (client %v), size %d, cooldown %v, max age %v; want the defaults",
					n, c, r.opts.Timeout, r.hc.Timeout, r.opts.MaxSize, r.opts.Cooldown, r.opts.MaxAge)
			}
		}
	}
	r, err := NewRemote("https://issuer.example/jwks", RemoteOptions{Timeout: time.Second, Client: &http.Client{Timeout: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	if r.hc.Timeout != time.Millisecond {
		t.Errorf("a Client's Timeout under Timeout: %v, want it kept", r.hc.Timeout)
	}
}
