package lecp

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// TestFromJSONDuplicateNameAtName: FromJSON reported a duplicate member
// name at the object's closing brace ({"a":1,"a":2}: offset 12) with the
// object's path; it now names the repeated name's opening quote, as lejp
// does (offset 7), and the member's path, in lecp's path syntax, with or
// without deterministic.
func TestFromJSONDuplicateNameAtName(t *testing.T) {
	for _, c := range []struct{ in, path string }{
		{`{"a":1,"a":2}`, "a"},
		{`{"x":{"b":[1,{"a":1,"c":2,"a":2}]}}`, "x.b[1].a"},
		{`{"a":1,"b":{"c":1},"b":3}`, "b"},
		{`{"b":1,"a":2,"c":{"d":[]},"a":3,"b":4}`, "a"},
		{`{"1":{"":0,"":1}}`, `"1".""`},
		{`{"q":[{"z":1,"y":2,"x":3,"y":{"w":0},"z":5}]}`, "q[0].y"},
	} {
		var le *lejp.SyntaxError
		if !errors.As(lejp.Check([]byte(c.in), nil), &le) {
			t.Fatalf("%s: lejp accepts it", c.in)
		}
		for _, det := range []bool{false, true} {
			_, err := FromJSON(nil, strings.NewReader(c.in), det)
			var se *SyntaxError
			if !errors.Is(err, ErrDuplicateKey) || !errors.As(err, &se) || se.Offset != le.Offset || se.Path != c.path {
				t.Errorf("%s (deterministic %v): %v; want offset %d (lejp: %v), path %s", c.in, det, err, le.Offset, le, c.path)
			}
		}
	}
}
