package main

import (
	"strings"
	"testing"
)

// Binary output refused on a terminal can be forced with "-o -", as age
// does ("force anyway with -o -"), and the refusal's hint says so.
func TestBinaryOutputTerminalDashO(t *testing.T) {
	_, pts := openPTY(t)
	var errb strings.Builder
	if code := Main([]string{"cbor", "from-json"}, strings.NewReader(`{"a":1}`), pts, &errb); code != 2 ||
		!strings.Contains(errb.String(), "hint: ") || !strings.Contains(errb.String(), "-o -") {
		t.Errorf("to a terminal: exit %d, stderr %q; want 2 and a hint naming -o -", code, errb.String())
	}
	errb.Reset()
	if code := Main([]string{"cbor", "from-json", "-o", "-"}, strings.NewReader(`{"a":1}`), pts, &errb); code != 0 {
		t.Errorf("-o - to a terminal: exit %d, stderr %q; want 0 (forced)", code, errb.String())
	}
}
