package std_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// nodeAEAD returns node's parameters for a: its cipher name, or for
// AES_CBC_HMAC_SHA2 the HMAC hash of the composition the script writes.
func nodeAEAD(a *gencrypto.AEAD) (nodeReq, bool) {
	r := nodeReq{TagLen: a.TagSize()}
	switch a {
	case gencrypto.A128GCM(), gencrypto.A192GCM(), gencrypto.A256GCM():
		r.Name = fmt.Sprintf("aes-%d-gcm", a.KeySize()*8)
	case gencrypto.AESCCM16_64_128(), gencrypto.AESCCM16_64_256(), gencrypto.AESCCM64_64_128(), gencrypto.AESCCM64_64_256(),
		gencrypto.AESCCM16_128_128(), gencrypto.AESCCM16_128_256(), gencrypto.AESCCM64_128_128(), gencrypto.AESCCM64_128_256():
		r.Name = fmt.Sprintf("aes-%d-ccm", a.KeySize()*8)
	case gencrypto.ChaCha20Poly1305():
		r.Name = "chacha20-poly1305"
	case gencrypto.A128CBCHS256(), gencrypto.A192CBCHS384(), gencrypto.A256CBCHS512():
		r.CBC = true
		r.Name = fmt.Sprintf("sha%d", a.TagSize()*16) // the tag is half the HMAC output
	default:
		return r, false
	}
	return r, true
}

// TestInteropNodeAEAD: for every AEAD of the registry, node opens what the
// std backend seals and the std backend opens what node seals, on random keys
// and nonces, plaintexts of 0 to 100 bytes (block-aligned and not) and
// associated data of 0, 1 and 20 bytes, then, for AES-CCM, of 2^16 bytes and
// more; a ciphertext with one bit changed is refused each way. For
// AES_CBC_HMAC_SHA2, node also authenticates hand-made padding, of which the
// registry opens only the valid PKCS #7 ones.
func TestInteropNodeAEAD(t *testing.T) {
	b := newNodeBatch(t)
	ptLens := []int{0, 1, 15, 16, 17, 31, 64, 100}
	aadLens := []int{0, 1, 20}
	n := 0
	for _, alg := range gencrypto.All() {
		a, ok := alg.(*gencrypto.AEAD)
		if !ok {
			continue
		}
		tmpl, ok := nodeAEAD(a)
		if !ok {
			t.Errorf("%s: no node counterpart in this test; add one", a)
			continue
		}
		n++
		cases := [][2]int{}
		for _, pl := range ptLens {
			for _, al := range aadLens {
				cases = append(cases, [2]int{pl, al})
			}
		}
		// Long inputs for AES-CCM, whose formatting depends on lengths: the
		// most a 13-byte nonce allows, associated data on both sides of
		// 2^16−2^8 (where the length encoding grows from 2 to 6 bytes), and
		// with a 7-byte nonce a plaintext of more than 2^16 bytes.
		if strings.HasPrefix(tmpl.Name, "aes-") && strings.HasSuffix(tmpl.Name, "-ccm") {
			cases = append(cases, [2]int{17, 65279}, [2]int{65535, 65280})
			if a.NonceSize() < 13 {
				cases = append(cases, [2]int{70000, 3})
			}
		}
		for _, c := range cases {
			pl, al := c[0], c[1]
			{
				key := randBytes(t, a.KeySize())
				aead, err := a.New(key, stdOpt)
				if err != nil {
					t.Fatalf("%s: %v", a, err)
				}
				pt, aad := randBytes(t, pl), randBytes(t, al)
				where := fmt.Sprintf("%s pt %d aad %d", a, pl, al)
				r := tmpl
				r.Key, r.AAD = key, aad

				// We seal, node opens; one bit of our ciphertext changed
				// (the first, in the body when there is one) fails.
				nonce := randBytes(t, a.NonceSize())
				ct := aead.Seal(nil, nonce, pt, aad)
				open := r
				open.Op, open.Nonce, open.Data = "aead-open", nonce, ct
				b.add(open, func(got nodeResp) {
					if got.Err != "" || !bytes.Equal(got.Out, pt) {
						t.Errorf("%s: node opening our ciphertext: %x, %s", where, trim(got.Out), got.Err)
					}
				})
				if pl == 17 && al == 1 {
					bad := open
					bad.Data = flip(ct, 0)
					b.add(bad, func(got nodeResp) {
						if got.Err == "" {
							t.Errorf("%s: node opened our ciphertext with a bit changed: %x", where, trim(got.Out))
						}
					})
				}

				// Node seals, we open; one bit of its tag changed fails.
				nonce2 := randBytes(t, a.NonceSize())
				seal := r
				seal.Op, seal.Nonce, seal.Data = "aead-seal", nonce2, pt
				tamper := pl == 17 && al == 1
				b.add(seal, func(got nodeResp) {
					if got.Err != "" {
						t.Errorf("%s: node sealing: %s", where, got.Err)
						return
					}
					if out, err := aead.Open(nil, nonce2, got.Out, aad); err != nil || !bytes.Equal(out, pt) {
						t.Errorf("%s: opening node's ciphertext %x: %x, %v", where, trim(got.Out), trim(out), err)
					}
					if want := aead.Seal(nil, nonce2, pt, aad); !bytes.Equal(got.Out, want) {
						t.Errorf("%s: node's ciphertext %x, ours %x", where, trim(got.Out), trim(want))
					}
					if tamper {
						if out, err := aead.Open(nil, nonce2, flip(got.Out, -1), aad); !errors.Is(err, gencrypto.ErrVerify) {
							t.Errorf("%s: opening node's ciphertext with a bit of the tag changed: %x, %v", where, trim(out), err)
						}
					}
				})
			}
		}
	}
	if n == 0 {
		t.Fatal("no AEAD in the registry")
	}

	// AES_CBC_HMAC_SHA2 with the padding made by hand and a correct tag
	// computed by node: only PKCS #7 padding of 1 to 16 bytes opens, and
	// every bad one fails like a bad tag (ErrVerify), even authenticated.
	for _, a := range []*gencrypto.AEAD{gencrypto.A128CBCHS256(), gencrypto.A192CBCHS384(), gencrypto.A256CBCHS512()} {
		tmpl, _ := nodeAEAD(a)
		for _, c := range []struct {
			padded []byte
			ok     bool
		}{
			{bytes.Repeat([]byte{16}, 16), true},
			{append(bytes.Repeat([]byte{'p'}, 29), 3, 3, 3), true},
			{append(bytes.Repeat([]byte{'p'}, 15), 0), false},
			{append(bytes.Repeat([]byte{'p'}, 15), 17), false},
			{append(bytes.Repeat([]byte{'p'}, 13), 2, 3, 3), false},
			{bytes.Repeat([]byte{17}, 32), false},
		} {
			key, nonce, aad := randBytes(t, a.KeySize()), randBytes(t, a.NonceSize()), randBytes(t, 5)
			aead, err := a.New(key, stdOpt)
			if err != nil {
				t.Fatal(err)
			}
			where := fmt.Sprintf("%s padded %x", a, c.padded)
			r := tmpl
			r.Op, r.Raw, r.Key, r.Nonce, r.AAD, r.Data = "aead-seal", true, key, nonce, aad, c.padded
			b.add(r, func(got nodeResp) {
				if got.Err != "" {
					t.Errorf("%s: node: %s", where, got.Err)
					return
				}
				out, err := aead.Open(nil, nonce, got.Out, aad)
				if c.ok {
					pad := int(c.padded[len(c.padded)-1])
					if err != nil || !bytes.Equal(out, c.padded[:len(c.padded)-pad]) {
						t.Errorf("%s: %x, %v", where, out, err)
					}
				} else if !errors.Is(err, gencrypto.ErrVerify) {
					t.Errorf("%s: opened as %x, %v", where, out, err)
				}
			})
		}
	}
	b.run(t)
}

