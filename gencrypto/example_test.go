package gencrypto_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// Look an algorithm up by the name in a JOSE header or the id in a COSE
// header, then switch on its family.
func ExampleByName() {
	a, ok := gencrypto.ByName("ES256")
	fmt.Println(ok, a == gencrypto.ES256(), a.Kind(), a.KeyType())
	id, _ := a.COSE()
	fmt.Println("COSE id", id)

	c, _ := gencrypto.ByCOSE(-37)
	if s, ok := c.(*gencrypto.Signature); ok {
		fmt.Println(s.Name(), s.Hash(), s.MinRSABits())
	}

	_, ok = gencrypto.ByName("none")
	fmt.Println("none registered:", ok)
	// Output:
	// true true signature EC
	// COSE id -7
	// PS256 SHA-256 2048
	// none registered: false
}

func ExampleAll() {
	kinds := map[gencrypto.Kind]int{}
	for _, a := range gencrypto.All() {
		kinds[a.Kind()]++
	}
	fmt.Println(kinds[gencrypto.KindSignature], "signatures,", kinds[gencrypto.KindAEAD], "AEADs,", kinds[gencrypto.KindKDF], "KDFs")
	// Output: 11 signatures, 15 AEADs, 7 KDFs
}

func ExampleSignature_Sign() {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(err)
	}
	msg := []byte("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UifQ")
	sig, err := gencrypto.ES256().Sign(key, msg)
	if err != nil {
		panic(err)
	}
	fmt.Println("signature bytes:", len(sig)) // r‖s, 32 bytes each

	err = gencrypto.ES256().Verify(&key.PublicKey, msg, sig)
	fmt.Println("verify:", err)

	sig[10] ^= 1
	err = gencrypto.ES256().Verify(&key.PublicKey, msg, sig)
	fmt.Println("tampered:", errors.Is(err, gencrypto.ErrVerify))

	// The key is bound to the algorithm before anything is computed.
	err = gencrypto.ES384().Verify(&key.PublicKey, msg, sig)
	fmt.Println("P-256 key with ES384:", errors.Is(err, gencrypto.ErrKeyType))
	// Output:
	// signature bytes: 64
	// verify: <nil>
	// tampered: true
	// P-256 key with ES384: true
}

func ExampleAEAD_New() {
	key := bytes.Repeat([]byte{0x42}, gencrypto.A256GCM().KeySize())
	aead, err := gencrypto.A256GCM().New(key)
	if err != nil {
		panic(err)
	}
	// A fixed nonce only to make the output reproducible: a real caller
	// draws a fresh one from crypto/rand for every message under a key.
	nonce := make([]byte, aead.NonceSize())
	aad := []byte("header")

	ct := aead.Seal(nil, nonce, []byte("attack at dawn"), aad)
	fmt.Printf("%x\n", ct)

	pt, err := aead.Open(nil, nonce, ct, aad)
	fmt.Printf("%s %v\n", pt, err)

	_, err = aead.Open(nil, nonce, ct, []byte("other header"))
	fmt.Println(err)
	// Output:
	// 95c68b983fe7a586ed6f2f6e46e5cb5b99c4393dacb7d39b1f67334e8800
	// attack at dawn <nil>
	// gencrypto: verification failed
}

func ExampleMAC_New() {
	key := bytes.Repeat([]byte{7}, 32)
	k, err := gencrypto.HS256().New(key)
	if err != nil {
		panic(err)
	}
	tag, err := k.Sum(nil, []byte("payload"))
	if err != nil {
		panic(err)
	}
	fmt.Println(len(tag), k.Verify([]byte("payload"), tag))

	_, err = gencrypto.HS256().New(key[:16])
	fmt.Println(err)
	// Output:
	// 32 <nil>
	// gencrypto: key size not allowed for algorithm
}

// An *UnsupportedError can be built outside the package, to compare with
// what an operation returned. Under GODEBUG=fips140=only this is what
// PBKDF2 with an 8-byte salt returns.
func ExampleUnsupportedError() {
	want := gencrypto.UnsupportedError{
		Algorithm:   "PBKDF2-SHA256",
		Backend:     "std",
		Primitive:   gencrypto.PrimPBKDF2,
		NotApproved: true,
		Detail:      "a salt shorter than 128 bits",
	}
	fmt.Println(want.Error())
	fmt.Println(errors.Is(&want, gencrypto.ErrUnsupported))

	// Where the mode is set, the refusal is this very value.
	_, err := gencrypto.PBKDF2SHA256().Derive([]byte("password"), []byte("8 bytes!"), 1000, 16)
	var ue *gencrypto.UnsupportedError
	if errors.As(err, &ue) && *ue != want {
		fmt.Println("unexpected:", err)
	}
	// Output:
	// gencrypto: PBKDF2-SHA256 with a salt shorter than 128 bits is not FIPS 140-3 approved (GODEBUG=fips140=only)
	// true
}

// Take the public half of a private key, with the keys whose Public method
// would panic refused as errors.
func ExamplePublicKeyOf() {
	k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	pub, err := gencrypto.PublicKeyOf(k)
	fmt.Println(pub.(*ecdsa.PublicKey).Equal(&k.PublicKey), err)

	var missing *ecdsa.PrivateKey
	_, err = gencrypto.PublicKeyOf(missing)
	fmt.Println(errors.Is(err, gencrypto.ErrKeyType))
	// Output:
	// true <nil>
	// true
}
