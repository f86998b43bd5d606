package jose

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestErrorSaysJoseOnce: an error jose wraps in its own context says
// "jose: " once. Before, a JSON syntax error read "jose: parsing JSON:
// jose: malformed input: lejp: …" (the sentinel's own "jose: " inside the
// message), an undecodable protected header "jose: protected header: jose:
// malformed input: …", and Member.Object of bad JSON "jose: member "x":
// jose: parsing JSON: jose: …". errors.Is still finds the sentinel and
// errors.As the *lejp.SyntaxError.
func TestErrorSaysJoseOnce(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	for _, tc := range []struct {
		name   string
		call   func() error
		want   error
		syntax bool // wraps a *lejp.SyntaxError
	}{
		{"ParseObject truncated", func() error { _, err := ParseObject([]byte(`{"a":`)); return err }, ErrMalformed, true},
		{"ParseObject duplicate", func() error { _, err := ParseObject([]byte(`{"a":1,"a":2}`)); return err }, ErrMalformed, true},
		{"ParseObject deep", func() error { _, err := ParseObject([]byte(`{"a":` + deep + `}`)); return err }, ErrLimit, true},
		{"ParseObject array", func() error { _, err := ParseObject([]byte(`[]`)); return err }, ErrMalformed, false},
		{"ParseHeader", func() error { _, err := ParseHeader([]byte(`{"alg":"ES256",,}`)); return err }, ErrMalformed, true},
		{"ParseProtected base64", func() error { _, err := ParseProtected([]byte("e!!")); return err }, ErrMalformed, false},
		{"ParseProtected JSON", func() error { _, err := ParseProtected([]byte("eyI")); return err }, ErrMalformed, true},
		{"ArrayElements", func() error { _, err := ArrayElements([]byte(`[1,]`)); return err }, ErrMalformed, true},
		{"Member.Object", func() error { _, err := (Member{Name: "x", Value: []byte(`{"a":1,"a":2}`)}).Object(); return err }, ErrMalformed, true},
		{"Member.Array", func() error { _, err := (Member{Name: "x", Value: []byte(deep)}).Array(); return err }, ErrLimit, true},
		{"Member.Strings", func() error { _, err := (Member{Name: "x", Value: []byte(`["a",]`)}).Strings(); return err }, ErrMalformed, true},
		{"Member.String", func() error { _, err := (Member{Name: "x", Value: []byte(`"a\x01"`)}).String(); return err }, ErrMalformed, true},
		{"Member.Base64URL", func() error { _, err := (Member{Name: "x", Value: []byte(`"e!!"`)}).Base64URL(); return err }, ErrMalformed, false},
	} {
		err := tc.call()
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
			continue
		}
		var se *lejp.SyntaxError
		if tc.syntax && !errors.As(err, &se) {
			t.Errorf("%s: %v wraps no *lejp.SyntaxError", tc.name, err)
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "jose: ") || strings.Count(msg, "jose: ") != 1 {
			t.Errorf("%s: %q does not say \"jose: \" once", tc.name, msg)
		}
		if !strings.Contains(msg, strings.TrimPrefix(tc.want.Error(), "jose: ")) {
			t.Errorf("%s: %q lost the sentinel's words", tc.name, msg)
		}
	}
}
