package main

import (
	"strings"
	"testing"
)

// TestCBORMaxDepthHelpNamesIndefiniteStrings: lecp counts an
// indefinite-length string as a level, as it does arrays, maps and tags,
// so --max-depth refuses one nested too deep; the flag's help named only
// arrays, maps and tags, leaving a user who lowered the limit to wonder why
// [(_ h'01')] is one level too deep at --max-depth 1.
func TestCBORMaxDepthHelpNamesIndefiniteStrings(t *testing.T) {
	in := "81 5f 41 01 ff" // [(_ h'01')]: two levels
	if code, _, e := runCLI(t, in, "cbor", "check", "--hex", "--max-depth", "1"); code != 1 || !strings.Contains(e, "nesting too deep") {
		t.Fatalf("--max-depth 1: exit %d, %s; want exit 1, nesting too deep", code, e)
	}
	if code, _, e := runCLI(t, in, "cbor", "check", "--hex", "--max-depth", "2"); code != 0 {
		t.Fatalf("--max-depth 2: exit %d, %s", code, e)
	}
	for _, verb := range []string{"check", "diag", "get", "to-json"} {
		out := mustRunCLI(t, "", "cbor", verb, "-h")
		i := strings.Index(out, "--max-depth")
		if i < 0 {
			t.Fatalf("cbor %s -h has no --max-depth:\n%s", verb, out)
		}
		if line := out[i:]; !strings.Contains(line[:strings.Index(line, "(default")], "indefinite-length strings") {
			t.Errorf("cbor %s -h: --max-depth help does not name indefinite-length strings:\n%s", verb, line)
		}
	}
}
