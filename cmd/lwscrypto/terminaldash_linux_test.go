package main

import (
	"strings"
	"testing"
)

// "-o -" is standard output, so binary CBOR is refused on a terminal there
// too. Before the fix any -o value skipped the check, and "-o -" wrote the
// binary to the terminal.
func TestBinaryOutputTerminalDashO(t *testing.T) {
	_, pts := openPTY(t)
	var errb strings.Builder
	if code := Main([]string{"cbor", "from-json", "-o", "-"}, strings.NewReader(`{"a":"\u001b[2J"}`), pts, &errb); code != 2 ||
		!strings.Contains(errb.String(), "refusing to write binary CBOR to a terminal") {
		t.Errorf("-o - to a terminal: exit %d, stderr %q; want 2 and a refusal", code, errb.String())
	}
}
