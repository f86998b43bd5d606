package jwt

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// nameMemClaims returns a claims set whose top-level names and the names
// of one nested object (the value of the last top-level name, when nested
// is not 0) hold together exactly lejp.DefaultMaxNameMemory bytes as lejp
// counts them (each name's bytes and 32), plus extra bytes on the first
// name, with top names at the top level and nested in the object; and the
// first name. Every name is 65504 bytes before the extra ones, so 64 of
// them make the bound.
func nameMemClaims(top, nested, extra int) (string, string) {
	const per = lejp.DefaultMaxNameMemory / 64
	name := func(tag string, i, n int) string {
		s := fmt.Sprintf("%s%03d", tag, i)
		return s + strings.Repeat("x", per-32-len(s)+n)
	}
	var b strings.Builder
	b.WriteString("{")
	for i := range top {
		if i > 0 {
			b.WriteString(",")
		}
		n := 0
		if i == 0 {
			n = extra
		}
		fmt.Fprintf(&b, `"%s":`, name("t", i, n))
		if i < top-1 || nested == 0 {
			b.WriteString("1")
			continue
		}
		b.WriteString("{")
		for j := range nested {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"%s":2`, name("n", j, 0))
		}
		b.WriteString("}")
	}
	b.WriteString("}")
	return b.String(), name("t", 0, extra)
}

// TestNameMemoryAsParseObject: the claims readers bound the memory of the
// names they hold as jose.ParseObject (lejp's DefaultMaxNameMemory over the
// names of every open object, the claims set's own included): a claims set
// at the bound verifies, one a byte over it is jose.ErrLimit (wrapping
// lejp.ErrTooManyNames), as ParseObject judges it, through the fast reader
// (at most 32 claims) and the strict one, with a *lejp.SyntaxError at the
// offset and path ParseObject gives. On 383bbff the claims readers had
// no such bound, so a token ParseObject refuses verified, Required found
// its claims and Claims.Get, which reads through ParseObject, found none.
func TestNameMemoryAsParseObject(t *testing.T) {
	v := hsVerifier(t, Validator{})
	for _, tc := range []struct {
		name        string
		top, nested int
	}{
		{"strict reader, top level", 64, 0},
		{"fast reader, nested object", 32, 32},
		{"strict reader, nested object", 40, 24},
	} {
		for _, extra := range []int{0, 1} {
			raw, first := nameMemClaims(tc.top, tc.nested, extra)
			_, perr := jose.ParseObject([]byte(raw))
			if (perr == nil) != (extra == 0) {
				t.Fatalf("%s, %d over: ParseObject: %v", tc.name, extra, perr)
			}
			c, err := v.Verify(signRaw(t, raw))
			if extra == 0 {
				if err != nil {
					t.Errorf("%s, at the bound: %v", tc.name, err)
				} else if _, ok := c.Get(first); !ok {
					t.Errorf("%s, at the bound: Get finds no %.8q…", tc.name, first)
				}
				continue
			}
			if !errors.Is(err, jose.ErrLimit) || !errors.Is(err, lejp.ErrTooManyNames) {
				_, ok := c.Get(first)
				t.Errorf("%s, a byte over: %v (Get finds the first claim: %v), want jose.ErrLimit and lejp.ErrTooManyNames as ParseObject: %v",
					tc.name, err, ok, perr)
				continue
			}
			// where: the *lejp.SyntaxError ParseObject reports
			var got, want *lejp.SyntaxError
			errors.As(perr, &want)
			if !errors.As(err, &got) || got.Offset != want.Offset || got.Path != want.Path {
				t.Errorf("%s, a byte over: SyntaxError %.60v, want offset %d, path %.20q… as ParseObject", tc.name, got, want.Offset, want.Path)
			}
		}
	}
}
