package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A regular FILE larger than maxInput is refused from its size, before a
// byte of it is read: before the fix the command read maxInput+1 bytes
// into memory first (with 256 MiB, over 500 MB resident for a moment,
// and seconds of reading) only to refuse them.
func TestOversizedFileRefusedWithoutReading(t *testing.T) {
	old := maxInput
	maxInput = 32 << 20
	defer func() { maxInput = old }()
	big := filepath.Join(t.TempDir(), "big")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	// standard input redirected from it ("< big") too
	in, err := os.Open(big)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var ob, eb strings.Builder
	code := Main([]string{"jwt", "inspect"}, in, &ob, &eb)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; code != 1 || n > 4<<20 {
		t.Errorf("< big: exit %d, stderr %q, allocated %d bytes; want exit 1 and no reading", code, eb.String(), n)
	}
	for _, args := range [][]string{{"cbor", "diag", big}, {"jwt", "inspect", big}, {"cbor", "from-json", "--hex", big}} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		code, out, e := runCLI(t, "", args...)
		runtime.ReadMemStats(&after)
		if code != 1 || out != "" || !strings.Contains(e, "larger than") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1, larger than", args[:2], code, out, e)
		}
		if n := after.TotalAlloc - before.TotalAlloc; n > 4<<20 {
			t.Errorf("%v: allocated %d bytes to refuse a file by its size", args[:2], n)
		}
	}
}
