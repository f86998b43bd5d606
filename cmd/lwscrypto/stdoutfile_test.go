package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o naming the file standard output already goes to ("cmd -o /dev/stdout
// >> log", or "cmd -o log >> log") writes to standard output: before the
// fix -o opened the file anew and truncated it, so the log lost all it
// held, even for a command with no output (json check). The log now
// keeps what it held, the output appended; one that receives a private
// key is still made owner-only, as any -o FILE for a private key is. The same for standard error ("-o /dev/stderr 2>> log").
func TestOutputIsStdoutFileAppends(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	pub := mustRunCLI(t, "", "jwk", "pub", key)
	log := filepath.Join(dir, "log")
	link := filepath.Join(dir, "link")
	if err := os.Symlink(log, link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		stdin, want string
		args        []string
	}{
		{`{"a":1}`, "", []string{"json", "check", "-o", log}},         // no output
		{`{"a":1}`, "1\n", []string{"json", "get", "a", "-o", link}},  // -o of parseFlags
		{"", pub, []string{"jwk", "pub", key, "-o", log}},             // a command's own -o
		{"", "", []string{"jwk", "gen", "--alg", "ES256", "-o", log}}, // a private key
		{`{"a":1}`, "1\n", []string{"json", "get", "a", "-o", "-"}},   // "-" is standard output
	} {
		const earlier = "earlier line\n"
		if err := os.WriteFile(log, []byte(earlier), 0o644); err != nil {
			t.Fatal(err)
		}
		stdout, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		var errb bytes.Buffer
		code := Main(c.args, strings.NewReader(c.stdin), stdout, &errb)
		stdout.Close()
		got, err := os.ReadFile(log)
		if code != 0 || err != nil || !strings.HasPrefix(string(got), earlier) || c.want != "" && string(got) != earlier+c.want {
			t.Errorf("%v >> log: exit %d, log %q (%v), stderr %q; want the earlier line kept and %q after it", c.args, code, got, err, errb.String(), c.want)
		}
		if c.args[1] == "gen" && !strings.Contains(string(got), `"d":`) {
			t.Errorf("jwk gen -o log >> log: no key in the log: %q", got)
		}
		// A file that now holds a private key loses its group and other
		// permissions, as -o FILE always does for one; others keep theirs.
		want := os.FileMode(0o644)
		if c.args[1] == "gen" {
			want = 0o600
		}
		if st, err := os.Stat(log); err != nil || st.Mode().Perm() != want {
			t.Errorf("%v >> log: the log's mode is %v (%v), want %v", c.args, st.Mode(), err, want)
		}
		os.Chmod(log, 0o644)
	}
	const earlier = "earlier line\n"
	if err := os.WriteFile(log, []byte(earlier), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	code := Main([]string{"jwk", "pub", key, "-o", log}, strings.NewReader(""), &out, stderr)
	stderr.Close()
	if got, err := os.ReadFile(log); code != 0 || err != nil || string(got) != earlier+pub || out.Len() != 0 {
		t.Errorf("jwk pub -o log 2>> log: exit %d, log %q (%v), stdout %q; want %q", code, got, err, out.String(), earlier+pub)
	}
}
