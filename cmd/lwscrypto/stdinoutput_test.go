package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o naming the file standard input comes from ("json get P -o f < f"):
// the input FILE was refused as -o (TestOutputIsInputRefused), but
// standard input redirected from the same file was not, so json get and
// json events truncated the file they were still reading, failed with a
// puzzling "unexpected end of input" and left it empty: the input was
// destroyed. It is the same usage error (exit 2), the file left as it was.
func TestOutputIsStdinRefused(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "big.json")
	want := bigJSONArray()
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(f, link); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"json", "get", "[].a", "-o", f},
		{"json", "events", "-o", link},
		{"json", "get", "[].a", "-", "-o", f},
		{"cbor", "diag", "--hex", "-o", f},
	} {
		if err := os.WriteFile(f, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		in, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		code := Main(args, in, &out, &errb)
		in.Close()
		if code != 2 || out.Len() != 0 || !strings.Contains(errb.String(), "is the input") {
			t.Errorf("%v < FILE: exit %d, stdout %q, stderr %q; want exit 2 saying -o is the input", args, code, out.String(), errb.String())
		}
		if got, err := os.ReadFile(f); err != nil || string(got) != want {
			t.Errorf("%v < FILE: the input file was changed (%d bytes, %v)", args, len(got), err)
		}
	}
	// Standard input from another file, or not a file at all, is fine.
	other := filepath.Join(dir, "other.json")
	os.WriteFile(other, []byte(`[{"a":1}]`), 0o644)
	in, _ := os.Open(other)
	defer in.Close()
	var out, errb bytes.Buffer
	if code := Main([]string{"json", "get", "[].a", "-o", f}, in, &out, &errb); code != 0 {
		t.Errorf("json get < other -o FILE: exit %d, %s", code, errb.String())
	}
	if got, _ := os.ReadFile(f); string(got) != "1\n" {
		t.Errorf("json get < other -o FILE wrote %q", got)
	}
}
