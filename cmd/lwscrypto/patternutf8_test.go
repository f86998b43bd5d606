package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A json get PATTERN (or json events --pattern) that is not UTF-8 can
// match no name of strict JSON, whose names are UTF-8: it is a usage
// error (exit 2) pointing at --allow-invalid-utf8, with which it matches
// such names. Before the fix it printed nothing and exited 0, as if the
// document simply held no such value (cbor get refuses such a pattern).
func TestJSONPatternNotUTF8Refused(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.json")
	os.WriteFile(f, []byte("{\"a\xff\":1}"), 0o600)
	g := filepath.Join(dir, "b.json")
	os.WriteFile(g, []byte(`{"a":1}`), 0o600)
	for _, args := range [][]string{{"json", "get", "a\xff", g}, {"json", "events", "--pattern", "a\xff", g}} {
		code, out, e := runCLI(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(e, "not UTF-8") || !strings.Contains(e, "--allow-invalid-utf8") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2, not UTF-8, and the flag in the hint", args[:2], code, out, e)
		}
	}
	if out := mustRunCLI(t, "", "json", "get", "--allow-invalid-utf8", "a\xff", f); out != "1\n" {
		t.Errorf("with --allow-invalid-utf8: %q, want the match", out)
	}
}
