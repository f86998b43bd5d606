package main

import (
	"strings"
	"testing"
)

// --max-depth N below 1 is a usage error. Before the fix the library's
// "0 (or less) means the default" leaked through: --max-depth 0 or -3
// accepted nesting 1000 deep, the opposite of what was asked.
func TestMaxDepthBelowOne(t *testing.T) {
	for _, tc := range []struct {
		stdin string
		args  []string
	}{
		{"[[1]]", []string{"json", "check", "--max-depth", "0"}},
		{"[[1]]", []string{"json", "check", "--max-depth", "-3"}},
		{"[[1]]", []string{"json", "get", "--max-depth", "0", "*"}},
		{"[[1]]", []string{"json", "events", "--max-depth", "-1"}},
		{"\x81\x81\x01", []string{"cbor", "check", "--max-depth", "0"}},
		{"\x81\x81\x01", []string{"cbor", "diag", "--max-depth", "-1"}},
		{"\x81\x81\x01", []string{"cbor", "get", "--max-depth", "0", "[0]"}},
	} {
		code, out, e := runCLI(t, tc.stdin, tc.args...)
		if code != 2 || out != "" || !strings.Contains(e, "--max-depth") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 naming --max-depth", tc.args, code, out, e)
		}
	}
	if code, _, e := runCLI(t, "[1]", "json", "check", "--max-depth", "1"); code != 0 {
		t.Errorf("--max-depth 1 on [1]: %s", e)
	}
}
