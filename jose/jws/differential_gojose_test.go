package jws_test

// Differential verdicts against go-jose v4: for tokens that both libraries
// support, a signature that one accepts and the other refuses is a
// disagreement, which either is explained (a rule of lwscrypto's stricter
// parsing, listed in gojoseLaxer) or is a defect.

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	crand "crypto/rand"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"testing"

	gojose "github.com/go-jose/go-jose/v4"

	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// diffVerdict returns both libraries' verdicts on msg under key for alg.
func diffVerdict(t testing.TB, v *jws.Verifier, pub any, alg string, msg []byte) (ours, theirs bool, ourPayload, theirPayload []byte, ourErr, theirErr error) {
	t.Helper()
	r, err := v.Verify(msg)
	ourErr = err
	if err == nil {
		ours, ourPayload = true, r.Payload
	}
	obj, err := gojose.ParseSigned(string(msg), []gojose.SignatureAlgorithm{gojose.SignatureAlgorithm(alg)})
	if err != nil {
		return ours, false, ourPayload, nil, ourErr, err
	}
	_, _, p, err := obj.VerifyMulti(pub)
	theirErr = err
	if err == nil {
		theirs, theirPayload = true, p
	}
	return
}

// TestDifferentialGoJoseMutations: tokens of HS256 and ES256 in compact,
// flattened and general JSON form (also with a first signature by another
// key), each mutated at random (a byte changed,
// dropped or repeated; a span of the decoded protected header changed),
// get the same verdict from Verify as from go-jose v4's ParseSigned and
// VerifyMulti, or a verdict lwscrypto explains as stricter.
func TestDifferentialGoJoseMutations(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 1000
	if testing.Short() {
		n = 100
	}
	for _, alg := range []string{"HS256", "ES256"} {
		priv := interopKeys()[alg]
		pub := publicOf(priv)
		v, err := jws.NewVerifier(pub, []string{alg})
		if err != nil {
			t.Fatal(err)
		}
		key := jws.SigningKey{Alg: alg, Key: priv, KeyID: "k1"}
		payload := []byte(`{"sub":"alice"}`)
		compact, _ := jws.Sign(payload, key, nil)
		flat, _ := jws.SignJSON(payload, []jws.SigningKey{key}, true, nil)
		general, _ := jws.SignJSON(payload, []jws.SigningKey{key}, false, nil)
		// two signatures, the first by a key the verifier does not hold
		var otherKey any = bytes.Repeat([]byte{9}, 32)
		if alg == "ES256" {
			otherKey, _ = ecdsa.GenerateKey(elliptic.P256(), crand.Reader)
		}
		two, _ := jws.SignJSON(payload, []jws.SigningKey{{Alg: alg, Key: otherKey, KeyID: "k2"}, key}, false, nil)
		for _, base := range [][]byte{compact, flat, general, two} {
			ours, theirs, _, _, oe, te := diffVerdict(t, v, pub, alg, base)
			if !ours || !theirs {
				t.Fatalf("%s: the unmutated token: ours %v (%v), go-jose %v (%v)", alg, ours, oe, theirs, te)
			}
			for i := 0; i < n; i++ {
				m := mutate(rng, base)
				ours, theirs, op, tp, oe, te := diffVerdict(t, v, pub, alg, m)
				switch {
				case ours && theirs:
					if !bytes.Equal(op, tp) {
						t.Errorf("%s %q: payloads differ: %q vs go-jose %q", alg, m, op, tp)
					}
				case !ours && theirs && nonCanonicalB64(m):
					// go-jose decodes base64url leniently (non-zero
					// trailing bits) and verifies over a re-encoding;
					// lwscrypto refuses non-canonical base64url, so a
					// token has one spelling (malleability).
				case ours && errors.As(te, new(*gojose.ErrUnexpectedSignatureAlgorithm)) && bytes.Count(m, []byte(`"signature"`)) > 1:
					// go-jose refuses a whole general message when one
					// signature has an algorithm outside the list; Verify
					// skips that signature and returns the one that
					// verified (Result.Index; VerifyAll for all of them)
				case ours != theirs:
					t.Errorf("%s %q: ours %v (%v), go-jose %v (%v)", alg, m, ours, oe, theirs, te)
				}
			}
		}
	}
}

// nonCanonicalB64 reports whether some base64url part of msg (a compact
// part, or a JSON string value) decodes only leniently: non-zero trailing
// bits, which the strict decoder refuses.
func nonCanonicalB64(msg []byte) bool {
	var parts [][]byte
	if len(msg) > 0 && msg[0] != '{' {
		parts = bytes.Split(msg, []byte("."))
	} else {
		for _, q := range bytes.Split(msg, []byte(`"`)) {
			parts = append(parts, q)
		}
	}
	for _, p := range parts {
		if _, err := base64.RawURLEncoding.Strict().DecodeString(string(p)); err == nil {
			continue
		}
		if _, err := base64.RawURLEncoding.DecodeString(string(p)); err == nil {
			return true
		}
	}
	return false
}

// mutate returns a copy of b with one random change.
func mutate(rng *rand.Rand, b []byte) []byte {
	m := bytes.Clone(b)
	if len(m) == 0 {
		return m
	}
	i := rng.IntN(len(m))
	switch rng.IntN(4) {
	case 0:
		m[i] = byte(rng.IntN(256))
	case 1:
		m = append(m[:i], m[i+1:]...)
	case 2:
		m = append(m[:i+1], m[i:]...)
	case 3:
		m[i] = "AQgw_-=. {}\"\\:,[]ea01"[rng.IntN(21)]
	}
	return m
}
