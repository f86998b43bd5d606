package gencrypto_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// Wrap a content-encryption key under a key-encryption key (RFC 3394 §4.1),
// then unwrap it; a wrapped key that was altered is ErrVerify.
func ExampleKeyWrap_Wrap() {
	kek, _ := hex.DecodeString("000102030405060708090a0b0c0d0e0f")
	cek, _ := hex.DecodeString("00112233445566778899aabbccddeeff")
	wrapped, err := gencrypto.A128KW().Wrap(kek, cek)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%x\n", wrapped)

	got, err := gencrypto.A128KW().Unwrap(kek, wrapped)
	fmt.Println(bytes.Equal(got, cek), err)

	wrapped[0] ^= 1
	_, err = gencrypto.A128KW().Unwrap(kek, wrapped)
	fmt.Println("altered:", errors.Is(err, gencrypto.ErrVerify))

	_, err = gencrypto.A128KW().Wrap(kek, cek[:12])
	fmt.Println("12-byte key:", errors.Is(err, gencrypto.ErrInvalidInput))
	// Output:
	// 1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5
	// true <nil>
	// altered: true
	// 12-byte key: true
}

// Derive key material with HKDF (RFC 5869 Appendix A.1).
func ExampleHKDF_Derive() {
	secret := bytes.Repeat([]byte{0x0b}, 22)
	salt, _ := hex.DecodeString("000102030405060708090a0b0c")
	info, _ := hex.DecodeString("f0f1f2f3f4f5f6f7f8f9")
	okm, err := gencrypto.HKDFSHA256().Derive(secret, salt, info, 42)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%x\n", okm)

	_, err = gencrypto.HKDFSHA256().Derive(secret, salt, info, 255*32+1)
	fmt.Println("too long:", errors.Is(err, gencrypto.ErrInvalidInput))
	// Output:
	// 3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865
	// too long: true
}

// Two parties agree on a secret with X25519; a key on another curve is
// ErrKeyType.
func ExampleKeyAgreement_SharedSecret() {
	x := gencrypto.X25519()
	alice, err := x.GenerateKey()
	if err != nil {
		panic(err)
	}
	bob, err := x.GenerateKey()
	if err != nil {
		panic(err)
	}
	s1, err := x.SharedSecret(alice, bob.PublicKey())
	if err != nil {
		panic(err)
	}
	s2, _ := x.SharedSecret(bob, alice.PublicKey())
	fmt.Println(len(s1), bytes.Equal(s1, s2))

	p256, _ := gencrypto.ECDHP256().GenerateKey()
	_, err = x.SharedSecret(alice, p256.PublicKey())
	fmt.Println("P-256 peer:", errors.Is(err, gencrypto.ErrKeyType))
	// Output:
	// 32 true
	// P-256 peer: true
}
