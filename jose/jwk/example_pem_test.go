package jwk_test

import (
	"crypto"
	"fmt"

	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// examplePEM is a P-256 key made for this example with
// `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`
// (PKCS #8, as openssl writes it). Never use it for anything else.
const examplePEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgQLgBETnd6HJI0m/o
RcXcXq5gI2Figlvq0xmx70B/Q56hRANCAATmmbNR8shCGLx9X2M9Xc4Z2WeeFp7O
ddSlHeg1gePerFsMIecp144BypCWIpFHqwx8ZUqhZVp11+WNURd23pY/
-----END PRIVATE KEY-----
`

// A key from openssl as a JWK: ParsePEM reads it, PublicKey drops the
// private half, MarshalJSON and MarshalPEM write either half, and the
// RFC 7638 thumbprint is the same for both halves. Metadata (Kid, Alg) is
// set on the Key before writing; openssl's PEM carries none.
func ExampleParsePEM() {
	k, err := jwk.ParsePEM([]byte(examplePEM))
	if err != nil {
		panic(err)
	}
	k.Alg = "ES256" // binds the key to one algorithm (RFC 7517 §4.4)
	pub, err := k.PublicKey()
	if err != nil {
		panic(err)
	}
	pub.Kid, _ = pub.ThumbprintURI(crypto.SHA256)

	j, _ := pub.MarshalJSON()
	fmt.Println(k)
	fmt.Printf("%s\n", j)
	p, _ := pub.MarshalPEM() // what `openssl pkey -pubout` writes
	fmt.Printf("%s", p)
	tk, _ := k.ThumbprintURI(crypto.SHA256)
	fmt.Println(tk == pub.Kid)
	// Output:
	// EC P-256 private key, alg "ES256"
	// {"alg":"ES256","crv":"P-256","kid":"urn:ietf:params:oauth:jwk-thumbprint:sha-256:xqSMz0Xu-ECBUUn5uKgfAO-Vr5RSWgluYL2WvY1uMJk","kty":"EC","x":"5pmzUfLIQhi8fV9jPV3OGdlnnhaeznXUpR3oNYHj3qw","y":"Wwwh5ynXjgHKkJYikUerDHxlSqFlWnXX5Y1RF3belj8"}
	// -----BEGIN PUBLIC KEY-----
	// MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE5pmzUfLIQhi8fV9jPV3OGdlnnhae
	// znXUpR3oNYHj3qxbDCHnKdeOAcqQliKRR6sMfGVKoWVaddfljVEXdt6WPw==
	// -----END PUBLIC KEY-----
	// true
}
