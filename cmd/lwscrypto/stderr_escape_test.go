package main

import (
	"strings"
	"testing"
)

// Error messages quote parts of the input (a JSON Pointer path, a member
// name); a terminal must not act on control characters in them. Before the
// fix json check wrote the name "\u001b[2J" of a bad document raw, ESC
// included, into its error's path.
func TestErrorMessagesEscapeControls(t *testing.T) {
	for _, tc := range []struct {
		stdin string
		args  []string
	}{
		{`{"\u001b[2J\u009b1A":x}`, []string{"json", "check"}},
		{`{"\u001b[2J":{"a":x}}`, []string{"json", "get", "*"}},
		{`{"\u001b[2J\nlwscrypto: hint: all fine":x}`, []string{"json", "check"}},
	} {
		code, _, e := runCLI(t, tc.stdin, tc.args...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1", tc.args, code)
		}
		if strings.ContainsAny(e, "\x1b\u009b") {
			t.Errorf("%v: stderr holds a control character: %q", tc.args, e)
		}
		if strings.Count(e, "\n") != 1 {
			t.Errorf("%v: stderr is not one line: %q", tc.args, e)
		}
		if !strings.Contains(e, `\u001b[2J`) {
			t.Errorf("%v: stderr lost the escaped name: %q", tc.args, e)
		}
	}
}
