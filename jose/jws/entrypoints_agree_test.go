package jws_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// isSentinel reports whether err wraps one of the jose sentinels.
func isSentinel(err error) bool {
	for _, s := range []error{jose.ErrMalformed, jose.ErrCrit, jose.ErrAlgorithm, jose.ErrKey, jose.ErrVerify, jose.ErrLimit} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// TestEveryErrorWrapsSentinel: over mutated compact, flattened and general
// tokens (encoded, unencoded, detached), every error of Verify,
// VerifyDetached, VerifyEach (and each entry's), VerifyAll, VerifyReader,
// VerifyAllDetached, VerifyEachDetached (and each entry's),
// AppendVerifyCompact and Parse wraps a jose sentinel, so errors.Is can
// tell what went wrong.
func TestEveryErrorWrapsSentinel(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, alg := range []string{"HS256", "ES256", "EdDSA"} {
		priv := interopKeys()[alg]
		pub := publicOf(priv)
		v, _ := jws.NewVerifier(pub, []string{alg})
		key := jws.SigningKey{Alg: alg, Key: priv, KeyID: "k1"}
		payload := []byte(`{"sub":"alice"}`)
		var bases [][]byte
		for _, o := range []*jws.SignOptions{nil, {Unencoded: true}, {Detached: true}, {Detached: true, Unencoded: true}} {
			c, _ := jws.Sign(payload, key, o)
			f, _ := jws.SignJSON(payload, []jws.SigningKey{key}, true, o)
			g, _ := jws.SignJSON(payload, []jws.SigningKey{key, key}, false, o)
			bases = append(bases, c, f, g)
		}
		for _, base := range bases {
			for i := 0; i < 120; i++ {
				m := mutate(rng, base)
				if i == 0 {
					m = base
				}
				check := func(name string, err error) {
					if err != nil && !isSentinel(err) {
						t.Errorf("%s %s %q: %v not a sentinel", alg, name, m, err)
					}
				}
				_, err := v.Verify(m)
				check("Verify", err)
				_, err = v.VerifyDetached(m, payload)
				check("VerifyDetached", err)
				res, _, err := v.VerifyEach(m)
				check("VerifyEach", err)
				for _, r := range res {
					check("VerifyEach entry", r.Err)
				}
				_, err = v.VerifyAll(m)
				check("VerifyAll", err)
				_, err = v.VerifyReader(m, bytes.NewReader(payload))
				check("VerifyReader", err)
				_, err = v.VerifyAllDetached(m, payload)
				check("VerifyAllDetached", err)
				res, err = v.VerifyEachDetached(m, payload)
				check("VerifyEachDetached", err)
				for _, r := range res {
					check("VerifyEachDetached entry", r.Err)
				}
				_, err = v.AppendVerifyCompact(nil, m)
				check("AppendVerifyCompact", err)
				_, err = jws.Parse(m)
				check("Parse", err)
			}
		}
	}
}

// TestEntryPointsAgree: over mutated one-signature tokens, Verify,
// VerifyAll, VerifyEach and (compact) AppendVerifyCompact give one verdict
// and payload, and for detached ones VerifyDetached, VerifyReader,
// VerifyAllDetached and VerifyEachDetached give one verdict and sentinel,
// as VerifyReader's godoc says and the Detached forms' say of VerifyDetached.
func TestEntryPointsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, alg := range []string{"HS256", "ES256", "EdDSA"} {
		priv := interopKeys()[alg]
		pub := publicOf(priv)
		v, _ := jws.NewVerifier(pub, []string{alg})
		key := jws.SigningKey{Alg: alg, Key: priv, KeyID: "k1"}
		payload := []byte(`{"sub":"alice"}`)
		for _, o := range []*jws.SignOptions{nil, {Unencoded: true}, {Detached: true}, {Detached: true, Unencoded: true}} {
			c, _ := jws.Sign(payload, key, o)
			f, _ := jws.SignJSON(payload, []jws.SigningKey{key}, true, o)
			for _, base := range [][]byte{c, f} {
				for i := 0; i < 150; i++ {
					m := mutate(rng, base)
					if i == 0 {
						m = base
					}
					if o != nil && o.Detached {
						_, e1 := v.VerifyDetached(m, payload)
						_, e2 := v.VerifyReader(m, bytes.NewReader(payload))
						if (e1 == nil) != (e2 == nil) || e1 != nil && sentinelOf(e1) != sentinelOf(e2) {
							t.Errorf("%s %q: VerifyDetached %v, VerifyReader %v", alg, m, e1, e2)
						}
						_, e3 := v.VerifyAllDetached(m, payload)
						if (e1 == nil) != (e3 == nil) || e1 != nil && sentinelOf(e1) != sentinelOf(e3) {
							t.Errorf("%s %q: VerifyDetached %v, VerifyAllDetached %v", alg, m, e1, e3)
						}
						res, e4 := v.VerifyEachDetached(m, payload)
						if e4 == nil && len(res) == 1 {
							e4 = res[0].Err
						}
						if (e1 == nil) != (e4 == nil) || e1 != nil && sentinelOf(e1) != sentinelOf(e4) {
							t.Errorf("%s %q: VerifyDetached %v, VerifyEachDetached %v", alg, m, e1, e4)
						}
						continue
					}
					r1, e1 := v.Verify(m)
					_, e2 := v.VerifyAll(m)
					res, p, e3 := v.VerifyEach(m)
					ok3 := e3 == nil && len(res) == 1 && res[0].Err == nil
					var e4 error
					if m[0] != '{' {
						_, e4 = v.AppendVerifyCompact(nil, m)
						if (e1 == nil) != (e4 == nil) {
							t.Errorf("%s %q: Verify %v, AppendVerifyCompact %v", alg, m, e1, e4)
						}
					}
					if (e1 == nil) != (e2 == nil) || (e1 == nil) != ok3 {
						t.Errorf("%s %q: Verify %v, VerifyAll %v, VerifyEach %v %v", alg, m, e1, e2, e3, res)
					}
					if e1 == nil && !bytes.Equal(r1.Payload, p) {
						t.Errorf("payload differs")
					}
				}
			}
		}
	}
}

// sentinelOf returns the jose sentinel err wraps.
func sentinelOf(err error) error {
	for _, s := range []error{jose.ErrMalformed, jose.ErrCrit, jose.ErrAlgorithm, jose.ErrKey, jose.ErrVerify, jose.ErrLimit} {
		if errors.Is(err, s) {
			return s
		}
	}
	return err
}
