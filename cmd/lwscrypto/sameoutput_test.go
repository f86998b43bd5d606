package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o naming the input FILE itself (or a link to it): json get streams its
// input and opens -o at the first match, truncating the file it is still
// reading; before the fix the input was lost and the error was a puzzling
// "unexpected end of input". It is a usage error (exit 2), and the file is
// left as it was.
func TestOutputIsInputRefused(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "big.json")
	want := bigJSONArray()
	if err := os.WriteFile(f, []byte(want), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(f, link); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"json", "get", "[].a", f, "-o", f},
		{"json", "events", f, "-o", link},
		{"cbor", "diag", "--hex", f, "-o", f},
	} {
		code, out, e := runCLI(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(e, "is the input") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 saying -o is the input", args[:2], code, out, e)
		}
		if got, err := os.ReadFile(f); err != nil || string(got) != want {
			t.Fatalf("%v: the input file was changed (%d bytes, %v)", args[:2], len(got), err)
		}
	}
}

// bigJSONArray is a JSON array of 3000 objects (about 350 KB), longer than
// any read buffer, so a command still reads it when it opens its output.
func bigJSONArray() string {
	var b strings.Builder
	b.WriteString("[")
	for i := range 3000 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"a":1,"pad":"` + strings.Repeat("x", 100) + `"}`)
	}
	b.WriteString("]")
	return b.String()
}
