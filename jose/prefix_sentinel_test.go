package jose

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestSentinelEndedErrorSaysJoseOnce: a jose error whose text ends with
// its sentinel says "jose: " once. Before, each of these read "jose: …:
// jose: malformed input" (or "…: jose: input exceeds limit", "…: jose:
// critical header refused"): the sentinel's own prefix inside a
// message that had one. errors.Is still finds the sentinel, errors.As the
// lejp cause where there is one, and the text keeps the sentinel's words.
func TestSentinelEndedErrorSaysJoseOnce(t *testing.T) {
	header := func(s string) *Header {
		h, err := ParseHeader([]byte(s))
		if err != nil {
			t.Fatalf("ParseHeader(%s): %v", s, err)
		}
		return h
	}
	members := func(prefix string, n int) string {
		var b strings.Builder
		b.WriteByte('{')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + prefix + strconv.Itoa(i) + `":0`)
		}
		b.WriteByte('}')
		return b.String()
	}
	strs := "[" + strings.Repeat(`"a",`, MaxStrings) + `"a"]`
	elems := "[" + strings.Repeat(`0,`, maxElements) + `0]`
	for _, tc := range []struct {
		name  string
		call  func() error
		want  error
		cause error // a lejp sentinel errors.Is must reach too
	}{
		{"x5t size", func() error { _, err := ParseHeader([]byte(`{"x5t":"AAAA"}`)); return err }, ErrMalformed, nil},
		{"p2c zero", func() error { _, err := ParseHeader([]byte(`{"p2c":0}`)); return err }, ErrMalformed, nil},
		{"x5c empty", func() error { _, err := ParseHeader([]byte(`{"x5c":[]}`)); return err }, ErrMalformed, nil},
		{"x5c empty cert", func() error { _, err := ParseHeader([]byte(`{"x5c":[""]}`)); return err }, ErrMalformed, nil},
		{"x5c not base64", func() error { _, err := ParseHeader([]byte(`{"x5c":["!!"]}`)); return err }, ErrMalformed, nil},
		{"member type", func() error { _, err := ParseHeader([]byte(`{"alg":1}`)); return err }, ErrMalformed, nil},
		{"case variants", func() error { _, err := ParseObject([]byte(`{"a":1,"A":2}`)); return err }, ErrMalformed, nil},
		{"too many members", func() error { _, err := ParseObject([]byte(members("m", MaxMembers+1))); return err }, ErrLimit, nil},
		{"too many strings", func() error { _, err := (Member{Name: "x", Value: []byte(strs)}).Strings(); return err }, ErrLimit, nil},
		{"too many elements", func() error { _, err := ArrayElements([]byte(elems)); return err }, ErrLimit, nil},
		{"Join nil", func() error { _, err := Join(nil, nil); return err }, ErrMalformed, nil},
		{"Join too many", func() error {
			_, err := Join(header(members("p", MaxMembers/2+1)), header(members("u", MaxMembers/2)))
			return err
		}, ErrLimit, nil},
		{"Join both", func() error { _, err := Join(header(`{"alg":"a"}`), header(`{"Alg":"b"}`)); return err }, ErrMalformed, nil},
		{"Join crit", func() error { _, err := Join(header(`{"alg":"a"}`), header(`{"crit":["x"]}`)); return err }, ErrCrit, nil},
		{"AppendJSON", func() error {
			_, err := (&Header{members: []Member{{Name: "\xff", Value: []byte("1")}}}).AppendJSON(nil)
			return err
		}, ErrMalformed, lejp.ErrInvalidUTF8},
		{"CheckCrit", func() error { return CheckCrit([]string{"x"}, func(string) bool { return true }, nil) }, ErrCrit, nil},
	} {
		err := tc.call()
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
			continue
		}
		if tc.cause != nil && !errors.Is(err, tc.cause) {
			t.Errorf("%s: %v does not reach %v", tc.name, err, tc.cause)
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
