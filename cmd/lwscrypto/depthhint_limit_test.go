package main

import (
	"strings"
	"testing"
)

// TestDepthHintNamesTheLimit: "nesting too deep" said neither the limit
// in effect nor that --max-depth can lower it as well as raise it; a user
// who had lowered it to 3 was told "--max-depth raises the nesting limit".
// The hint now names the limit that was passed.
func TestDepthHintNamesTheLimit(t *testing.T) {
	deepJSON := strings.Repeat("[", 5) + strings.Repeat("]", 5)
	deepCBOR := strings.Repeat("81", 5) + "00"
	for _, c := range []struct {
		in   string
		args []string
		want string
	}{
		{deepJSON, []string{"json", "check", "--max-depth", "3"}, "the nesting limit is 3 (--max-depth N sets it)"},
		{strings.Repeat("[", 1001) + strings.Repeat("]", 1001), []string{"json", "check"}, "the nesting limit is 1000 (--max-depth N sets it)"},
		{deepJSON, []string{"json", "get", "a", "--max-depth", "2"}, "the nesting limit is 2 (--max-depth N sets it)"},
		{deepCBOR, []string{"cbor", "check", "--hex", "--max-depth", "3"}, "the nesting limit is 3 (--max-depth N sets it)"},
		{deepCBOR, []string{"cbor", "diag", "--hex", "--max-depth", "4"}, "the nesting limit is 4 (--max-depth N sets it)"},
	} {
		code, _, e := runCLI(t, c.in, c.args...)
		if code != 1 || !strings.Contains(e, "nesting too deep") || !strings.Contains(e, "hint: "+c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and hint %q", c.args, code, e, c.want)
		}
	}
}
