package main

import (
	"strings"
	"testing"
)

// vectors' progress line on a terminal names each corpus file as it runs;
// a file name may hold control characters (the corpus directory is
// whatever --dir names). They are escaped like every other message, so
// the only control sequence is the line's own "\r\x1b[K". Internal: the
// line is only written when standard error is a terminal.
func TestVectorsProgressLineEscapes(t *testing.T) {
	got := progressLine("wycheproof/a\x1b]0;owned\x07b\nc.json")
	want := "\r\x1b[Krunning wycheproof/a\\u001b]0;owned\\u0007b\\nc.json"
	if got != want {
		t.Errorf("progressLine = %q, want %q", got, want)
	}
	if strings.Count(got, "\x1b") != 1 {
		t.Errorf("progress line carries the name's ESC: %q", got)
	}
}
