package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInputAtSizeLimitTaken: an input of exactly maxInput bytes is taken,
// one byte more refused, whether it is a FILE (refused from its size), a
// pipe (refused after reading) or standard input redirected from a file
// already partly read, whose size check counts only what is left from the
// current offset (and must not move it).
func TestInputAtSizeLimitTaken(t *testing.T) {
	old := maxInput
	maxInput = 64
	defer func() { maxInput = old }()
	// a CBOR byte string of 62 bytes: 64 bytes in all
	exact := append([]byte{0x58, 62}, bytes.Repeat([]byte{'a'}, 62)...)
	over := append([]byte{0x58, 63}, bytes.Repeat([]byte{'a'}, 63)...)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pExact, pOver := write("exact", exact), write("over", over)
	pPrefixed := write("prefixed", append([]byte("12345678"), exact...))

	check := func(what string, stdin io.Reader, args []string, ok bool) {
		t.Helper()
		var ob, eb strings.Builder
		code := Main(args, stdin, &ob, &eb)
		switch {
		case ok && code != 0:
			t.Errorf("%s: exit %d, stderr %q; want it taken", what, code, eb.String())
		case !ok && (code != 1 || !strings.Contains(eb.String(), "larger than")):
			t.Errorf("%s: exit %d, stderr %q; want exit 1, larger than", what, code, eb.String())
		}
	}
	check("FILE of maxInput bytes", strings.NewReader(""), []string{"cbor", "diag", pExact}, true)
	check("FILE of maxInput+1 bytes", strings.NewReader(""), []string{"cbor", "diag", pOver}, false)
	check("pipe of maxInput bytes", bytes.NewReader(exact), []string{"cbor", "diag"}, true)
	check("pipe of maxInput+1 bytes", bytes.NewReader(over), []string{"cbor", "diag"}, false)

	f, err := os.Open(pPrefixed)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Seek(8, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	check("stdin from a file at offset 8, maxInput bytes left", f, []string{"cbor", "diag"}, true)
}
