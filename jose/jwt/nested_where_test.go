package jwt

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestNestedSyntaxErrorWhere: a claims set refused for a rule the second,
// strict pass over a nested value enforces (a repeated name in a nested
// object) reports, in its *lejp.SyntaxError, the offset in the claims set
// and the JSON Pointer from the claims set's root, as jose.ParseObject
// does for the same input and as the claims reader does for every other
// error. On 383bbff both were those within the nested value: offset 7 and
// path "/a" for the "a" repeated at offset 26, path "/scope/a".
func TestNestedSyntaxErrorWhere(t *testing.T) {
	v := hsVerifier(t, Validator{})
	for _, raw := range []string{
		`{"iss":"x","scope":{"a":1,"a":2}}`,
		`{"iss":"x","scope":[{"a":1,"a":2}]}`,
		`{"iss":"x", "r":[1,{"b":{"c":[{"d":1,"d":2}]}}]}`,
		`{"iss":"x","a/b~c":{"k":{},"k":[]}}`,
		"{\"iss\":\"x\",\n\"s\\u0063ope\" :\t{\"a\":1,\"a\":2}}",
	} {
		_, err := v.Verify(signRaw(t, raw))
		var got *lejp.SyntaxError
		if !errors.Is(err, jose.ErrMalformed) || !errors.As(err, &got) {
			t.Errorf("%s: %v, want jose.ErrMalformed with a *lejp.SyntaxError", raw, err)
			continue
		}
		_, perr := jose.ParseObject([]byte(raw))
		var want *lejp.SyntaxError
		if !errors.As(perr, &want) {
			t.Fatalf("%s: ParseObject: %v", raw, perr)
		}
		if got.Offset != want.Offset || got.Path != want.Path || got.Err != want.Err {
			t.Errorf("%s: offset %d, path %q, %v; ParseObject: offset %d, path %q, %v",
				raw, got.Offset, got.Path, got.Err, want.Offset, want.Path, want.Err)
		}
	}
}
