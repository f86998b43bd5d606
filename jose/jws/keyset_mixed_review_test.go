package jws

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"sync"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// TestSharedDigestMixedSetPinsHeaderAlg checks that the digest shared by
// the keys of a set is only ever checked under the header's algorithm: a
// set mixing keys pinned to RS256 and PS256 (the same RSA material), or to
// ES256 and ES384, with a general JSON JWS whose first signature (another
// protected header, another algorithm, a key outside the set) fails and
// whose second verifies, reports index 1 and the key pinned to the
// header's algorithm on every path, attached, detached, unencoded and
// streamed; and a tampered payload fails with the same opaque error a
// single key gives.
func TestSharedDigestMixedSetPinsHeaderAlg(t *testing.T) {
	rk, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	outsider, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p256b, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	pinned := func(pub any, alg string) *jwk.Key {
		k, err := jwk.New(pub)
		if err != nil {
			t.Fatal(err)
		}
		k.Alg = alg
		return k
	}
	for _, c := range []struct {
		alg, other string
		signer     any
		firstKey   any // signs signature 0 under other
		set        []*jwk.Key
		want       int // index in set of the key that must verify
	}{
		{"PS256", "RS256", rk, outsider, []*jwk.Key{pinned(&rk.PublicKey, "RS256"), pinned(&outsider.PublicKey, ""), pinned(&rk.PublicKey, "PS256")}, 2},
		{"RS256", "PS256", rk, outsider, []*jwk.Key{pinned(&rk.PublicKey, "PS256"), pinned(&outsider.PublicKey, "RS256"), pinned(&rk.PublicKey, "RS256")}, 2},
		{"ES384", "ES256", p384, p256b, []*jwk.Key{pinned(&p256.PublicKey, ""), pinned(&p256b.PublicKey, "ES256"), pinned(&p384.PublicKey, "")}, 2},
		{"ES256", "ES384", p256, p384, []*jwk.Key{pinned(&p384.PublicKey, "ES384"), pinned(&p256b.PublicKey, ""), pinned(&p256.PublicKey, "ES256")}, 2},
	} {
		set := &jwk.Set{Keys: c.set}
		v, err := NewVerifier(set, []string{c.alg, c.other})
		if err != nil {
			t.Fatal(err)
		}
		payload := []byte("a payload two signatures share")
		keys := []SigningKey{{Alg: c.other, Key: c.firstKey}, {Alg: c.alg, Key: c.signer}}
		// Signature 0 by a key outside the set for its algorithm:
		// (for RS/PS the outsider is in the set but pinned elsewhere or unpinned).
		if c.alg[0] == 'P' || c.alg[0] == 'R' {
			k3, _ := rsa.GenerateKey(rand.Reader, 2048)
			keys[0].Key = k3
		} else {
			k3, _ := ecdsa.GenerateKey(map[string]elliptic.Curve{"ES256": elliptic.P256(), "ES384": elliptic.P384()}[c.other], rand.Reader)
			keys[0].Key = k3
		}
		for _, unenc := range []bool{false, true} {
			general := mustBytes(SignJSON(payload, keys, false, &SignOptions{Unencoded: unenc}))
			detached := mustBytes(SignJSON(payload, keys, false, &SignOptions{Unencoded: unenc, Detached: true}))
			paths := map[string]func(p []byte) (*Result, error){
				"Verify":         func(p []byte) (*Result, error) { return v.Verify(general) },
				"VerifyDetached": func(p []byte) (*Result, error) { return v.VerifyDetached(detached, p) },
				"VerifyReader":   func(p []byte) (*Result, error) { return v.VerifyReader(detached, bytes.NewReader(p)) },
			}
			for name, f := range paths {
				r, err := f(payload)
				if err != nil {
					t.Errorf("%s unencoded=%v %s: %v", c.alg, unenc, name, err)
					continue
				}
				if r.Index != 1 || r.Key != set.Keys[c.want] {
					t.Errorf("%s unencoded=%v %s: index %d key %p, want 1 %p", c.alg, unenc, name, r.Index, r.Key, set.Keys[c.want])
				}
				if name == "Verify" {
					continue
				}
				_, err = f([]byte("another payload"))
				if !errors.Is(err, jose.ErrVerify) {
					t.Errorf("%s unencoded=%v %s: tampered: %v", c.alg, unenc, name, err)
				}
			}
			res, p, err := v.VerifyEach(general)
			if err != nil || !bytes.Equal(p, payload) || res[0].Err == nil || res[1].Err != nil || res[1].Key != set.Keys[c.want] {
				t.Errorf("%s unencoded=%v VerifyEach: %v %q %+v", c.alg, unenc, err, p, res)
			}
		}
	}
}

// TestConcurrentVerifySetSharedDigest verifies tokens of different
// payloads concurrently with one Verifier over a set without "kid", where
// the keys tried over one signing input share its digest: a digest shared
// across calls would verify a payload it was not computed over, or fail
// one that was (and -race would see it).
func TestConcurrentVerifySetSharedDigest(t *testing.T) {
	var set jwk.Set
	var signers []*ecdsa.PrivateKey
	for range 3 {
		k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		jk, err := jwk.New(&k.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		set.Keys = append(set.Keys, jk)
		signers = append(signers, k)
	}
	v, err := NewVerifier(&set, []string{"ES256", "PS256"})
	if err != nil {
		t.Fatal(err)
	}
	type tc struct {
		tok, det, payload []byte
		key               int
	}
	var cases []tc
	for i := range 6 {
		p := []byte{'p', byte('0' + i)}
		k := SigningKey{Alg: "ES256", Key: signers[i%3]}
		cases = append(cases, tc{mustBytes(Sign(p, k, nil)), mustBytes(Sign(p, k, &SignOptions{Detached: true})), p, i % 3})
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 60 {
				c := cases[(i*5+g)%len(cases)]
				r, err := v.Verify(c.tok)
				if err != nil || r.Key != set.Keys[c.key] || !bytes.Equal(r.Payload, c.payload) {
					t.Errorf("Verify: %+v %v", r, err)
					return
				}
				if r, err = v.VerifyReader(c.det, bytes.NewReader(c.payload)); err != nil || r.Key != set.Keys[c.key] {
					t.Errorf("VerifyReader: %+v %v", r, err)
					return
				}
				if _, err = v.VerifyDetached(c.det, append([]byte{'x'}, c.payload...)); !errors.Is(err, jose.ErrVerify) {
					t.Errorf("VerifyDetached tampered: %v", err)
					return
				}
			}
		})
	}
	wg.Wait()
}
