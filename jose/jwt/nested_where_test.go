package jwt

import (
	"errors"
	"fmt"
	"strings"
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

// TestDuplicateClaimWhere: a claim name repeated exactly is refused as
// lejp and jose.ParseObject refuse it, lejp.ErrDuplicateName in a
// *lejp.SyntaxError at the repeated name's offset and path, whether the
// claims set has few claims (compared one by one) or many (looked up by
// hash), and not with the message of names that differ only in case. On
// 383bbff it was only jose.ErrMalformed, "claim names differ only in
// case", with no offset. Names that do differ in case keep that error.
func TestDuplicateClaimWhere(t *testing.T) {
	v := hsVerifier(t, Validator{})
	many := `{"iss":"x"`
	for i := range 20 {
		many += fmt.Sprintf(`,"c%d":%d`, i, i)
	}
	for _, raw := range []string{
		`{"iss":"a","iss":"b"}`,
		`{"x":1,"y":2,"x":3}`,
		`{"x":1, "\u0078":2}`,
		many + `,"c7":0}`,
		many + `,"iss":"y"}`,
		`{"a/~b":1,"a/~b":2}`,
	} {
		_, err := v.Verify(signRaw(t, raw))
		_, perr := jose.ParseObject([]byte(raw))
		var got, want *lejp.SyntaxError
		if !errors.As(perr, &want) {
			t.Fatalf("%s: ParseObject: %v", raw, perr)
		}
		if !errors.Is(err, jose.ErrMalformed) || !errors.Is(err, lejp.ErrDuplicateName) || !errors.As(err, &got) ||
			got.Offset != want.Offset || got.Path != want.Path || strings.Contains(err.Error(), "case") {
			t.Errorf("%s: %v; want jose.ErrMalformed and %v", raw, err, want)
		}
	}
	for _, raw := range []string{`{"x":1,"X":2}`, many + `,"C7":0}`} {
		_, err := v.Verify(signRaw(t, raw))
		if !errors.Is(err, jose.ErrMalformed) || !errors.Is(err, errCaseVariant) {
			t.Errorf("%s: %v, want the case-variant error", raw, err)
		}
	}
}
