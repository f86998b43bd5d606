package jose

import (
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestHeaderAppendJSONStrict: AppendJSON refuses, with ErrMalformed and the
// lejp cause, a header it cannot write as one that reads back the same: a
// name that is not UTF-8 (the base wrote U+FFFD, another name), a repeated
// name and a value that is not one strict JSON value (the base wrote both
// as they were). ParseHeader, ParseProtected and Join never make such a
// header, so the test builds one inside the package: the path is not
// reachable through the public API.
func TestHeaderAppendJSONStrict(t *testing.T) {
	for name, tc := range map[string]struct {
		members []Member
		cause   error
	}{
		"name not UTF-8":  {[]Member{{Name: "alg", Value: []byte(`"ES256"`)}, {Name: "ki\xff", Value: []byte(`"a"`)}}, lejp.ErrInvalidUTF8},
		"repeated name":   {[]Member{{Name: "kid", Value: []byte(`"a"`)}, {Name: "kid", Value: []byte(`"b"`)}}, lejp.ErrDuplicateName},
		"value not JSON":  {[]Member{{Name: "kid", Value: []byte(`"a",`)}}, lejp.ErrTrailingData},
		"value not UTF-8": {[]Member{{Name: "kid", Value: []byte("\"\xff\"")}}, lejp.ErrInvalidUTF8},
		"no value":        {[]Member{{Name: "kid"}}, lejp.ErrUnexpectedEOF},
	} {
		h := &Header{members: tc.members}
		out, err := h.AppendJSON([]byte("x"))
		if !errors.Is(err, ErrMalformed) || !errors.Is(err, tc.cause) || string(out) != "x" {
			t.Errorf("%s: %q, %v; want x and ErrMalformed, %v", name, out, err, tc.cause)
		}
	}
	h, err := ParseHeader([]byte(`{"alg":"ES256","kid":"\ufffd","x":{"a":[1]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := h.AppendJSON([]byte("x")); err != nil || string(out) != "x{\"alg\":\"ES256\",\"kid\":\"\\ufffd\",\"x\":{\"a\":[1]}}" {
		t.Errorf("parsed header: %s, %v", out, err)
	}
}
