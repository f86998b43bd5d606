package main

import (
	"encoding/hex"
	"strconv"
	"strings"
	"testing"
)

// TestDepthHintEveryCommandNamesTheLimit: TestDepthHintNamesTheLimit took
// cbor check only with --hex (its in-memory path) and no cbor get, so the
// limit named by binary cbor check (read streaming) and by cbor get could
// have been any number. Every command that takes --max-depth names the
// limit in effect, the default or the one passed, and exits 1.
func TestDepthHintEveryCommandNamesTheLimit(t *testing.T) {
	deepJSON := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	deepHex := func(n int) string { return strings.Repeat("81", n) + "00" }
	deepBin := func(n int) string { b, _ := hex.DecodeString(deepHex(n)); return string(b) }
	for _, c := range []struct {
		in   string
		args []string
		want int
	}{
		{deepJSON(5), []string{"json", "events", "--max-depth", "4"}, 4},
		{deepJSON(1001), []string{"json", "get", "$"}, 1000},
		{deepBin(5), []string{"cbor", "check", "--max-depth", "3"}, 3},
		{deepBin(1001), []string{"cbor", "check"}, 1000},
		{deepHex(5), []string{"cbor", "get", "$", "--hex", "--max-depth", "2"}, 2},
		{deepBin(5), []string{"cbor", "get", "$", "--max-depth", "3"}, 3},
		{deepHex(5), []string{"cbor", "to-json", "--hex", "--max-depth", "4"}, 4},
		{"00" + deepHex(3), []string{"cbor", "diag", "--hex", "--seq", "--max-depth", "2"}, 2},
	} {
		want := "hint: the nesting limit is " + strconv.Itoa(c.want) + " (--max-depth N sets it)"
		code, _, e := runCLI(t, c.in, c.args...)
		if code != 1 || !strings.Contains(e, "nesting too deep") || !strings.Contains(e, want) {
			t.Errorf("%v: exit %d, stderr %.200q; want exit 1 and %q", c.args, code, e, want)
		}
	}
}
