package jws

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
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
	set, signer := es256Set(t, keys) // the last key signs: every other is tried first
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

// TestKeySetWithoutKidEveryAlgorithm: with the digest shared by the keys
// of a set, a token without "kid" still verifies under the key that signed
// it, placed after another key of its family, and fails for a tampered
// payload, for every algorithm and every entry point.
func TestKeySetWithoutKidEveryAlgorithm(t *testing.T) {
	other := map[string]any{}
	rk, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p521, _ := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	for _, a := range []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"} {
		other[a] = &rk.PublicKey
	}
	other["ES256"], other["ES384"], other["ES512"] = &p256.PublicKey, &p384.PublicKey, &p521.PublicKey
	other["EdDSA"], other["Ed25519"] = ed.Public(), ed.Public()
	for _, a := range []string{"HS256", "HS384", "HS512"} {
		other[a] = bytes.Repeat([]byte{9}, 64)
	}
	payload := []byte("a payload for a set")
	for _, alg := range Algorithms() {
		set := &jwk.Set{}
		for _, k := range []any{other[alg], verifyKey(alg)} {
			jk, err := jwk.New(k)
			if err != nil {
				t.Fatal(err)
			}
			set.Keys = append(set.Keys, jk)
		}
		v, err := NewVerifier(set, []string{alg})
		if err != nil {
			t.Fatal(err)
		}
		key := SigningKey{Alg: alg, Key: testKeys()[alg]}
		compact := mustBytes(Sign(payload, key, nil))
		general := mustBytes(SignJSON(payload, []SigningKey{key, key}, false, nil))
		detached := mustBytes(SignJSON(payload, []SigningKey{key}, false, &SignOptions{Detached: true}))
		for name, f := range map[string]func(p []byte) error{
			"compact": func(p []byte) error {
				if bytes.Equal(p, payload) {
					_, err := v.Verify(compact)
					return err
				}
				_, err := v.VerifyDetached(mustBytes(Sign(payload, key, &SignOptions{Detached: true})), p)
				return err
			},
			"VerifyDetached": func(p []byte) error { _, err := v.VerifyDetached(detached, p); return err },
			"VerifyReader":   func(p []byte) error { _, err := v.VerifyReader(detached, bytes.NewReader(p)); return err },
			"VerifyAll": func(p []byte) error {
				if !bytes.Equal(p, payload) {
					return errors.New("skip")
				}
				_, err := v.VerifyAll(general)
				return err
			},
		} {
			if err := f(payload); err != nil {
				t.Errorf("%s %s: %v", alg, name, err)
			}
			if err := f([]byte("another payload")); err == nil {
				t.Errorf("%s %s: a tampered payload verified", alg, name)
			}
		}
		if r, err := v.Verify(compact); err != nil || r.Key != set.Keys[1] {
			t.Errorf("%s: Result.Key is not the signing key (%v)", alg, err)
		}
	}
}

// es256Set returns a set of n new ES256 public keys without kids and the
// private key of its last one.
func es256Set(t *testing.T, n int) (*jwk.Set, *ecdsa.PrivateKey) {
	t.Helper()
	set, privs := es256Keys(t, n)
	return set, privs[n-1]
}
