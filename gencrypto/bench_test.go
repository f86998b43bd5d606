package gencrypto_test

import (
	"crypto"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// Benchmarks for every family, through the registry with the default
// backend, the way callers use it. Run with -benchtime=200ms on a shared
// machine.

func BenchmarkSignature(b *testing.B) {
	k := getKeys(b)
	msg := make([]byte, 256) // about a JWS signing input
	for _, tc := range []struct {
		alg *gencrypto.Signature
		key crypto.Signer
	}{
		{gencrypto.ES256(), k.p256}, {gencrypto.ES384(), k.p384}, {gencrypto.ES512(), k.p521},
		{gencrypto.EdDSA(), k.ed}, {gencrypto.RS256(), k.rsa}, {gencrypto.PS256(), k.rsa},
	} {
		sig, err := tc.alg.Sign(tc.key, msg)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.alg.Name()+"/Sign", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(msg)))
			for b.Loop() {
				if _, err := tc.alg.Sign(tc.key, msg); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(tc.alg.Name()+"/Verify", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(msg)))
			pub := tc.key.Public()
			for b.Loop() {
				if err := tc.alg.Verify(pub, msg, sig); err != nil {
					b.Fatal(err)
				}
			}
		})
		if tc.alg.Hash() == 0 {
			continue
		}
		d := digest(tc.alg.Hash(), msg)
		b.Run(tc.alg.Name()+"/VerifyDigest", func(b *testing.B) {
			b.ReportAllocs()
			pub := tc.key.Public()
			for b.Loop() {
				if err := tc.alg.VerifyDigest(pub, d, sig); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var sizes = []int{1 << 10, 16 << 10}

func sizeName(n int) string { return fmt.Sprintf("%dKiB", n>>10) }

func BenchmarkMAC(b *testing.B) {
	for _, m := range []*gencrypto.MAC{gencrypto.HS256(), gencrypto.HS384(), gencrypto.HS512(), gencrypto.HMAC256_64()} {
		k, err := m.New(make([]byte, m.MinKeySize()))
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range sizes {
			msg := make([]byte, n)
			tag, err := k.Sum(nil, msg)
			if err != nil {
				b.Fatal(err)
			}
			buf := make([]byte, 0, 64)
			b.Run(m.Name()+"/Sum/"+sizeName(n), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(n))
				for b.Loop() {
					buf, _ = k.Sum(buf[:0], msg)
				}
			})
			b.Run(m.Name()+"/Verify/"+sizeName(n), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(n))
				for b.Loop() {
					if err := k.Verify(msg, tag); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkAEAD(b *testing.B) {
	for _, a := range []*gencrypto.AEAD{
		gencrypto.A128GCM(), gencrypto.A256GCM(),
		gencrypto.A128CBCHS256(), gencrypto.A256CBCHS512(),
		gencrypto.AESCCM16_64_128(), gencrypto.AESCCM16_128_256(),
		gencrypto.ChaCha20Poly1305(),
	} {
		c, err := a.New(make([]byte, a.KeySize()))
		if err != nil {
			b.Fatal(err)
		}
		nonce := make([]byte, a.NonceSize())
		aad := make([]byte, 64)
		for _, n := range sizes {
			pt := make([]byte, n)
			ct := c.Seal(nil, nonce, pt, aad)
			buf := make([]byte, 0, n+c.Overhead())
			b.Run(a.Name()+"/Seal/"+sizeName(n), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(n))
				for b.Loop() {
					buf = c.Seal(buf[:0], nonce, pt, aad)
				}
			})
			b.Run(a.Name()+"/Open/"+sizeName(n), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(n))
				for b.Loop() {
					if _, err := c.Open(buf[:0], nonce, ct, aad); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkKeyWrap(b *testing.B) {
	for _, w := range []*gencrypto.KeyWrap{gencrypto.A128KW(), gencrypto.A256KW()} {
		kek := make([]byte, w.KeySize())
		cek := make([]byte, 32)
		wrapped, err := w.Wrap(kek, cek)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(w.Name()+"/Wrap", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(cek)))
			for b.Loop() {
				if _, err := w.Wrap(kek, cek); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(w.Name()+"/Unwrap", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(cek)))
			for b.Loop() {
				if _, err := w.Unwrap(kek, wrapped); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkKeyAgreement(b *testing.B) {
	for _, ka := range []*gencrypto.KeyAgreement{gencrypto.ECDHP256(), gencrypto.ECDHP384(), gencrypto.ECDHP521(), gencrypto.X25519()} {
		priv, err := ka.GenerateKey()
		if err != nil {
			b.Fatal(err)
		}
		peer, err := ka.GenerateKey()
		if err != nil {
			b.Fatal(err)
		}
		pub := peer.PublicKey()
		b.Run(ka.Name(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ka.SharedSecret(priv, pub); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkKeyEncryption(b *testing.B) {
	k := getKeys(b)
	cek := make([]byte, 32)
	a := gencrypto.RSAOAEP256()
	ct, err := a.Encrypt(&k.rsa.PublicKey, cek)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("RSA-OAEP-256/Encrypt", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := a.Encrypt(&k.rsa.PublicKey, cek); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("RSA-OAEP-256/Decrypt", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := a.Decrypt(k.rsa, ct); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkKDF(b *testing.B) {
	secret := make([]byte, 32)
	salt := make([]byte, 16)
	info := []byte("context info")
	b.Run("HKDF-SHA256/32B", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(32)
		for b.Loop() {
			if _, err := gencrypto.HKDFSHA256().Derive(secret, salt, info, 32); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ConcatKDF-SHA256/32B", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(32)
		for b.Loop() {
			if _, err := gencrypto.ConcatKDFSHA256().Derive(secret, info, 32); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("PBKDF2-SHA256/1000iter", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := gencrypto.PBKDF2SHA256().Derive([]byte("password"), salt, 1000, 16); err != nil {
				b.Fatal(err)
			}
		}
	})
}
