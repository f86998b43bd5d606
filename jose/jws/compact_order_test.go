package jws

import (
	"bytes"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestCompactCheckOrder: a compact token that is malformed (its signature
// or payload part not base64url, an empty signature, a payload beside a
// detached one) and also against the caller's policy (an algorithm not
// allowed, unknown or "none", an extension not understood) gets one error
// kind from every entry point. The compact path (Verify, AppendVerifyCompact,
// VerifyDetached) checks the header and the policy before the signature
// and payload parts (RFC 7515 §5.2), so the entry points that Parse the
// token whole (VerifyAll, VerifyEach, VerifyReader and the Detached forms)
// report the policy's error when Parse refuses the token; and the payload
// part is validated before the signature is checked. Before, "alg": "none"
// with an empty signature was jose.ErrAlgorithm from Verify and
// VerifyDetached but jose.ErrMalformed from the others (against
// VerifyReader's godoc: "returns the same error" as VerifyDetached), and a
// payload part that is not base64url was jose.ErrVerify from Verify.
func TestCompactCheckOrder(t *testing.T) {
	secret := testKeys()["HS256"].([]byte)
	v, err := NewVerifier(secret, []string{"HS256"})
	if err != nil {
		t.Fatal(err)
	}
	good := hs256(`{"alg":"HS256"}`, `{"a":1}`, secret)
	parts := bytes.Split(good, []byte("."))
	p, s := string(parts[1]), string(parts[2])
	tok := func(hdr, payload, sig string) []byte { return []byte(b64(hdr) + "." + payload + "." + sig) }
	for name, c := range map[string]struct {
		tok  []byte
		want error // what every attached entry point says
	}{
		"HS384 not allowed, signature not base64url": {tok(`{"alg":"HS384"}`, p, "!!!!"), jose.ErrAlgorithm},
		"none, empty signature":                      {tok(`{"alg":"none"}`, p, ""), jose.ErrAlgorithm},
		"unknown alg, signature not base64url":       {tok(`{"alg":"XX"}`, p, "!!"), jose.ErrAlgorithm},
		"HS384 not allowed, payload not base64url":   {tok(`{"alg":"HS384"}`, "a!b", s), jose.ErrAlgorithm},
		"payload not base64url, bad signature":       {tok(`{"alg":"HS256"}`, "a!b", s), jose.ErrMalformed},
		"extension not understood, bad signature":    {tok(`{"alg":"HS256","crit":["foo"],"foo":1}`, p, "!!"), jose.ErrCrit},
		"header not base64url, HS384 payload":        {[]byte("e!." + p + "." + s), jose.ErrMalformed},
		"empty crit, signature not base64url":        {tok(`{"alg":"HS256","crit":[]}`, p, "!!"), jose.ErrCrit},
		"HS384 not allowed, well formed":             {tok(`{"alg":"HS384"}`, p, s), jose.ErrAlgorithm},
		"extension not understood, well formed":      {tok(`{"alg":"HS256","crit":["foo"],"foo":1}`, p, s), jose.ErrCrit},
		"well formed, bad signature":                 {tok(`{"alg":"HS256","kid":"x"}`, p, s), jose.ErrVerify},
	} {
		errs := map[string]error{}
		_, errs["Verify"] = v.Verify(c.tok)
		_, errs["AppendVerifyCompact"] = v.AppendVerifyCompact(nil, c.tok)
		_, errs["VerifyAll"] = v.VerifyAll(c.tok)
		res, _, err := v.VerifyEach(c.tok)
		if err == nil {
			err = res[0].Err
		}
		errs["VerifyEach"] = err
		for api, err := range errs {
			if !errors.Is(err, c.want) {
				t.Errorf("%s: %s: %v, want %v", name, api, err, c.want)
			}
		}
		// the same parts, detached: the payload part goes to the caller
		i, j := bytes.IndexByte(c.tok, '.'), bytes.LastIndexByte(c.tok, '.')
		det := append(append(bytes.Clone(c.tok[:i]), '.', '.'), c.tok[j+1:]...)
		payload := []byte("x")
		_, want := v.VerifyDetached(det, payload)
		derrs := map[string]error{}
		_, derrs["VerifyAllDetached"] = v.VerifyAllDetached(det, payload)
		_, derrs["VerifyReader"] = v.VerifyReader(det, bytes.NewReader(payload))
		res, err = v.VerifyEachDetached(det, payload)
		if err == nil {
			err = res[0].Err
		}
		derrs["VerifyEachDetached"] = err
		for api, err := range derrs {
			if sentinel(err) != sentinel(want) {
				t.Errorf("%s, detached: VerifyDetached %v, %s %v", name, want, api, err)
			}
		}
		// a detached call given a token that carries a payload
		_, e1 := v.VerifyDetached(c.tok, payload)
		_, e2 := v.VerifyAllDetached(c.tok, payload)
		if sentinel(e1) != sentinel(e2) {
			t.Errorf("%s, payload beside a detached one: VerifyDetached %v, VerifyAllDetached %v", name, e1, e2)
		}
	}
}

// sentinel is the jose sentinel err wraps (the first of a fixed order).
func sentinel(err error) error {
	for _, s := range []error{jose.ErrMalformed, jose.ErrCrit, jose.ErrAlgorithm, jose.ErrKey, jose.ErrVerify, jose.ErrLimit} {
		if errors.Is(err, s) {
			return s
		}
	}
	return err
}
