package main

import (
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/lecp"
)

// cbor get reads its input whole (up to maxInput, 256 MiB), so a match may
// be any size within it: lecp bounds a capture by MaxValueLen (64 MiB by
// default), and before the fix a match longer than that failed with
// "value too large" though the input had been accepted whole.
func TestCBORGetMatchLargerThanLecpDefault(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 66 MiB input and about 400 MB of output and copies (about 1 s); skipped under -short")
	}
	half := lecp.DefaultMaxValueLen/2 + 1<<20
	buf := lecp.AppendMapHeader(nil, 1)
	buf = lecp.AppendText(buf, "a")
	buf = lecp.AppendArrayHeader(buf, 2)
	s := make([]byte, half)
	buf = lecp.AppendBytes(buf, s)
	buf = lecp.AppendBytes(buf, s)
	if len(buf) <= lecp.DefaultMaxValueLen {
		t.Fatalf("input of %d bytes is not over lecp's default capture bound", len(buf))
	}
	code, out, e := runCLI(t, string(buf), "cbor", "get", "a")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	if want := 2*(2*half+3) + 4 + 1; len(out) != want || !strings.HasPrefix(out, "[h'00") {
		t.Fatalf("output of %d bytes (%.20q…); want %d", len(out), out, want)
	}
}
