package jws

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestRemoteKeySetHashesInputOnce: through a *jwk.Remote key set, a token
// without "kid" is tried against each candidate key, and for ES256 the
// signing input is hashed once for all of them, as for a *jwk.Set
// (TestKeySetHashesInputOnce), both when the second key verifies and when
// none does. Two candidates: the smallest set that shares the digest.
// (Before this test, hashing once per key on the remote path failed no
// test: mutation audit of verifyRemote's len(cands) > 1.)
func TestRemoteKeySetHashesInputOnce(t *testing.T) {
	const p = 16 << 10
	set, signer := es256Set(t, 2) // the last key signs: the first is tried before it
	body, err := set.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	remote := serveJWKS(t, body)
	v, err := NewVerifier(remote, []string{"ES256"})
	if err != nil {
		t.Fatal(err)
	}
	payload := bytes.Repeat([]byte("p"), p)
	good, err := Sign(payload, SigningKey{Alg: "ES256", Key: signer}, nil)
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Clone(good)
	if bad[len(bad)-2] = 'A'; good[len(good)-2] == 'A' { // a wrong signature
		bad[len(bad)-2] = 'B'
	}
	if _, err := v.Verify(good); err != nil { // fetch before counting
		t.Fatal(err)
	}
	input := bytes.LastIndexByte(good, '.')
	for _, tc := range []struct {
		name string
		tok  []byte
		ok   bool
	}{{"second key verifies", good, true}, {"no key verifies", bad, false}} {
		n := 0
		restore := countHashed(&n)
		_, err := v.Verify(tc.tok)
		restore()
		if tc.ok && err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		if !tc.ok && !errors.Is(err, jose.ErrVerify) {
			t.Errorf("%s: %v, want ErrVerify", tc.name, err)
		}
		if limit := input + 64; n > limit {
			t.Errorf("%s: 2 keys: %d bytes hashed, want at most %d (one pass)", tc.name, n, limit)
		}
	}
}

// serveJWKS serves body as a JWK Set over TLS on loopback until the test
// ends and returns a Remote fetching it with default options.
func serveJWKS(t *testing.T, body []byte) *jwk.Remote {
	t.Helper()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	remote, err := jwk.NewRemote(srv.URL+"/jwks", jwk.RemoteOptions{Client: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	return remote
}
