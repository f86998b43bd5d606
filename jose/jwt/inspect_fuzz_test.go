package jwt

import (
	"bytes"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// FuzzInspect: Inspect, the unverified JWT parser, never panics; what it
// accepts has a header and claims whose Raw is the token's decoded
// payload, and a token it refuses yields no claims. (Its parts were fuzzed
// — jws.ParseCompact and the claims reader — but not Inspect itself.)
func FuzzInspect(f *testing.F) {
	tok := mustSign(f, claimSet())
	for _, s := range [][]byte{tok, append(bytes.Clone(tok), '.'), tok[:len(tok)-3],
		[]byte("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"), []byte("eyJhbGciOiJIUzI1NiJ9..c2ln"),
		[]byte("eyJhbGciOiJIUzI1NiJ9.W10.c2ln"), []byte("..."), []byte("")} {
		f.Add(s)
	}
	// headers no verifier accepts (no "alg", a "crit" against RFC 7515
	// §4.1.11, a "b64" not in "crit"), and one only policy refuses
	for _, h := range []string{`{"typ":"JWT"}`, `{"alg":"HS256","crit":[]}`, `{"alg":"HS256","crit":["exp"]}`,
		`{"alg":"HS256","crit":["alg"]}`, `{"alg":"HS256","crit":["exp","exp"],"exp":1}`,
		`{"alg":"HS256","b64":true}`, `{"alg":"HS256","crit":["exp"],"exp":1}`, `{"alg":"none"}`} {
		f.Add(append(jose.AppendBase64URL(nil, []byte(h)), ".e30.c2ln"...))
	}
	v := hsVerifier(f, Validator{})
	f.Fuzz(func(t *testing.T, tok []byte) {
		h, c, err := Inspect(tok)
		// what a Verifier accepts, Inspect shows, with the same claims
		if vc, verr := v.Verify(tok); verr == nil && (err != nil || !bytes.Equal(vc.Raw, c.Raw)) {
			t.Fatalf("%q: Verify accepts it, Inspect: %v", tok, err)
		}
		if err != nil {
			if c != nil {
				t.Fatalf("%q: claims with an error", tok)
			}
			return
		}
		if h == nil || c == nil {
			t.Fatalf("%q: nil header or claims without an error", tok)
		}
		if h.Alg == "" {
			t.Fatalf(`%q: Inspect shows a header without "alg"`, tok)
		}
		i, j := bytes.IndexByte(tok, '.'), bytes.LastIndexByte(tok, '.')
		p, err := jose.DecodeBase64URL(tok[i+1 : j])
		if err != nil || !bytes.Equal(p, c.Raw) {
			t.Fatalf("%q: claims %q, payload %q (%v)", tok, c.Raw, p, err)
		}
		c.Issuer()
		c.Audience()
		c.ExpiresAt()
		c.NotBefore()
		for _, n := range c.Names() {
			if _, ok := c.Get(n); !ok {
				t.Fatalf("%q: Names lists %q, Get does not find it", tok, n)
			}
		}
		var v map[string]any
		c.Decode(&v)
	})
}
