package main

import (
	"strings"
	"testing"
)

// TestCBORGetStarInsideKeyIsUsageError: a PATTERN whose bare key holds '*'
// (kid*) is a usage error (exit 2) for cbor get as for json get, not a text
// key that silently matches nothing (exit 0); quoted, "kid*" names the key;
// integer and negative keys, [0], [*] and a * wildcard still work.
func TestCBORGetStarInsideKeyIsUsageError(t *testing.T) {
	const in = "a3 64 6b69642a 01 61 61 02 20 03" // {"kid*": 1, "a": 2, -1: 3}
	for _, pat := range []string{"kid*", "*kid", "a*", "**", `a"b`, "a]b"} {
		code, out, e := runCLI(t, in, "cbor", "get", "--hex", pat)
		if code != 2 || out != "" || !strings.Contains(e, "invalid path pattern") {
			t.Errorf("cbor get %q: exit %d, stdout %q, stderr %q; want exit 2, invalid path pattern", pat, code, out, e)
		}
	}
	for _, tc := range []struct{ pat, out string }{
		{`"kid*"`, "1\n"}, {"a", "2\n"}, {"-1", "3\n"}, {"*", "1\n2\n3\n"}, {"1", ""},
	} {
		if code, out, e := runCLI(t, in, "cbor", "get", "--hex", tc.pat); code != 0 || out != tc.out {
			t.Errorf("cbor get %q: exit %d, stdout %q, stderr %q; want exit 0, %q", tc.pat, code, out, e, tc.out)
		}
	}
	if code, out, e := runCLI(t, "83 01 02 03", "cbor", "get", "--hex", "[*]"); code != 0 || out != "1\n2\n3\n" {
		t.Errorf("cbor get [*]: exit %d, stdout %q, stderr %q", code, out, e)
	}
}
