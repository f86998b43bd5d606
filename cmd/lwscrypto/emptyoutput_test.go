package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A command that succeeds with no output (json get with no match, json
// check) leaves its -o FILE holding exactly that: nothing. -o opens at the
// first byte written, so before the fix an existing FILE kept the previous
// run's contents, shown as this run's output with exit 0, and a new FILE
// was never created ("json get … -o out && cat out" failed).
func TestEmptyOutputStillWritesFile(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"json", "get", "b"},
		{"json", "check"},
		{"cbor", "get", "[5]", "--hex"},
	} {
		stdin := `{"a":1}`
		if args[0] == "cbor" {
			stdin = "82 01 02"
		}
		stale := filepath.Join(dir, "stale")
		if err := os.WriteFile(stale, []byte("previous output\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, e := runCLI(t, stdin, append(args, "-o", stale)...); code != 0 {
			t.Fatalf("%v -o existing: exit %d, %s", args, code, e)
		}
		if b, err := os.ReadFile(stale); err != nil || len(b) != 0 {
			t.Errorf("%v -o existing: the file holds %q (%v); want it empty, as the output is", args, b, err)
		}
		fresh := filepath.Join(dir, "fresh")
		os.Remove(fresh)
		if code, _, e := runCLI(t, stdin, append(args, "-o", fresh)...); code != 0 {
			t.Fatalf("%v -o new: exit %d, %s", args, code, e)
		}
		if b, err := os.ReadFile(fresh); err != nil || len(b) != 0 {
			t.Errorf("%v -o new: %q (%v); want an empty file", args, b, err)
		}
	}
}
