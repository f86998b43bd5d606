package gencryptotest

// Known-answer tests. Every value below was typed in from the document named
// beside it; none was produced by the code under test.

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/fips140"
	"encoding/base64"
	"encoding/hex"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex in a known answer: %v", err)
	}
	return b
}

func unb64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("bad base64url in a known answer: %v", err)
	}
	return b
}

// requires skips t, saying why, when the backend lacks a.
func (s *suite) requires(t *testing.T, a gencrypto.Algorithm) {
	t.Helper()
	if !s.b.Supports(a.Primitive()) {
		t.Skipf("backend %q does not support %s", s.b.Name(), a.Primitive())
	}
}

func (s *suite) knownAnswers(t *testing.T) {
	t.Run("HKDF RFC 5869 A.1", func(t *testing.T) {
		a := gencrypto.HKDFSHA256()
		s.requires(t, a)
		ikm := bytes.Repeat([]byte{0x0b}, 22)
		salt := unhex(t, "000102030405060708090a0b0c")
		info := unhex(t, "f0f1f2f3f4f5f6f7f8f9")
		want := unhex(t, "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
		got, err := a.Derive(ikm, salt, info, 42, s.opt)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("OKM = %x, %v\nwant  %x", got, err, want)
		}
	})

	t.Run("PBKDF2-HMAC-SHA256 RFC 7914 §11", func(t *testing.T) {
		a := gencrypto.PBKDF2SHA256()
		s.requires(t, a)
		if fips140.Enforced() {
			t.Skip("the vector's 4-byte salt is below the 128 bits GODEBUG=fips140=only requires")
		}
		want := unhex(t, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"+
			"49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
		got, err := a.Derive([]byte("passwd"), []byte("salt"), 1, 64, s.opt)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("DK = %x, %v\nwant %x", got, err, want)
		}
	})

	// RFC 7518 Appendix C: Alice's ephemeral key and Bob's static key give
	// Z; the Concat KDF over Z with AlgorithmID "A128GCM", PartyUInfo
	// "Alice", PartyVInfo "Bob" and SuppPubInfo 128 gives the CEK.
	z := []byte{158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156,
		251, 49, 110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196}
	t.Run("ECDH P-256 RFC 7518 Appendix C", func(t *testing.T) {
		a := gencrypto.ECDHP256()
		s.requires(t, a)
		alice, err := ecdh.P256().NewPrivateKey(unb64(t, "0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo"))
		if err != nil {
			t.Fatal(err)
		}
		bobPub := append([]byte{4}, unb64(t, "weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ")...)
		bobPub = append(bobPub, unb64(t, "e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck")...)
		bob, err := ecdh.P256().NewPublicKey(bobPub)
		if err != nil {
			t.Fatal(err)
		}
		got, err := a.SharedSecret(alice, bob, s.opt)
		if err != nil || !bytes.Equal(got, z) {
			t.Errorf("Z = %v, %v\nwant %v", got, err, z)
		}
		bobPriv, err := ecdh.P256().NewPrivateKey(unb64(t, "VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw"))
		if err != nil {
			t.Fatal(err)
		}
		alicePub := append([]byte{4}, unb64(t, "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0")...)
		alicePub = append(alicePub, unb64(t, "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps")...)
		ap, err := ecdh.P256().NewPublicKey(alicePub)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := a.SharedSecret(bobPriv, ap, s.opt); err != nil || !bytes.Equal(got, z) {
			t.Errorf("Bob's side: Z = %v, %v", got, err)
		}
	})
	t.Run("Concat KDF RFC 7518 Appendix C", func(t *testing.T) {
		a := gencrypto.ConcatKDFSHA256()
		s.requires(t, a)
		other := []byte{0, 0, 0, 7, 'A', '1', '2', '8', 'G', 'C', 'M',
			0, 0, 0, 5, 'A', 'l', 'i', 'c', 'e',
			0, 0, 0, 3, 'B', 'o', 'b',
			0, 0, 0, 128}
		want := []byte{86, 170, 141, 234, 248, 35, 109, 32, 92, 34, 40, 205, 113, 167, 16, 26}
		got, err := a.Derive(z, other, 16, s.opt)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("derived key = %v, %v\nwant %v", got, err, want)
		}
		if enc := base64.RawURLEncoding.EncodeToString(got); enc != "VqqN6vgjbSBcIijNcacQGg" {
			t.Errorf("base64url %s", enc)
		}
	})

	t.Run("AES-KW RFC 3394 §4.1 and §4.6", func(t *testing.T) {
		for _, tc := range []struct {
			a             *gencrypto.KeyWrap
			kek, key, out string
		}{
			{gencrypto.A128KW(), "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
				"1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"},
			{gencrypto.A256KW(), "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
				"00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f",
				"28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21"},
		} {
			s.requires(t, tc.a)
			kek, key, out := unhex(t, tc.kek), unhex(t, tc.key), unhex(t, tc.out)
			got, err := tc.a.Wrap(kek, key, s.opt)
			if err != nil || !bytes.Equal(got, out) {
				t.Errorf("%s Wrap = %x, %v\nwant %x", tc.a, got, err, out)
			}
			got, err = tc.a.Unwrap(kek, out, s.opt)
			if err != nil || !bytes.Equal(got, key) {
				t.Errorf("%s Unwrap = %x, %v\nwant %x", tc.a, got, err, key)
			}
		}
	})

	t.Run("A128CBC-HS256 RFC 7518 Appendix B.1", func(t *testing.T) {
		a := gencrypto.A128CBCHS256()
		s.requires(t, a)
		key := unhex(t, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
		pt := []byte("A cipher system must not be required to be secret, and it must be able to fall into the hands of the enemy without inconvenience")
		iv := unhex(t, "1af38c2dc2b96ffdd86694092341bc04")
		aad := []byte("The second principle of Auguste Kerckhoffs")
		e := unhex(t, "c80edfa32ddf39d5ef00c0b468834279a2e46a1b8049f792f76bfe54b903a9c9"+
			"a94ac9b47ad2655c5f10f9aef71427e2fc6f9b3f399a221489f16362c7032336"+
			"09d45ac69864e3321cf82935ac4096c86e133314c54019e8ca7980dfa4b9cf1b"+
			"384c486f3a54c51078158ee5d79de59fbd34d848b3d69550a67646344427ade5"+
			"4b8851ffb598f7f80074b9473c82e2db")
		tag := unhex(t, "652c3fa36b0a7c5b3219fab3a30bc1c4")
		c, err := a.New(key, s.opt)
		if err != nil {
			t.Fatal(err)
		}
		want := append(append([]byte(nil), e...), tag...)
		if got := c.Seal(nil, iv, pt, aad); !bytes.Equal(got, want) {
			t.Errorf("Seal = %x\nwant %x", got, want)
		}
		if got, err := c.Open(nil, iv, want, aad); err != nil || !bytes.Equal(got, pt) {
			t.Errorf("Open = %q, %v", got, err)
		}
	})

	t.Run("Ed25519 RFC 8032 §7.1 test 1", func(t *testing.T) {
		a := gencrypto.Ed25519()
		s.requires(t, a)
		priv := ed25519.NewKeyFromSeed(unhex(t, "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
		pub := ed25519.PublicKey(unhex(t, "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
		if !bytes.Equal(priv.Public().(ed25519.PublicKey), pub) {
			t.Fatal("public key does not match the seed")
		}
		want := unhex(t, "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"+
			"5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
		got, err := a.Sign(priv, nil, s.opt)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("Sign = %x, %v\nwant %x", got, err, want)
		}
		if err := a.Verify(pub, nil, want, s.opt); err != nil {
			t.Errorf("Verify: %v", err)
		}
	})
}
