package jws_test

import (
	"bytes"
	"fmt"

	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// Parse reads a JWS without checking it, for inspection or to write it in
// another serialization; only a Verifier says whether it may be trusted.
func ExampleParse() {
	secret := bytes.Repeat([]byte{7}, 32)
	tok, err := jws.Sign([]byte("hello"), jws.SigningKey{Alg: "HS256", Key: secret, KeyID: "k1"}, nil)
	if err != nil {
		panic(err)
	}
	m, err := jws.Parse(tok)
	if err != nil {
		panic(err)
	}
	h := m.Signatures[0].Header
	payload, _ := m.UnverifiedPayload()
	fmt.Println(m.Form == jws.FormCompact, h.Alg, h.Kid, string(payload))

	flat, err := m.JSON(true)
	if err != nil {
		panic(err)
	}
	v, _ := jws.NewVerifier(secret, []string{"HS256"})
	res, err := v.Verify(flat) // the same signature, in flattened JSON
	fmt.Println(string(res.Payload), err)
	// Output:
	// true HS256 k1 hello
	// hello <nil>
}
