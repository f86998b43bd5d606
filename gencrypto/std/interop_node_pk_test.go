package std_test

import (
	"bytes"
	"crypto"
	"crypto/ecdh"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// nodeHash is node's name for h.
func nodeHash(h crypto.Hash) string {
	return strings.ToLower(strings.ReplaceAll(h.String(), "-", ""))
}

// TestInteropNodeRSAOAEP: for RSA-OAEP with SHA-1, SHA-256, SHA-384 and
// SHA-512 (OAEP and MGF1 hash alike), node decrypts what the registry
// encrypts and the registry decrypts what node encrypts, for messages from
// 0 bytes to the longest the key takes and ciphertexts whose first byte is
// zero; the backend's label, which the
// registry always leaves empty, round-trips too. A ciphertext with one bit
// changed is refused each way.
func TestInteropNodeRSAOAEP(t *testing.T) {
	b := newNodeBatch(t)
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	priv, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, alg := range gencrypto.All() {
		k, ok := alg.(*gencrypto.KeyEncryption)
		if !ok {
			continue
		}
		n++
		h := nodeHash(k.Hash())
		max := key.Size() - 2*k.Hash().Size() - 2
		for i, ml := range []int{0, 1, 16, 32, 33, max} {
			msg := randBytes(t, ml)
			where := fmt.Sprintf("%s msg %d", k, ml)
			ct, err := k.Encrypt(&key.PublicKey, msg, stdOpt)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			b.add(nodeReq{Op: "oaep-decrypt", Hash: h, Key: priv, Data: ct}, func(got nodeResp) {
				if got.Err != "" || !bytes.Equal(got.Out, msg) {
					t.Errorf("%s: node decrypting ours: %x, %s", where, got.Out, got.Err)
				}
			})
			b.add(nodeReq{Op: "oaep-encrypt", Hash: h, Pub: pub, Data: msg}, func(got nodeResp) {
				if got.Err != "" {
					t.Errorf("%s: node encrypting: %s", where, got.Err)
					return
				}
				if out, err := k.Decrypt(key, got.Out, stdOpt); err != nil || !bytes.Equal(out, msg) {
					t.Errorf("%s: decrypting node's: %x, %v", where, out, err)
				}
				if i == 2 {
					if out, err := k.Decrypt(key, flip(got.Out, 100), stdOpt); !errors.Is(err, gencrypto.ErrVerify) {
						t.Errorf("%s: decrypting node's with a bit changed: %x, %v", where, out, err)
					}
				}
			})
			if i == 2 {
				b.add(nodeReq{Op: "oaep-decrypt", Hash: h, Key: priv, Data: flip(ct, 100)}, func(got nodeResp) {
					if got.Err == "" {
						t.Errorf("%s: node decrypted ours with a bit changed: %x", where, got.Out)
					}
				})
			}
		}

		// Ciphertexts beginning with a zero byte, which a k-byte integer
		// encoding keeps and a careless one drops, each way.
		msg := randBytes(t, 32)
		where := fmt.Sprintf("%s leading zero", k)
		var ct []byte
		for j := 0; ; j++ {
			if j == 1<<14 {
				t.Fatalf("%s: no ciphertext with a leading zero byte in %d", where, j)
			}
			if ct, err = k.Encrypt(&key.PublicKey, msg, stdOpt); err != nil {
				t.Fatal(err)
			}
			if ct[0] == 0 {
				break
			}
		}
		b.add(nodeReq{Op: "oaep-decrypt", Hash: h, Key: priv, Data: ct}, func(got nodeResp) {
			if got.Err != "" || !bytes.Equal(got.Out, msg) {
				t.Errorf("%s: node decrypting ours: %x, %s", where, got.Out, got.Err)
			}
		})
		b.add(nodeReq{Op: "oaep-encrypt", Hash: h, Pub: pub, Data: msg, LZ: true}, func(got nodeResp) {
			if got.Err != "" || len(got.Out) != key.Size() || got.Out[0] != 0 {
				t.Errorf("%s: node encrypting: %x, %s", where, got.Out, got.Err)
				return
			}
			if out, err := k.Decrypt(key, got.Out, stdOpt); err != nil || !bytes.Equal(out, msg) {
				t.Errorf("%s: decrypting node's: %x, %v", where, out, err)
			}
		})

		// The label, through the backend (the registry has no option for
		// one: JOSE and COSE use none).
		be := std.New()
		label := []byte("interop label \x00\xff")
		lwhere := fmt.Sprintf("%s with a label", k)
		lct, err := be.EncryptOAEP(k.Hash(), &key.PublicKey, msg, label)
		if err != nil {
			t.Fatalf("%s: %v", lwhere, err)
		}
		b.add(nodeReq{Op: "oaep-decrypt", Hash: h, Key: priv, Data: lct, Label: label}, func(got nodeResp) {
			if got.Err != "" || !bytes.Equal(got.Out, msg) {
				t.Errorf("%s: node decrypting ours: %x, %s", lwhere, got.Out, got.Err)
			}
		})
		b.add(nodeReq{Op: "oaep-decrypt", Hash: h, Key: priv, Data: lct, Label: label[1:]}, func(got nodeResp) {
			if got.Err == "" {
				t.Errorf("%s: node decrypted ours under another label: %x", lwhere, got.Out)
			}
		})
		b.add(nodeReq{Op: "oaep-encrypt", Hash: h, Pub: pub, Data: msg, Label: label}, func(got nodeResp) {
			if got.Err != "" {
				t.Errorf("%s: node encrypting: %s", lwhere, got.Err)
				return
			}
			if out, err := be.DecryptOAEP(k.Hash(), key, got.Out, label); err != nil || !bytes.Equal(out, msg) {
				t.Errorf("%s: decrypting node's: %x, %v", lwhere, out, err)
			}
			if out, err := be.DecryptOAEP(k.Hash(), key, got.Out, nil); err == nil {
				t.Errorf("%s: decrypted node's without its label: %x", lwhere, out)
			}
			if out, err := k.Decrypt(key, got.Out, stdOpt); !errors.Is(err, gencrypto.ErrVerify) {
				t.Errorf("%s: the registry (empty label) decrypted node's: %x, %v", lwhere, out, err)
			}
		})
	}
	if n != 4 {
		t.Fatalf("%d RSA-OAEP algorithms in the registry, want 4", n)
	}
	b.run(t)
}

// nodeCurve is node's name for the curve of k.
func nodeCurve(k *gencrypto.KeyAgreement) (string, bool) {
	switch k.Curve() {
	case gencrypto.CurveP256:
		return "prime256v1", true
	case gencrypto.CurveP384:
		return "secp384r1", true
	case gencrypto.CurveP521:
		return "secp521r1", true
	case gencrypto.CurveX25519:
		return "x25519", true
	}
	return "", false
}

// TestInteropNodeKeyAgreement: for ECDH on P-256, P-384, P-521 and X25519,
// node and the registry each generate a key, exchange public keys (raw
// uncompressed points for the NIST curves, a JWK for X25519 on node's side)
// and compute the same shared secret from their own private key; node, given
// both keys as PKCS #8 and SPKI DER, computes a secret whose first byte is
// zero as the registry does, keeping the zero. A point off
// its curve (NIST) or of low order (X25519) is refused by both.
func TestInteropNodeKeyAgreement(t *testing.T) {
	b := newNodeBatch(t)
	n := 0
	for _, alg := range gencrypto.All() {
		k, ok := alg.(*gencrypto.KeyAgreement)
		if !ok {
			continue
		}
		name, ok := nodeCurve(k)
		if !ok {
			t.Errorf("%s: no node counterpart in this test; add one", k)
			continue
		}
		n++
		for i := range 8 {
			priv, err := k.GenerateKey()
			if err != nil {
				t.Fatal(err)
			}
			where := fmt.Sprintf("%s #%d", k, i)
			b.add(nodeReq{Op: "ecdh", Name: name, Pub: priv.PublicKey().Bytes()}, func(got nodeResp) {
				if got.Err != "" {
					t.Errorf("%s: node: %s", where, got.Err)
					return
				}
				peer, err := k.ECDHCurve().NewPublicKey(got.Pub)
				if err != nil {
					t.Errorf("%s: node's public key %x: %v", where, got.Pub, err)
					return
				}
				z, err := k.SharedSecret(priv, peer, stdOpt)
				if err != nil || !bytes.Equal(z, got.Out) {
					t.Errorf("%s: our secret %x (%v), node's %x", where, z, err, got.Out)
				}
				if i == 0 && k.Curve() != gencrypto.CurveX25519 {
					// A changed coordinate leaves the curve.
					if _, err := k.ECDHCurve().NewPublicKey(flip(got.Pub, -1)); err == nil {
						t.Errorf("%s: node's point with a bit changed accepted", where)
					}
				}
			})
		}
		// A pair whose shared secret begins with a zero byte, node given
		// both keys as DER (PKCS #8, SPKI): no side may drop the zero.
		a, c, z := leadingZeroPair(t, k)
		ader, err := x509.MarshalPKCS8PrivateKey(a)
		if err != nil {
			t.Fatal(err)
		}
		cder, err := x509.MarshalPKIXPublicKey(c.PublicKey())
		if err != nil {
			t.Fatal(err)
		}
		b.add(nodeReq{Op: "ecdh-der", Key: ader, Pub: cder}, func(got nodeResp) {
			if got.Err != "" || !bytes.Equal(got.Out, z) {
				t.Errorf("%s: node's secret %x (%s), ours %x", k, got.Out, got.Err, z)
			}
		})
		if k.Curve() == gencrypto.CurveX25519 {
			// u = 0 and u = 1 are of low order: the secret would be zero
			// (RFC 7748 §6.1).
			priv, err := k.GenerateKey()
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range []byte{0, 1} {
				low := make([]byte, 32)
				low[0] = u
				where := fmt.Sprintf("%s low-order u=%d", k, u)
				peer, err := k.ECDHCurve().NewPublicKey(low)
				if err != nil {
					t.Fatal(err)
				}
				if z, err := k.SharedSecret(priv, peer, stdOpt); !errors.Is(err, gencrypto.ErrInvalidInput) {
					t.Errorf("%s: we computed %x, %v", where, z, err)
				}
				b.add(nodeReq{Op: "ecdh", Name: name, Pub: low}, func(got nodeResp) {
					if got.Err == "" {
						t.Errorf("%s: node computed %x", where, got.Out)
					}
				})
			}
		} else {
			priv, err := k.GenerateKey()
			if err != nil {
				t.Fatal(err)
			}
			where := fmt.Sprintf("%s off-curve point", k)
			b.add(nodeReq{Op: "ecdh", Name: name, Pub: flip(priv.PublicKey().Bytes(), -1)}, func(got nodeResp) {
				if got.Err == "" {
					t.Errorf("%s: node computed %x", where, got.Out)
				}
			})
		}
	}
	if n != 4 {
		t.Fatalf("%d key agreements in the registry, want 4", n)
	}
	b.run(t)
}

// TestInteropNodeKDF: HKDF (node's hkdfSync), PBKDF2 (pbkdf2Sync) and the
// Concat KDF (written in the node script from RFC 7518 §4.6.2 and SP 800-56A
// §5.8.1) give the registry's output for random inputs of several lengths,
// empty ones and ones longer than an HMAC block included, and output lengths
// within, at and across hash blocks up to HKDF's maximum (one byte more is
// refused by both);
// changing one bit of any input changes node's output away from ours.
func TestInteropNodeKDF(t *testing.T) {
	b := newNodeBatch(t)
	expect := func(where string, want []byte) func(nodeResp) {
		return func(got nodeResp) {
			if got.Err != "" || !bytes.Equal(got.Out, want) {
				t.Errorf("%s: node %x (%s), we %x", where, got.Out, got.Err, want)
			}
		}
	}
	differ := func(where string, ours []byte) func(nodeResp) {
		return func(got nodeResp) {
			if got.Err != "" || bytes.Equal(got.Out, ours) {
				t.Errorf("%s: node %x (%s) for a changed input, we %x for the original", where, got.Out, got.Err, ours)
			}
		}
	}
	kinds := map[string]int{}
	for _, alg := range gencrypto.All() {
		switch k := alg.(type) {
		case *gencrypto.HKDF:
			kinds["hkdf"]++
			h, hl := nodeHash(k.Hash()), k.Hash().Size()
			for _, sl := range []int{0, 16, 32, 100} {
				for _, saltl := range []int{0, 16, 64, 200} {
					for _, il := range []int{0, 10} {
						for _, ol := range []int{1, hl, hl + 1, 3*hl + 5} {
							secret, salt, info := randBytes(t, sl), randBytes(t, saltl), randBytes(t, il)
							where := fmt.Sprintf("%s secret %d salt %d info %d len %d", k, sl, saltl, il, ol)
							out, err := k.Derive(secret, salt, info, ol, stdOpt)
							if err != nil {
								t.Fatalf("%s: %v", where, err)
							}
							r := nodeReq{Op: "hkdf", Hash: h, Key: secret, Salt: salt, Info: info, Len: ol}
							b.add(r, expect(where, out))
							if sl == 32 && saltl == 16 && il == 10 && ol == hl+1 {
								for _, m := range []func(*nodeReq){
									func(r *nodeReq) { r.Key = flip(r.Key, 0) },
									func(r *nodeReq) { r.Salt = flip(r.Salt, -1) },
									func(r *nodeReq) { r.Info = flip(r.Info, 5) },
								} {
									bad := r
									m(&bad)
									b.add(bad, differ(where, out))
								}
							}
						}
					}
				}
			}
			// The longest output RFC 5869 allows, and one byte more,
			// which both refuse.
			secret, info := randBytes(t, 32), randBytes(t, 300)
			where := fmt.Sprintf("%s info 300 len %d", k, 255*hl)
			out, err := k.Derive(secret, nil, info, 255*hl, stdOpt)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			b.add(nodeReq{Op: "hkdf", Hash: h, Key: secret, Info: info, Len: 255 * hl}, expect(where, out))
			if out, err := k.Derive(secret, nil, info, 255*hl+1, stdOpt); !errors.Is(err, gencrypto.ErrInvalidInput) {
				t.Errorf("%s: length %d: %d bytes, %v", k, 255*hl+1, len(out), err)
			}
			b.add(nodeReq{Op: "hkdf", Hash: h, Key: secret, Info: info, Len: 255*hl + 1}, func(got nodeResp) {
				if got.Err == "" {
					t.Errorf("%s: node derived %d bytes, more than 255 hash lengths", k, len(got.Out))
				}
			})
		case *gencrypto.PBKDF2:
			kinds["pbkdf2"]++
			h, hl := nodeHash(k.Hash()), k.Hash().Size()
			for j, c := range []struct{ pw, salt, iter, len int }{
				{0, 16, 1, hl}, {8, 0, 1, 32}, {8, 16, 1, 1}, {13, 16, 2, hl + 1}, {32, 64, 1000, 2*hl + 3}, {100, 17, 3, 16}, {200, 16, 2, hl},
			} {
				pw, salt := randBytes(t, c.pw), randBytes(t, c.salt)
				where := fmt.Sprintf("%s password %d salt %d iter %d len %d", k, c.pw, c.salt, c.iter, c.len)
				out, err := k.Derive(pw, salt, c.iter, c.len, stdOpt)
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				r := nodeReq{Op: "pbkdf2", Hash: h, Key: pw, Salt: salt, Iter: c.iter, Len: c.len}
				b.add(r, expect(where, out))
				if j == 3 {
					bad := r
					bad.Salt = flip(r.Salt, 3)
					b.add(bad, differ(where, out))
					bad = r
					bad.Iter++
					b.add(bad, differ(where, out))
				}
			}
		case *gencrypto.ConcatKDF:
			kinds["concat"]++
			h, hl := nodeHash(k.Hash()), k.Hash().Size()
			for _, zl := range []int{32, 48, 66} {
				for _, ol := range []int{0, 1, 37, 120} {
					for _, l := range []int{1, 16, hl, hl + 1, 2*hl + 3, 100} {
						z, other := randBytes(t, zl), randBytes(t, ol)
						where := fmt.Sprintf("%s z %d otherInfo %d len %d", k, zl, ol, l)
						out, err := k.Derive(z, other, l, stdOpt)
						if err != nil {
							t.Fatalf("%s: %v", where, err)
						}
						r := nodeReq{Op: "concat-kdf", Hash: h, Key: z, Info: other, Len: l}
						b.add(r, expect(where, out))
						if zl == 32 && ol == 37 && l == hl+1 {
							bad := r
							bad.Key = flip(r.Key, 7)
							b.add(bad, differ(where, out))
							bad = r
							bad.Info = flip(r.Info, -1)
							b.add(bad, differ(where, out))
						}
					}
				}
			}
		}
	}
	if kinds["hkdf"] != 3 || kinds["pbkdf2"] != 3 || kinds["concat"] < 1 {
		t.Fatalf("KDFs in the registry: %v, want 3 HKDF, 3 PBKDF2 and a Concat KDF", kinds)
	}
	b.run(t)
}

// leadingZeroPair returns two private keys on k's curve and their shared
// secret, computed by the registry, whose first byte is zero.
func leadingZeroPair(t *testing.T, k *gencrypto.KeyAgreement) (a, c *ecdh.PrivateKey, z []byte) {
	t.Helper()
	a, err := k.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	for range 1 << 13 {
		if c, err = k.GenerateKey(); err != nil {
			t.Fatal(err)
		}
		if z, err = k.SharedSecret(a, c.PublicKey(), stdOpt); err != nil {
			t.Fatal(err)
		}
		if z[0] == 0 {
			return a, c, z
		}
	}
	t.Fatalf("%s: no shared secret with a leading zero byte in 8192 keys", k)
	return nil, nil, nil
}
