package jws

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"hash"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// countHashed replaces sigVerify and newSigHash with wrappers that add the
// bytes they hash to *n, until the returned function restores them.
func countHashed(n *int) (restore func()) {
	savedVerify, savedHash := sigVerify, newSigHash
	sigVerify = func(s *gencrypto.Signature, pub crypto.PublicKey, msg, sig []byte, opts ...gencrypto.Option) error {
		*n += len(msg)
		return savedVerify(s, pub, msg, sig, opts...)
	}
	newSigHash = func(s *gencrypto.Signature, opts ...gencrypto.Option) (hash.Hash, error) {
		h, err := savedHash(s, opts...)
		if err != nil {
			return nil, err
		}
		return &countingHash{Hash: h, n: n}, nil
	}
	return func() { sigVerify, newSigHash = savedVerify, savedHash }
}

type countingHash struct {
	hash.Hash
	n *int
}

func (h *countingHash) Write(p []byte) (int, error) { *h.n += len(p); return h.Hash.Write(p) }

// TestKeySetHashesInputOnce: a token without "kid" is tried against every
// key of its algorithm's family in a key set, and for RS*, PS* and ES* the
// signing input's digest is the same for every key: it is hashed once per
// signature, not once per signature and key. (Before: each key hashed the
// whole signing input again, so 16 ES256 signatures over a 1 MiB payload
// cost 16·K passes over it for a set of K keys: 0.8 s with 32 keys, about
// 100 s with MaxSetKeys, for one message of 1.3 MB.)
func TestKeySetHashesInputOnce(t *testing.T) {
	const keys, sigs, p = 8, 4, 48 << 10
	set := &jwk.Set{}
	var signer *ecdsa.PrivateKey
	for range keys {
		pk, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		k, err := jwk.New(&pk.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		set.Keys = append(set.Keys, k)
		signer = pk // the last key signs: every other is tried first
	}
	v, err := NewVerifier(set, []string{"ES256"})
	if err != nil {
		t.Fatal(err)
	}
	payload := bytes.Repeat([]byte("p"), p)
	input := len(`eyJhbGciOiJFUzI1NiJ9.`) + (4*p+2)/3 // one signing input

	wrong := `{"protected":"eyJhbGciOiJFUzI1NiJ9","signature":"` + strings.Repeat("B", 85) + `A"}`
	good, err := SignJSON(payload, []SigningKey{{Alg: "ES256", Key: signer}}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(good)
	if err != nil {
		t.Fatal(err)
	}
	goodSig := `{"protected":"` + string(m.Signatures[0].Protected) + `","signature":"` +
		string(jose.AppendBase64URL(nil, m.Signatures[0].Signature)) + `"}`
	sigList := strings.Repeat(wrong+",", sigs-1) + goodSig
	attached := []byte(`{"payload":"` + string(jose.AppendBase64URL(nil, payload)) + `","signatures":[` + sigList + `]}`)
	detached := []byte(`{"signatures":[` + sigList + `]}`)
	compact, err := Sign(payload, SigningKey{Alg: "ES256", Key: signer}, nil)
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name   string
		passes int // signatures checked
		f      func() error
	}{
		{"Verify", sigs, func() error { _, err := v.Verify(attached); return err }},
		{"VerifyEach", sigs, func() error { _, _, err := v.VerifyEach(attached); return err }},
		{"VerifyDetached", sigs, func() error { _, err := v.VerifyDetached(detached, payload); return err }},
		{"VerifyReader", sigs, func() error { _, err := v.VerifyReader(detached, bytes.NewReader(payload)); return err }},
		{"compact", 1, func() error { _, err := v.Verify(compact); return err }},
	} {
		n := 0
		restore := countHashed(&n)
		err := tc.f()
		restore()
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		if limit := tc.passes * (input + 64); n > limit {
			t.Errorf("%s: %d signatures, %d keys: %d bytes hashed, want at most %d (one pass per signature)",
				tc.name, tc.passes, keys, n, limit)
		}
	}
	// VerifyAll fails at the first wrong signature, over all its keys.
	n := 0
	restore := countHashed(&n)
	_, err = v.VerifyAll(attached)
	restore()
	if !errors.Is(err, jose.ErrVerify) {
		t.Errorf("VerifyAll: %v, want ErrVerify", err)
	}
	if limit := input + 64; n > limit {
		t.Errorf("VerifyAll: %d bytes hashed, want at most %d", n, limit)
	}
}