// TestInteropNodeKeyWrap: for A128KW, A192KW and A256KW, node's id-aesNNN-wrap
// (RFC 3394) unwraps what the std backend wraps and the reverse, for keys of
// 16 to 64 bytes; a wrapped key with one bit changed is refused each way.
func TestInteropNodeKeyWrap(t *testing.T) {
	b := newNodeBatch(t)
	n := 0
	for _, alg := range gencrypto.All() {
		w, ok := alg.(*gencrypto.KeyWrap)
		if !ok {
			continue
		}
		n++
		name := fmt.Sprintf("id-aes%d-wrap", w.KeySize()*8)
		for i, kl := range []int{16, 24, 32, 40, 64} {
			kek, key := randBytes(t, w.KeySize()), randBytes(t, kl)
			where := fmt.Sprintf("%s key %d", w, kl)
			wrapped, err := w.Wrap(kek, key, stdOpt)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			b.add(nodeReq{Op: "unwrap", Name: name, Key: kek, Data: wrapped}, func(got nodeResp) {
				if got.Err != "" || !bytes.Equal(got.Out, key) {
					t.Errorf("%s: node unwrapping ours: %x, %s", where, got.Out, got.Err)
				}
			})
			b.add(nodeReq{Op: "wrap", Name: name, Key: kek, Data: key}, func(got nodeResp) {
				if got.Err != "" {
					t.Errorf("%s: node wrapping: %s", where, got.Err)
					return
				}
				if !bytes.Equal(got.Out, wrapped) {
					t.Errorf("%s: node wrapped %x, we %x", where, got.Out, wrapped)
				}
				if out, err := w.Unwrap(kek, got.Out, stdOpt); err != nil || !bytes.Equal(out, key) {
					t.Errorf("%s: unwrapping node's: %x, %v", where, out, err)
				}
				if i == 0 {
					if out, err := w.Unwrap(kek, flip(got.Out, -1), stdOpt); !errors.Is(err, gencrypto.ErrVerify) {
						t.Errorf("%s: unwrapping node's with a bit changed: %x, %v", where, out, err)
					}
				}
			})
			if i == 0 {
				b.add(nodeReq{Op: "unwrap", Name: name, Key: kek, Data: flip(wrapped, 3)}, func(got nodeResp) {
					if got.Err == "" {
						t.Errorf("%s: node unwrapped ours with a bit changed: %x", where, got.Out)
					}
				})
			}
		}
	}
	if n != 3 {
		t.Fatalf("%d key-wrap algorithms in the registry, want 3", n)
	}
	b.run(t)
}

// trim shortens p for a failure message.
func trim(p []byte) []byte {
	if len(p) > 48 {
		return p[:48]
	}
	return p
}
