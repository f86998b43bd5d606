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

// TestRemoteRefusesSkippedPrivateKeys: the set a Remote fetches must hold
// public keys only (Remote's godoc), and that includes the keys ParseSet
// skips (Set.Skipped: a kty or curve this package does not read, such as
// Ed448, secp256k1 or AKP): one that carries a private member of the IANA
// JWK parameter registry ("d", "p", …, "k", AKP's "priv") is private key
// material published by mistake. On the base such a set was used as
// fetched. A skipped public key is still taken, and skipped.
func TestRemoteRefusesSkippedPrivateKeys(t *testing.T) {
	good, _ := publicSetJSON(t, "ES256")
	b64 := func(b []byte) string { return string(jose.AppendBase64URL(nil, b)) }
	x := `"x":"` + b64(make([]byte, 57)) + `"`
	for name, tc := range map[string]struct {
		skipped string
		ok      bool
	}{
		"public Ed448":      {`{"kty":"OKP","crv":"Ed448",` + x + `}`, true},
		"public AKP":        {`{"kty":"AKP","alg":"ML-DSA-44","pub":"AAAA"}`, true},
		"private Ed448":     {`{"kty":"OKP","crv":"Ed448",` + x + `,"d":"` + b64(make([]byte, 57)) + `"}`, false},
		"private X448":      {`{"kty":"OKP","crv":"X448","x":"AAAA","d":"AAAA"}`, false},
		"private secp256k1": {`{"kty":"EC","crv":"secp256k1","x":"AAAA","y":"AAAA","d":"AAAA"}`, false},
		"private AKP":       {`{"kty":"AKP","alg":"ML-DSA-44","pub":"AAAA","priv":"AAAA"}`, false},
		"unknown kty, k":    {`{"kty":"XYZ","k":"AAAA"}`, false},
	} {
		t.Run(name, func(t *testing.T) {
			body := good[:len(good)-2] + "," + tc.skipped + "]}"
			srv := newJWKSServer(t, body)
			r, err := NewRemote(srv.URL, RemoteOptions{InsecureAllowLoopbackHTTP: true})
			if err != nil {
				t.Fatal(err)
			}
			s, err := r.Set(context.Background())
			if tc.ok {
				if err != nil || len(s.Keys) != 1 || len(s.Skipped) != 1 {
					t.Errorf("Set() = %v, %v; want one key and one skipped", s, err)
				}
				return
			}
			if !errors.Is(err, ErrFetch) || !errors.Is(err, jose.ErrKey) || s != nil {
				t.Errorf("Set() = %v, %v; want no set, ErrFetch and jose.ErrKey", s, err)
			}
		})
	}
}
