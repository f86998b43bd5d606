package jws_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"fmt"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose/jws"
)

func Example() {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tok, err := jws.Sign([]byte("hello"), jws.SigningKey{Alg: "ES256", Key: key, KeyID: "k1"}, nil)
	if err != nil {
		panic(err)
	}
	v, err := jws.NewVerifier(&key.PublicKey, []string{"ES256"})
	if err != nil {
		panic(err)
	}
	res, err := v.Verify(tok)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s signed by %s\n", res.Payload, res.Header.Kid)
	// Output: hello signed by k1
}

func ExampleVerifier_AppendVerifyCompact() {
	secret := bytes.Repeat([]byte{7}, 32)
	tok, _ := jws.Sign([]byte(`{"sub":"alice"}`), jws.SigningKey{Alg: "HS256", Key: secret}, nil)
	v, _ := jws.NewVerifier(secret, []string{"HS256"})
	buf := make([]byte, 0, 256) // reused: no allocation per token
	payload, err := v.AppendVerifyCompact(buf[:0], tok)
	fmt.Println(string(payload), err)
	// Output: {"sub":"alice"} <nil>
}

func ExampleSignReader() {
	secret := bytes.Repeat([]byte{7}, 32)
	key := jws.SigningKey{Alg: "HS256", Key: secret}
	// RFC 7797: the payload is signed as is and travels separately.
	tok, _ := jws.SignReader(strings.NewReader("a large file…"), key, &jws.SignOptions{Unencoded: true})
	v, _ := jws.NewVerifier(secret, []string{"HS256"})
	_, err := v.VerifyReader(tok, strings.NewReader("a large file…"))
	fmt.Println(strings.Contains(string(tok), ".."), err)
	// Output: true <nil>
}
