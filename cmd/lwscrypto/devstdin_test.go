package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --key /dev/stdin is --key -: "cat k.jwk | lwscrypto jws sign --key
// /dev/stdin" read the key from the pipe, then the payload from the
// same, now empty, pipe, and signed an empty payload (exit 0): a
// signature over nothing, silently. --key - is refused there (the input
// must then be FILE, TestKeyFromStdin); a file named on the command line
// that is standard input under another name (/dev/stdin, /dev/fd/0) is
// now the same usage error (exit 2). The same for --payload and --claims
// @FILE.
func TestFileThatIsStdinClaimsIt(t *testing.T) {
	dir, keyFile, key := stdinTestKey(t)
	tok := mustRunCLI(t, "hello", "jws", "sign", "--key", keyFile)
	tokFile := filepath.Join(dir, "t")
	if err := os.WriteFile(tokFile, []byte(tok), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(in string, args ...string) (int, string, string) {
		code, out, e, _ := runPipedStdin(t, in, args...)
		return code, out, e
	}
	for _, c := range []struct {
		in   string
		args []string
	}{
		{string(key), []string{"jws", "sign", "--key", "STDIN"}},
		{string(key), []string{"jwt", "verify", "--key", "STDIN"}},
		{string(key), []string{"jwt", "sign", "--key", "STDIN", "--claims", "@-"}},
		{"hello", []string{"jws", "verify", "--key", keyFile, "--payload", "STDIN"}},
		{string(key), []string{"jws", "sign", "--key", "-", "STDIN"}},
		{"hello", []string{"jws", "sign", "--key", keyFile, "STDIN"}},
	} {
		code, out, e := run(c.in, c.args...)
		if len(c.args) == 5 && c.args[3] == keyFile && c.args[4] == "STDIN" {
			// FILE /dev/stdin is the input itself: fine.
			if code != 0 || out == "" {
				t.Errorf("%v: exit %d, stderr %q; want a signature", c.args, code, e)
			}
			continue
		}
		if code != 2 || out != "" || !strings.Contains(e, "standard input is already") {
			t.Errorf("%v (standard input that file): exit %d, stdout %q, stderr %q; want exit 2, standard input already taken", c.args, code, out, e)
		}
	}
	// With the input as FILE, a key piped in through /dev/stdin is fine,
	// and so are claims when nothing else is read from standard input.
	if code, out, e := run(string(key), "jws", "verify", "--key", "STDIN", tokFile); code != 0 || out != "hello" {
		t.Errorf("jws verify --key /dev/stdin FILE: exit %d, stdout %q, stderr %q", code, out, e)
	}
	if code, out, e := run(`{"a":1}`, "jwt", "sign", "--key", keyFile, "--claims", "@STDIN"); code != 0 || out == "" {
		t.Errorf("jwt sign --claims @/dev/stdin: exit %d, stderr %q", code, e)
	}
}

// stdinTestKey skips where there is no /dev/fd, and makes an ES256 JWK
// file in a fresh folder: the folder, the file and what it holds.
func stdinTestKey(t *testing.T) (dir, keyFile string, key []byte) {
	t.Helper()
	if _, err := os.Stat("/dev/fd/0"); err != nil {
		t.Skip("no /dev/fd here: the tests name standard input by its /dev/fd path")
	}
	dir = t.TempDir()
	keyFile = filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", keyFile)
	key, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	return dir, keyFile, key
}

// runPipedStdin runs the CLI with standard input a pipe holding in
// (at most a pipe's buffer), "STDIN" in args replaced by the pipe's
// other name, /dev/fd/N; it returns the exit code, stdout, stderr and
// what the run left unread in the pipe.
func runPipedStdin(t *testing.T, in string, args ...string) (code int, out, errs, rest string) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := w.WriteString(in); err != nil {
		t.Fatal(err)
	}
	w.Close()
	name := fmt.Sprintf("/dev/fd/%d", r.Fd())
	a := append([]string(nil), args...)
	for i := range a {
		a[i] = strings.ReplaceAll(a[i], "STDIN", name)
	}
	var o, e bytes.Buffer
	code = Main(a, r, &o, &e)
	left, _ := io.ReadAll(r)
	return code, o.String(), e.String(), string(left)
}
