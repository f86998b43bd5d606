package jws

import (
	"bytes"
	"sync"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestConcurrentVerifySet: one Verifier over a key set, used at once by
// several goroutines through every entry point on tokens under different
// kids and headers (the remembered header changing under them, fast and
// slow headers mixed), names the key that signed each token, returns its
// payload, and refuses a token whose kid names another key than the one
// that signed it. Run with -race, this holds the Verifier's documented
// safety for concurrent use.
func TestConcurrentVerifySet(t *testing.T) {
	set := &jwk.Set{}
	secrets := map[string][]byte{}
	for _, kid := range []string{"a", "b", "c"} {
		secrets[kid] = bytes.Repeat([]byte(kid), 32)
		k, err := jwk.New(secrets[kid])
		if err != nil {
			t.Fatal(err)
		}
		k.Kid = kid
		set.Keys = append(set.Keys, k)
	}
	v := must(NewVerifier(set, []string{"HS256"}, Critical("exp")))
	type tc struct {
		tok, det []byte
		kid      string // "" when the token must fail
		payload  string
		crit     bool // AppendVerifyCompact refuses it
	}
	var cases []tc
	for _, kid := range []string{"a", "b", "c"} {
		for i, extra := range [][]jose.Member{nil, {{Name: "crit", Value: []byte(`["exp"]`)}, {Name: "exp", Value: []byte("1")}}} {
			payload := kid + string(rune('0'+i))
			k := SigningKey{Alg: "HS256", Key: secrets[kid], KeyID: kid, Protected: extra}
			tok, err := Sign([]byte(payload), k, nil)
			if err != nil {
				t.Fatal(err)
			}
			det, err := Sign([]byte(payload), k, &SignOptions{Detached: true})
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, tc{tok, det, kid, payload, extra != nil})
			// the same header signed by another key: refused
			other := map[string]string{"a": "b", "b": "c", "c": "a"}[kid]
			k.Key = secrets[other]
			bad, _ := Sign([]byte(payload), k, nil)
			badDet, _ := Sign([]byte(payload), k, &SignOptions{Detached: true})
			cases = append(cases, tc{bad, badDet, "", payload, extra != nil})
		}
	}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			for i := range 200 {
				c := cases[(i*7+g)%len(cases)]
				r, err := v.Verify(c.tok)
				if (err == nil) != (c.kid != "") || err == nil && (r.Key.Kid != c.kid || string(r.Payload) != c.payload) {
					t.Errorf("Verify %s: %+v, %v; want kid %q", c.tok, r, err, c.kid)
					return
				}
				p, err := v.AppendVerifyCompact(nil, c.tok)
				if !c.crit && ((err == nil) != (c.kid != "") || err == nil && string(p) != c.payload) {
					t.Errorf("AppendVerifyCompact %s: %q, %v; want kid %q", c.tok, p, err, c.kid)
					return
				}
				r, err = v.VerifyDetached(c.det, []byte(c.payload))
				if (err == nil) != (c.kid != "") || err == nil && r.Key.Kid != c.kid {
					t.Errorf("VerifyDetached %s: %+v, %v; want kid %q", c.det, r, err, c.kid)
					return
				}
				r, err = v.VerifyReader(c.det, bytes.NewReader([]byte(c.payload)))
				if (err == nil) != (c.kid != "") || err == nil && r.Key.Kid != c.kid {
					t.Errorf("VerifyReader %s: %+v, %v; want kid %q", c.det, r, err, c.kid)
					return
				}
			}
		})
	}
	wg.Wait()
}
