package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// "cat k.jwk | lwscrypto jws sign --key /dev/stdin" is refused as --key -
// is (TestFileThatIsStdinClaimsIt), but the hint said "with --key -, give
// the input as FILE", naming a flag value the user did not give. It now
// names the file the key was read from.
func TestKeyFileThatIsStdinHintNamesIt(t *testing.T) {
	_, _, key := stdinTestKey(t)
	code, _, e, _ := runPipedStdin(t, string(key), "jws", "sign", "--key", "STDIN")
	if code != 2 || !strings.Contains(e, "hint: with --key /dev/fd/") || !strings.Contains(e, ", give the input as FILE\n") {
		t.Errorf("jws sign --key /dev/fd/N: exit %d, stderr %q; want exit 2 and a hint naming /dev/fd/N", code, e)
	}
}

// --key - with the input due on standard input is refused before either
// is read (keyStdinClash); --key /dev/stdin was refused only after the
// key had been read from it, so that on a terminal the user was left to
// type (or paste) a private key only to be told the command cannot run.
// It is now refused first, as --key -: the key is still in the pipe.
func TestKeyFileThatIsStdinRefusedBeforeReading(t *testing.T) {
	_, _, key := stdinTestKey(t)
	for _, args := range [][]string{
		{"jws", "sign", "--key", "STDIN"},
		{"jws", "verify", "--key", "STDIN"},
		{"jwt", "verify", "--key", "STDIN"},
		{"jws", "sign", "--key", "STDIN", "-"},
		{"jws", "sign", "--key", "-", "STDIN"},
	} {
		code, _, e, rest := runPipedStdin(t, string(key), args...)
		if code != 2 || !strings.Contains(e, "standard input is already the key") || rest != string(key) {
			t.Errorf("%v: exit %d, stderr %q, %d of the key's %d bytes left unread; want exit 2 before reading it", args, code, e, len(rest), len(key))
		}
	}
}

// The same for --payload: --payload /dev/stdin with the JWS, or the key,
// due on standard input too was refused only after that had been read
// from it; and for jwt sign's --claims @/dev/stdin with --key /dev/stdin.
func TestPayloadFileThatIsStdinRefusedBeforeReading(t *testing.T) {
	dir, keyFile, key := stdinTestKey(t)
	tokFile := filepath.Join(dir, "t")
	tok := mustRunCLI(t, "hello", "jws", "sign", "--detached", "--key", keyFile)
	if err := os.WriteFile(tokFile, []byte(tok), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in   string
		args []string
	}{
		{tok, []string{"jws", "verify", "--key", keyFile, "--payload", "STDIN"}},
		{tok, []string{"jws", "verify", "--key", keyFile, "--payload", "STDIN", "-"}},
		{tok, []string{"jws", "verify", "--key", keyFile, "--payload", "-", "STDIN"}},
		{string(key), []string{"jws", "verify", "--key", "STDIN", "--payload", "STDIN", tokFile}},
		{string(key), []string{"jws", "verify", "--key", "-", "--payload", "STDIN", tokFile}},
		{string(key), []string{"jws", "verify", "--key", "STDIN", "--payload", "-", tokFile}},
		// jwt sign reads --claims before the key: the key claims
		// standard input first, so that the claims are refused unread.
		{`{"a":1}`, []string{"jwt", "sign", "--key", "STDIN", "--claims", "@STDIN"}},
		{`{"a":1}`, []string{"jwt", "sign", "--key", "STDIN", "--claims", "@-"}},
		{`{"a":1}`, []string{"jwt", "sign", "--key", "-", "--claims", "@STDIN"}},
	} {
		code, _, e, rest := runPipedStdin(t, c.in, c.args...)
		if code != 2 || !strings.Contains(e, "standard input is already") || rest != c.in {
			t.Errorf("%v: exit %d, stderr %q, %d of %d bytes left unread; want exit 2 before reading standard input", c.args, code, e, len(rest), len(c.in))
		}
	}
}
