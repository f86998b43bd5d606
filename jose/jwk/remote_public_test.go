package jwk

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestRemoteRefusesSecretAndPrivateKeys: a JWK Set fetched from a URL is
// public, so it must hold public keys only. A set with an oct key (a
// shared secret: whoever reads the URL can forge HMAC tokens) or a private
// key (published by mistake) is refused as a failed fetch (ErrFetch and
// jose.ErrKey), reported by Err, and never used, also after a good set
// (which stays in use). On the base both were used as fetched.
func TestRemoteRefusesSecretAndPrivateKeys(t *testing.T) {
	good, _ := publicSetJSON(t, "ES256")
	hs := genSet(t, "HS256").Keys[0]
	hs.Kid = "B"
	for name, body := range map[string]string{
		"oct":         string(mustJSON(t, genSet(t, "HS256"))),
		"private EC":  string(mustJSON(t, genSet(t, "ES256"))),
		"mixed":       `{"keys":[` + string(mustJSON(t, hs)) + `,` + good[len(`{"keys":[`):],
		"private OKP": string(mustJSON(t, genSet(t, "EdDSA"))),
	} {
		t.Run(name, func(t *testing.T) {
			srv := newJWKSServer(t, body)
			clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
			r, err := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true, Now: clock.now})
			if err != nil {
				t.Fatal(err)
			}
			if s, err := r.Set(context.Background()); !errors.Is(err, ErrFetch) || !errors.Is(err, jose.ErrKey) || s != nil {
				t.Errorf("Set() = %v, %v; want no set, ErrFetch and jose.ErrKey", s, err)
			}
			if err := r.Err(); !errors.Is(err, jose.ErrKey) {
				t.Errorf("Err() = %v, want jose.ErrKey", err)
			}

			// after a good set, a bad one does not replace it
			srv.set(good, 200)
			clock.add(time.Hour)
			if _, err := r.Refresh(context.Background()); err != nil {
				t.Fatal(err)
			}
			srv.set(body, 200)
			clock.add(time.Hour)
			r.Refresh(context.Background()) // the set in use, and no error: there is one
			if err := r.Err(); !errors.Is(err, jose.ErrKey) {
				t.Errorf("Err() after a refresh to a bad set: %v, want jose.ErrKey", err)
			}
			s, err := r.Set(context.Background())
			if err != nil || len(s.Keys) != 1 || s.Keys[0].IsPrivate() || s.Keys[0].KeyType() != "EC" {
				t.Errorf("after a refused set: %v, %v; want the good public set still in use", s, err)
			}
		})
	}
}
