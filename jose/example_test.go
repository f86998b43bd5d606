package jose_test

import (
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/jose"
)

func ExampleParseHeader() {
	h, err := jose.ParseHeader([]byte(`{"alg":"ES256","kid":"k1","crit":["exp"],"exp":1363284000}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(h.Alg, h.Kid, h.Crit)
	exp, _ := h.Get("exp")
	fmt.Println(string(exp))
	fmt.Println(jose.CheckCrit(h.Crit, h.Has, []string{"exp"}))
	// Output:
	// ES256 k1 [exp]
	// 1363284000
	// <nil>
}

// Names that differ only in case are rejected, like exact duplicates.
func ExampleParseHeader_caseVariants() {
	_, err := jose.ParseHeader([]byte(`{"alg":"HS256","Alg":"none"}`))
	fmt.Println(errors.Is(err, jose.ErrMalformed))
	fmt.Println(err)
	// Output:
	// true
	// jose: member names "alg" and "Alg" differ only in case: malformed input
}

// Join combines the protected and unprotected headers of a JSON
// serialization; a name in both is an error.
func ExampleJoin() {
	p, _ := jose.ParseHeader([]byte(`{"alg":"ES256"}`))
	u, _ := jose.ParseHeader([]byte(`{"kid":"k1"}`))
	h, err := jose.Join(p, u)
	if err != nil {
		panic(err)
	}
	fmt.Println(h.Alg, h.Kid, h.IsProtected("alg"), h.IsProtected("kid"))
	u2, _ := jose.ParseHeader([]byte(`{"alg":"HS256"}`))
	_, err = jose.Join(p, u2)
	fmt.Println(err)
	// Output:
	// ES256 k1 true false
	// jose: header parameter "alg" is both protected and unprotected: malformed input
}
