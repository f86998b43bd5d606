package jws

import (
	"bytes"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestCritSentinel: every violation of RFC 7515 §4.1.11 and RFC 7797 §6 is
// jose.ErrCrit, as the package doc says, on every entry point and in every
// serialization: an empty "crit", one that is not an array of strings, an
// empty name, a duplicate, a registered header name, a name the header does
// not have (or has only unprotected), an extension not understood, "b64"
// not listed, and "crit" or "b64" outside the protected header.
func TestCritSentinel(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v := must(NewVerifier(secret, []string{"HS256"}, Critical("exp")))
	protected := []string{
		`{"alg":"HS256","crit":[]}`,
		`{"alg":"HS256","crit":null}`,
		`{"alg":"HS256","crit":"exp","exp":1}`,
		`{"alg":"HS256","crit":[1]}`,
		`{"alg":"HS256","crit":[""]}`,
		`{"alg":"HS256","crit":["exp","exp"],"exp":1}`,
		`{"alg":"HS256","crit":["kid"],"kid":"k"}`,
		`{"alg":"HS256","crit":["x5t#S256"]}`,
		`{"alg":"HS256","crit":["exp"]}`,
		`{"alg":"HS256","crit":["nope"],"nope":1}`,
		`{"alg":"HS256","crit":["b64"]}`,
		`{"alg":"HS256","b64":false}`,
		`{"alg":"HS256","b64":true}`,
		`{"alg":"HS256","b64":false,"crit":["exp"],"exp":1}`,
	}
	for _, hdr := range protected {
		tok := hs256(hdr, "payload", secret)
		det := append(bytes.Clone(tok[:bytes.IndexByte(tok, '.')+1]), tok[bytes.LastIndexByte(tok, '.'):]...)
		_, err1 := v.Verify(tok)
		_, err2 := v.AppendVerifyCompact(nil, tok)
		_, err3 := v.VerifyAll(tok)
		each, _, err4 := v.VerifyEach(tok)
		if err4 == nil {
			err4 = each[0].Err
		}
		_, err5 := v.VerifyDetached(det, []byte("payload"))
		_, err6 := v.VerifyReader(det, bytes.NewReader([]byte("payload")))
		for i, err := range []error{err1, err2, err3, err4, err5, err6} {
			if !errors.Is(err, jose.ErrCrit) {
				t.Errorf("%s, entry point %d: %v, want jose.ErrCrit", hdr, i+1, err)
			}
		}
		// the same protected header in a JSON serialization
		js := []byte(`{"payload":"cGF5bG9hZA","protected":"` + string(tok[:bytes.IndexByte(tok, '.')]) +
			`","signature":"` + string(tok[bytes.LastIndexByte(tok, '.')+1:]) + `"}`)
		if _, err := v.Verify(js); !errors.Is(err, jose.ErrCrit) {
			t.Errorf("%s, flattened JSON: %v, want jose.ErrCrit", hdr, err)
		}
	}
	// "crit" or "b64" unprotected, or a critical name only unprotected
	for _, tc := range []struct{ prot, unprot string }{
		{`{"alg":"HS256"}`, `{"crit":["exp"],"exp":1}`},
		{`{"alg":"HS256","exp":1}`, `{"crit":["exp"]}`},
		{`{"alg":"HS256","crit":["exp"]}`, `{"exp":1}`},
		{`{"alg":"HS256","crit":["b64"]}`, `{"b64":true}`},
		{`{"alg":"HS256"}`, `{"b64":true}`},
	} {
		prot := b64(tc.prot)
		tok := hs256(tc.prot, "payload", secret)
		sig := string(tok[bytes.LastIndexByte(tok, '.')+1:])
		js := []byte(`{"payload":"cGF5bG9hZA","protected":"` + prot + `","header":` + tc.unprot + `,"signature":"` + sig + `"}`)
		_, err1 := v.Verify(js)
		_, err2 := v.VerifyAll(js)
		each, _, err3 := v.VerifyEach(js)
		if err3 == nil {
			err3 = each[0].Err
		}
		for i, err := range []error{err1, err2, err3} {
			if !errors.Is(err, jose.ErrCrit) {
				t.Errorf("%s + %s, entry point %d: %v, want jose.ErrCrit", tc.prot, tc.unprot, i+1, err)
			}
		}
	}
}
