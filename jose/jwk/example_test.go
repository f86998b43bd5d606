package jwk_test

import (
	"context"
	"crypto"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// The RFC 7638 §3.1 example key and its thumbprint.
func ExampleKey_Thumbprint() {
	k, err := jwk.Parse([]byte(`{"kty":"RSA","e":"AQAB","alg":"RS256","kid":"2011-04-29",
		"n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"}`))
	if err != nil {
		panic(err)
	}
	t, _ := k.Thumbprint(crypto.SHA256)
	fmt.Println(string(jose.AppendBase64URL(nil, t)))
	uri, _ := k.ThumbprintURI(crypto.SHA256)
	fmt.Println(uri)
	// Output:
	// NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs
	// urn:ietf:params:oauth:jwk-thumbprint:sha-256:NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs
}

// A key generated for ES256 carries "alg" and can be used for ES256 only.
func ExampleGenerate() {
	k, err := jwk.Generate("ES256", nil)
	if err != nil {
		panic(err)
	}
	k.Kid = "signing-2026"
	fmt.Println(k)
	fmt.Println(k.CheckUse("ES256", jwk.OpSign) == nil)
	fmt.Println(k.CheckUse("ES384", jwk.OpSign))
	// Output:
	// EC P-256 private key, kid "signing-2026", alg "ES256"
	// true
	// jwk: key is for "ES256", not "ES384": jose: key not usable
}

// Public keys are written with their members in lexicographic order.
func ExampleKey_PublicKey() {
	k, _ := jwk.Parse([]byte(`{"kty":"OKP","crv":"Ed25519",
		"d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
		"x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`))
	pub, _ := k.PublicKey()
	out, err := pub.AppendJSON(nil)
	fmt.Println(string(out), err)
	// Output:
	// {"crv":"Ed25519","kty":"OKP","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"} <nil>
}

// What AppendJSON writes, Parse reads back as the same key: a key ID that
// is not UTF-8, which JSON could carry only as another key ID (U+FFFD), is
// an error rather than a silently different "kid".
func ExampleKey_AppendJSON_invalidKid() {
	k, _ := jwk.Parse([]byte(`{"kty":"OKP","crv":"Ed25519",
		"x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`))
	k.Kid = "key-\xff"
	out, err := k.AppendJSON(nil)
	fmt.Println(out == nil)
	fmt.Println(err)
	fmt.Println(errors.Is(err, jose.ErrMalformed), errors.Is(err, lejp.ErrInvalidUTF8))
	// Output:
	// true
	// jwk: writing member "kid": jose: malformed input: lejp: writer: invalid UTF-8 (a string at output offset 23)
	// true true
}

// Strict parsing: a coordinate padded beyond the field size is refused.
func ExampleParse_strict() {
	_, err := jwk.Parse([]byte(`{"kty":"EC","crv":"P-256",
		"x":"ANODdMYtthbIcrwaeyNetbGxP216sqpAD33n3ZJTju8G",
		"y":"UI8exy-C06a7DUnjIdENkxeFtHM4-l_41LqEw9nVgmw"}`))
	fmt.Println(err)
	// Output:
	// jwk: EC P-256 coordinates must be 32 bytes, got 33 and 32: jose: key not usable
}

// Key selection in a JWK Set follows the token's kid, and without one only
// keys of the algorithm's family are candidates.
func ExampleSet_Candidates() {
	set, err := jwk.ParseSet([]byte(`{"keys":[
		{"kty":"OKP","crv":"Ed25519","kid":"ed","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
		{"kty":"EC","crv":"P-256","kid":"ec","x":"04N0xi21hshyvBp7I167sbE_bXqyqkAPfefdklMO7wY","y":"UI8exy-C06a7DUnjIdENkxeFtHM4-l_41LqEw9nVgmw"}]}`))
	if err != nil {
		panic(err)
	}
	for _, k := range set.Candidates("", false, "ES256", jwk.OpVerify, false) {
		fmt.Println(k.Kid)
	}
	fmt.Println(len(set.Candidates("ed", true, "ES256", jwk.OpVerify, false)))
	// Output:
	// ec
	// 0
}

// A Remote fetches a JWK Set once and serves lookups from its cache,
// refetching for an unknown kid at most once per cooldown. (This example
// serves the set on loopback over plain HTTP, which only the test option
// allows; real sets are fetched over HTTPS.)
func ExampleRemote() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/jwk-set+json")
		fmt.Fprint(w, `{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"2026-1","alg":"EdDSA","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}`)
	}))
	defer srv.Close()

	r, err := jwk.NewRemote(srv.URL, jwk.RemoteOptions{InsecureAllowLoopbackHTTP: true})
	if err != nil {
		panic(err)
	}
	k, err := r.LookupKid(context.Background(), "2026-1")
	if err != nil {
		panic(err)
	}
	fmt.Println(k)
	_, err = r.LookupKid(context.Background(), "unknown")
	fmt.Println(err != nil, r.Fetches())
	// Output:
	// OKP Ed25519 public key, kid "2026-1", alg "EdDSA"
	// true 1
}
