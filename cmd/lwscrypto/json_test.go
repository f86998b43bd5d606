package main

import (
	"strings"
	"testing"
)

// TestJSONExitCodes checks the exact exit statuses of the json commands:
// 0 valid, 1 invalid input, 2 usage error.
func TestJSONExitCodes(t *testing.T) {
	for _, tc := range []struct {
		stdin string
		args  []string
		code  int
		out   string
	}{
		{`{"a":[1,2]}`, []string{"json", "check"}, 0, ""},
		{`{"a":1,"a":2}`, []string{"json", "check"}, 1, ""},
		{`[1,`, []string{"json", "check"}, 1, ""},
		{`[1]`, []string{"json", "check", "--nosuch"}, 2, ""},
		{`[1]`, []string{"json", "check", "a", "b"}, 2, ""},
		{`{"a":{"b":"c"}}`, []string{"json", "get", "a.b"}, 0, "\"c\"\n"},
		{`{"a":{"b":"c"}}`, []string{"json", "get", "a"}, 0, "{\"b\":\"c\"}\n"},
		{`{"a":{"b":"c"}`, []string{"json", "get", "a.b"}, 1, "\"c\"\n"},
		{`{}`, []string{"json", "get"}, 2, ""},
		{`{}`, []string{"json", "get", "a[b"}, 2, ""},
		{`[1]`, []string{"json", "events"}, 0, "0 array-start \"\"\n1 int \"/0\" 1\n2 array-end \"\"\n"},
		{`[x]`, []string{"json", "events"}, 1, "0 array-start \"\"\n"},
	} {
		code, out, errOut := runCLI(t, tc.stdin, tc.args...)
		if code != tc.code || out != tc.out {
			t.Errorf("%s < %q: exit %d, stdout %q (stderr %q); want %d, %q", strings.Join(tc.args, " "), tc.stdin, code, out, errOut, tc.code, tc.out)
		}
		if code == 1 && !strings.Contains(errOut, "at offset") {
			t.Errorf("%s < %q: error does not name the offset: %q", strings.Join(tc.args, " "), tc.stdin, errOut)
		}
	}
}
