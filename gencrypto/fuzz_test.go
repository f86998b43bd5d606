package gencrypto_test

import (
	"bytes"
	"crypto"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/internal/corpus"
)

// Fuzz targets for the entry points that take attacker bytes: AEAD Open,
// signature Verify and key Unwrap. The invariant is the same for all:
// never panic, fail only with the documented error, and when the input is
// accepted it is exactly what the matching producer would have made.

var (
	fuzzAEADs = func() (out []*gencrypto.AEAD) {
		for _, a := range gencrypto.All() {
			if a, ok := a.(*gencrypto.AEAD); ok {
				out = append(out, a)
			}
		}
		return out
	}()
	fuzzKWs = []*gencrypto.KeyWrap{gencrypto.A128KW(), gencrypto.A192KW(), gencrypto.A256KW()}
)

// wycheproofSeeds returns (key, iv, aad, ct‖tag) of the first cases of a
// Wycheproof AEAD or key-wrap file, when the corpus is present; seeds are
// optional, so an absent corpus adds none.
func wycheproofSeeds(file string, max int) [][4][]byte {
	dir, err := corpus.Dir()
	if err != nil {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(dir, "wycheproof", "testvectors_v1", file))
	if err != nil {
		return nil
	}
	var f struct {
		TestGroups []struct {
			Tests []struct{ Key, IV, AAD, CT, Tag string } `json:"tests"`
		} `json:"testGroups"`
	}
	if json.Unmarshal(b, &f) != nil {
		return nil
	}
	var out [][4][]byte
	for _, g := range f.TestGroups {
		for _, tc := range g.Tests {
			if len(out) == max {
				return out
			}
			k, _ := hex.DecodeString(tc.Key)
			iv, _ := hex.DecodeString(tc.IV)
			aad, _ := hex.DecodeString(tc.AAD)
			ct, _ := hex.DecodeString(tc.CT + tc.Tag)
			out = append(out, [4][]byte{k, iv, aad, ct})
		}
	}
	return out
}

func FuzzAEADOpen(f *testing.F) {
	for i := range fuzzAEADs {
		f.Add(uint8(i), []byte{}, make([]byte, fuzzAEADs[i].NonceSize()), make([]byte, 32), []byte("aad"))
	}
	for _, file := range []string{"aes_gcm_test.json", "aes_ccm_test.json", "a128cbc_hs256_test.json", "chacha20_poly1305_test.json"} {
		for _, s := range wycheproofSeeds(file, 20) {
			for i, a := range fuzzAEADs {
				if len(s[0]) == a.KeySize() && len(s[1]) == a.NonceSize() {
					f.Add(uint8(i), s[0], s[1], s[3], s[2])
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, idx uint8, key, nonce, ct, aad []byte) {
		a := fuzzAEADs[int(idx)%len(fuzzAEADs)]
		c, err := a.New(key)
		if err != nil {
			if !errors.Is(err, gencrypto.ErrKeySize) {
				t.Fatalf("%s New(%d-byte key): %v", a, len(key), err)
			}
			return
		}
		pt, err := c.Open(nil, nonce, ct, aad)
		if err != nil {
			if err != gencrypto.ErrVerify || pt != nil {
				t.Fatalf("%s Open: %x, %v; want nil, ErrVerify", a, pt, err)
			}
			return
		}
		if again := c.Seal(nil, nonce, pt, aad); !bytes.Equal(again, ct) {
			t.Fatalf("%s: opened %x but Seal gives %x", a, ct, again)
		}
	})
}

func FuzzSignatureVerify(f *testing.F) {
	k := getKeys(f)
	type entry struct {
		alg *gencrypto.Signature
		pub crypto.PublicKey
	}
	algs := []entry{
		{gencrypto.ES256(), &k.p256.PublicKey}, {gencrypto.ES384(), &k.p384.PublicKey},
		{gencrypto.ES512(), &k.p521.PublicKey}, {gencrypto.EdDSA(), k.ed.Public()},
		{gencrypto.RS256(), &k.rsa.PublicKey}, {gencrypto.PS256(), &k.rsa.PublicKey},
	}
	signers := []crypto.Signer{k.p256, k.p384, k.p521, k.ed, k.rsa, k.rsa}
	for i, e := range algs {
		msg := []byte("signing input")
		sig, err := e.alg.Sign(signers[i], msg)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), msg, sig)
		f.Add(uint8(i), msg, make([]byte, len(sig)))
	}
	f.Fuzz(func(t *testing.T, idx uint8, msg, sig []byte) {
		e := algs[int(idx)%len(algs)]
		err := e.alg.Verify(e.pub, msg, sig)
		if err != nil && err != gencrypto.ErrVerify {
			t.Fatalf("%s Verify: %v; want nil or ErrVerify", e.alg, err)
		}
		if e.alg.Hash() == 0 {
			return
		}
		// The digest form decides exactly as the message form.
		if derr := e.alg.VerifyDigest(e.pub, digest(e.alg.Hash(), msg), sig); derr != err {
			t.Fatalf("%s: Verify says %v but VerifyDigest says %v", e.alg, err, derr)
		}
	})
}

func FuzzUnwrap(f *testing.F) {
	f.Add(uint8(0), make([]byte, 16), make([]byte, 24))
	f.Add(uint8(2), make([]byte, 32), make([]byte, 8))
	for _, s := range wycheproofSeeds("aes_wrap_test.json", 30) {
		for i, w := range fuzzKWs {
			if len(s[0]) == w.KeySize() {
				f.Add(uint8(i), s[0], s[3])
			}
		}
	}
	f.Fuzz(func(t *testing.T, idx uint8, kek, wrapped []byte) {
		w := fuzzKWs[int(idx)%len(fuzzKWs)]
		key, err := w.Unwrap(kek, wrapped)
		switch {
		case errors.Is(err, gencrypto.ErrKeySize):
			if len(kek) == w.KeySize() {
				t.Fatalf("%s: ErrKeySize for a %d-byte KEK", w, len(kek))
			}
		case errors.Is(err, gencrypto.ErrInvalidInput):
			if len(wrapped) >= 24 && len(wrapped)%8 == 0 {
				t.Fatalf("%s: ErrInvalidInput for %d bytes", w, len(wrapped))
			}
		case err == gencrypto.ErrVerify:
		case err != nil:
			t.Fatalf("%s Unwrap: %v", w, err)
		default:
			if again, err := w.Wrap(kek, key); err != nil || !bytes.Equal(again, wrapped) {
				t.Fatalf("%s: unwrapped %x but Wrap gives %x, %v", w, wrapped, again, err)
			}
		}
	})
}
