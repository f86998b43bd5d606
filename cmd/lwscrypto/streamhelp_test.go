package main

import (
	"strings"
	"testing"
)

// json get, json events and cbor get stream: what matches is printed as
// the parser meets it, so an error further on (exit 1) comes after output
// already on standard output (an -o FILE is taken back instead). Their
// help now says so; before, nothing told a script that output before a
// failure may be partial.
func TestStreamingCommandsHelpSaysOutputMayBePartial(t *testing.T) {
	for _, c := range [][]string{{"json", "get"}, {"json", "events"}, {"cbor", "get"}} {
		out := mustRunCLI(t, "", append(c, "-h")...)
		if !strings.Contains(out, "printed before") {
			t.Errorf("%s -h does not say output before an error stays printed:\n%s", strings.Join(c, " "), out)
		}
	}
	// The streaming itself, as the help describes it.
	code, out, _ := runCLI(t, "83 01 02 1c", "cbor", "get", "[]", "--hex")
	if code != 1 || out != "1\n2\n" {
		t.Errorf("cbor get over a bad third item: exit %d, stdout %q; want 1 and the two items before it", code, out)
	}
}
