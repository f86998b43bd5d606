package jwt

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestExtraClaimErrorsNameTheClaim: a ClaimSet.Extra member the writer
// refuses is named in the error, with what to do. Before, an unquoted
// string value read "jwt: claims: lejp: writer: Raw value at output offset
// 25: lejp: invalid character at offset 0" and a repeated name "duplicate
// object member name (a member name at output offset 17)": the caller had
// to count bytes to find which claim. Sentinels (and a
// *lejp.SyntaxError where there is one) are unchanged.
func TestExtraClaimErrorsNameTheClaim(t *testing.T) {
	exp := time.Unix(2000000000, 0)
	deep := []byte(strings.Repeat("[", 70) + strings.Repeat("]", 70))
	for _, c := range []struct {
		name  string
		extra []jose.Member
		is    error
		want  string
		avoid string
	}{
		{"unquoted string", []jose.Member{{Name: "role", Value: []byte(`admin`)}}, jose.ErrMalformed,
			`Extra claim "role": its Value must be one JSON value (a string in its quotes`, ""},
		{"repeated in Extra", []jose.Member{{Name: "role", Value: []byte(`"a"`)}, {Name: "role", Value: []byte(`1`)}}, jose.ErrMalformed,
			`Extra claim "role" is set twice`, "must be one JSON value"},
		{"repeats a field", []jose.Member{{Name: "exp", Value: []byte(`1`)}}, jose.ErrMalformed,
			`Extra claim "exp" is set twice (in Extra, or also by a ClaimSet field)`, ""},
		// Past the writer, the claims reader names the claim by its path.
		{"too deep", []jose.Member{{Name: "n", Value: deep}}, jose.ErrLimit,
			`(path /n/0/`, "must be one JSON value"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cs := &ClaimSet{ExpiresAt: exp, Extra: c.extra}
			_, err := cs.AppendJSON(nil)
			if !errors.Is(err, c.is) {
				t.Fatalf("AppendJSON: %v; want %v", err, c.is)
			}
			var se *lejp.SyntaxError
			if c.name == "unquoted string" && !errors.As(err, &se) {
				t.Fatalf("AppendJSON: %v; want the *lejp.SyntaxError reachable", err)
			}
			if !strings.Contains(err.Error(), c.want) || (c.avoid != "" && strings.Contains(err.Error(), c.avoid)) {
				t.Fatalf("AppendJSON: %q; want it to say %q (and not %q)", err, c.want, c.avoid)
			}
		})
	}
}
