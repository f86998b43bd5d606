package jwk_test

import (
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// A service reads its keys from a file named in its configuration, which
// may hold a JWK, a JWK Set or PEM: ParseAny, given the bytes the service
// read (os.ReadFile; the package reads no files), tells them apart by their content
// and returns a Set either way. A key of a type this package does not
// read (here Ed448) is skipped in a JWK Set, as RFC 7517 §5 asks, and
// kept in Skipped. isSet says whether to verify with the set (keys
// selected by "kid") or with its one key.
func ExampleParseAny() {
	for _, data := range []string{
		// One JWK (the Ed25519 key of RFC 8037 Appendix A.2).
		`{"kty":"OKP","crv":"Ed25519","kid":"rfc8037","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`,
		// A JWK Set.
		`{"keys":[
		  {"kty":"OKP","crv":"Ed25519","kid":"a","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
		  {"kty":"OKP","crv":"Ed448","kid":"b","x":"X9dEm1m0Yf0s54fsYWrUah2hNCSFpw4fig6nXYDpZ3jt8SR2m0bHBhvWeD3x5Q9s0foavq_oJWGA"}]}`,
		// PEM, as openssl writes it.
		examplePEM,
		// DER, or anything else, is refused saying what it looked like.
		"\x30\x81\x87\x02\x01\x00",
	} {
		s, isSet, err := jwk.ParseAny([]byte(data))
		if err != nil {
			fmt.Println(errors.Is(err, jose.ErrMalformed), err)
			continue
		}
		for _, k := range s.Keys {
			fmt.Println(k)
		}
		// What to give jws.NewVerifier: a set selects by "kid"; a key
		// given alone is used whatever kid a token names.
		var verifyWith any = s
		if !isSet {
			verifyWith = s.Keys[0]
		}
		fmt.Printf("verify with a %T\n", verifyWith)
		if len(s.Skipped) > 0 {
			fmt.Println(len(s.Skipped), "key skipped")
		}
	}
	// Output:
	// OKP Ed25519 public key, kid "rfc8037"
	// verify with a *jwk.Key
	// OKP Ed25519 public key, kid "a"
	// verify with a *jwk.Set
	// 1 key skipped
	// EC P-256 private key
	// verify with a *jwk.Key
	// true jwk: the input is binary data that begins as DER does, not a JWK, a JWK Set ({"keys":[…]}) or PEM text (ParseDER reads DER, given its PEM type): jose: malformed input
}
