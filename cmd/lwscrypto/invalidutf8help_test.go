package main

import (
	"strings"
	"testing"
)

// With --allow-invalid-utf8, json get and json events (and cbor diag,
// to-json and get) cannot print bytes
// that are not UTF-8 (or a lone surrogate escape) as they are, since their
// output is JSON: each becomes U+FFFD, so different inputs print alike.
// The flag's help now says so; before it said only "accept strings that
// are not UTF-8".
func TestAllowInvalidUTF8HelpSaysReplaced(t *testing.T) {
	if out := mustRunCLI(t, "{\"a\":\"\xff\"}", "json", "get", "a", "--allow-invalid-utf8"); out != "\"\\ufffd\"\n" {
		t.Errorf("json get of an invalid byte: %q", out)
	}
	if out := mustRunCLI(t, "62 ff fe", "cbor", "diag", "--hex", "--allow-invalid-utf8"); out != "\"\\ufffd\\ufffd\"\n" {
		t.Errorf("cbor diag of invalid bytes: %q", out)
	}
	for _, c := range [][]string{{"json", "get"}, {"json", "events"}, {"cbor", "diag"}, {"cbor", "to-json"}, {"cbor", "get"}} {
		if h := mustRunCLI(t, "", append(c, "-h")...); !strings.Contains(h, "U+FFFD") {
			t.Errorf("%s -h does not say invalid UTF-8 is printed as U+FFFD:\n%s", strings.Join(c, " "), h)
		}
	}
}
