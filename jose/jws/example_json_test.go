package jws_test

import (
	"crypto/ed25519"
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// exampleEd25519 is an Ed25519 key from a fixed seed, so that the
// signatures below are the same on every run (Ed25519 is deterministic).
func exampleEd25519(kid string) *jwk.Key {
	seed := make([]byte, ed25519.SeedSize)
	copy(seed, kid)
	k, err := jwk.New(ed25519.NewKeyFromSeed(seed))
	if err != nil {
		panic(err)
	}
	k.Kid, k.Alg = kid, "EdDSA"
	return k
}

// A detached JWS (RFC 7515 Appendix F): the payload travels separately,
// the token is "header..signature", and VerifyDetached takes both. Given
// to Verify, such a token is checked as one with an empty payload, and
// fails as any bad signature does.
func ExampleVerifier_VerifyDetached() {
	key := exampleEd25519("doc-signer")
	doc := []byte(`{"invoice":42,"total":"100.00"}`)
	tok, err := jws.Sign(doc, jws.SigningKey{Alg: "EdDSA", Key: key}, &jws.SignOptions{Detached: true})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s\n", tok)

	pub, _ := key.PublicKey()
	v, err := jws.NewVerifier(pub, []string{"EdDSA"})
	if err != nil {
		panic(err)
	}
	res, err := v.VerifyDetached(tok, doc)
	fmt.Println(err, res.Header.Kid)
	_, err = v.VerifyDetached(tok, []byte(`{"invoice":42,"total":"999.00"}`))
	fmt.Println(errors.Is(err, jose.ErrVerify))
	_, err = v.Verify(tok) // the payload is missing
	fmt.Println(errors.Is(err, jose.ErrVerify))
	// Output:
	// eyJhbGciOiJFZERTQSIsImtpZCI6ImRvYy1zaWduZXIifQ..TSxxl-gMmkLY_0eJyoQI_t6A8TX-4Kq3VrWaJLBviJ-7ELVW2UPW06IJ8LIxohfGkCIg5vR7jkanBz6Lijv2Bg
	// <nil> doc-signer
	// true
	// true
}

// One payload signed by two keys in the general JSON serialization.
// VerifyAll requires every signature to verify; VerifyEach reports each
// one, here with a Verifier that knows only one of the two keys.
func ExampleSignJSON() {
	alice, bob := exampleEd25519("alice"), exampleEd25519("bob")
	msg, err := jws.SignJSON([]byte("approved"), []jws.SigningKey{
		{Alg: "EdDSA", Key: alice}, {Alg: "EdDSA", Key: bob},
	}, false, nil)
	if err != nil {
		panic(err)
	}

	both, _ := (&jwk.Set{Keys: []*jwk.Key{alice, bob}}).PublicSet()
	v, _ := jws.NewVerifier(both, []string{"EdDSA"}) // "kid" picks the key
	all, err := v.VerifyAll(msg)
	if err != nil {
		panic(err)
	}
	for _, r := range all {
		fmt.Println(r.Index, r.Key.Kid, string(r.Payload))
	}

	onlyAlice, _ := (&jwk.Set{Keys: both.Keys[:1]}).PublicSet()
	v, _ = jws.NewVerifier(onlyAlice, []string{"EdDSA"})
	each, payload, err := v.VerifyEach(msg)
	if err != nil {
		panic(err)
	}
	for _, r := range each {
		fmt.Println(r.Index, r.Header.Kid, r.Err == nil, errors.Is(r.Err, jose.ErrKey))
	}
	fmt.Println(string(payload)) // returned as at least one signature verified
	_, err = v.VerifyAll(msg)
	fmt.Println(errors.Is(err, jose.ErrKey))
	// Output:
	// 0 alice approved
	// 1 bob approved
	// 0 alice true false
	// 1 bob false true
	// approved
	// true
}

// An RFC 7797 unencoded payload ("b64": false) in the flattened JSON
// serialization: the payload is signed and carried as it is, not
// base64url-encoded. A verifier understands "b64" without being told.
func ExampleSignJSON_unencoded() {
	key := exampleEd25519("ledger")
	msg, err := jws.SignJSON([]byte("$.02"), []jws.SigningKey{{Alg: "EdDSA", Key: key}}, true,
		&jws.SignOptions{Unencoded: true})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s\n", msg)

	pub, _ := key.PublicKey()
	v, _ := jws.NewVerifier(pub, []string{"EdDSA"})
	res, err := v.Verify(msg)
	fmt.Println(err, string(res.Payload), res.Header.B64)
	// Output:
	// {"payload":"$.02","protected":"eyJhbGciOiJFZERTQSIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il0sImtpZCI6ImxlZGdlciJ9","signature":"IQelzj6TGtCC8Gr3sKRIsBUAEkHdxWF6HCKd-QpMeupMGbIkN8ydvRkCwOYTlzZO9SMu1NlBsmyQ6bU6O6MfDw"}
	// <nil> $.02 false
}
