package main

import (
	"strings"
	"testing"
)

// json get and json events stream: what matches is printed as the parser
// meets it, so an error further on (exit 1) comes after output already on
// standard output (an -o FILE is taken back instead). Their help now says
// so; before, nothing told a script that output before a failure may be
// partial.
func TestStreamingCommandsHelpSaysOutputMayBePartial(t *testing.T) {
	for _, c := range [][]string{{"json", "get"}, {"json", "events"}} {
		out := mustRunCLI(t, "", append(c, "-h")...)
		if !strings.Contains(out, "printed before") {
			t.Errorf("%s -h does not say output before an error stays printed:\n%s", strings.Join(c, " "), out)
		}
	}
}

// cbor get reads its input whole (as cbor diag and to-json do), so it
// checks it whole before printing anything, as they do: a failure prints
// nothing. Before the fix it printed the matches before the bad item
// ("1", "2" for 83 01 02 1c), then failed.
func TestCBORGetPrintsNothingOnFailure(t *testing.T) {
	for _, c := range []struct{ in, pattern string }{
		{"83 01 02 1c", "[]"},                           // reserved additional information
		{"82 a1 61 61 01 a2 61 61 02 61 61 03", "[].a"}, // duplicate key in the second map
		{"82 01 02 03", "[]"},                           // trailing data
	} {
		code, out, e := runCLI(t, c.in, "cbor", "get", c.pattern, "--hex")
		if code != 1 || out != "" || e == "" {
			t.Errorf("cbor get %s over %s: exit %d, stdout %q, stderr %q; want exit 1 and no output", c.pattern, c.in, code, out, e)
		}
	}
	if out := mustRunCLI(t, "83 01 02 03", "cbor", "get", "[]", "--hex"); out != "1\n2\n3\n" {
		t.Errorf("cbor get over good input: %q", out)
	}
}
