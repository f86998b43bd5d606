package main

import (
	"strings"
	"testing"
)

// With --allow-invalid-utf8, json get and json events cannot print bytes
// that are not UTF-8 (or a lone surrogate escape) as they are, since their
// output is JSON: each becomes U+FFFD, so different inputs print alike.
// The flag's help now says so; before it said only "accept strings that
// are not UTF-8".
func TestAllowInvalidUTF8HelpSaysReplaced(t *testing.T) {
	if out := mustRunCLI(t, "{\"a\":\"\xff\"}", "json", "get", "a", "--allow-invalid-utf8"); out != "\"\\ufffd\"\n" {
		t.Errorf("json get of an invalid byte: %q", out)
	}
	for _, c := range []string{"get", "events"} {
		if h := mustRunCLI(t, "", "json", c, "-h"); !strings.Contains(h, "U+FFFD") {
			t.Errorf("json %s -h does not say invalid UTF-8 is printed as U+FFFD:\n%s", c, h)
		}
	}
}
