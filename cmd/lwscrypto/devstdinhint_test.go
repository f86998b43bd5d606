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

// "cat k.jwk | lwscrypto jws sign --key /dev/stdin" is refused as --key -
// is (TestFileThatIsStdinClaimsIt), but the hint said "with --key -, give
// the input as FILE", naming a flag value the user did not give. It now
// names the file the key was read from.
func TestKeyFileThatIsStdinHintNamesIt(t *testing.T) {
	if _, err := os.Stat("/dev/fd/0"); err != nil {
		t.Skip("no /dev/fd here")
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", keyFile)
	key, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() { w.Write(key); w.Close() }()
	name := fmt.Sprintf("/dev/fd/%d", r.Fd())
	var out, errb bytes.Buffer
	code := Main([]string{"jws", "sign", "--key", name}, r, &out, &errb)
	want := "hint: with --key " + name + ", give the input as FILE\n"
	if code != 2 || !strings.Contains(errb.String(), want) {
		t.Errorf("jws sign --key %s: exit %d, stderr %q; want exit 2 and %q", name, code, errb.String(), want)
	}
}

// --key - with the input due on standard input is refused before either
// is read (keyStdinClash); --key /dev/stdin was refused only after the
// key had been read from it, so that on a terminal the user was left to
// type (or paste) a private key only to be told the command cannot run.
// It is now refused first, as --key -: the key is still in the pipe.
func TestKeyFileThatIsStdinRefusedBeforeReading(t *testing.T) {
	if _, err := os.Stat("/dev/fd/0"); err != nil {
		t.Skip("no /dev/fd here")
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", keyFile)
	key, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"jws", "sign", "--key", "STDIN"},
		{"jws", "verify", "--key", "STDIN"},
		{"jwt", "verify", "--key", "STDIN"},
		{"jws", "sign", "--key", "STDIN", "-"},
		{"jws", "sign", "--key", "-", "STDIN"},
	} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(key); err != nil {
			t.Fatal(err)
		}
		w.Close()
		name := fmt.Sprintf("/dev/fd/%d", r.Fd())
		a := append([]string(nil), args...)
		for i := range a {
			a[i] = strings.ReplaceAll(a[i], "STDIN", name)
		}
		var out, errb bytes.Buffer
		code := Main(a, r, &out, &errb)
		rest, _ := io.ReadAll(r)
		r.Close()
		if code != 2 || !strings.Contains(errb.String(), "standard input is already the key") || !bytes.Equal(rest, key) {
			t.Errorf("%v: exit %d, stderr %q, %d of the key's %d bytes left unread; want exit 2 before reading it", a, code, errb.String(), len(rest), len(key))
		}
	}
}

// The same for --payload: --payload /dev/stdin with the JWS, or the key,
// due on standard input too was refused only after that had been read
// from it; and for jwt sign's --claims @/dev/stdin with --key /dev/stdin.
func TestPayloadFileThatIsStdinRefusedBeforeReading(t *testing.T) {
	if _, err := os.Stat("/dev/fd/0"); err != nil {
		t.Skip("no /dev/fd here")
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", keyFile)
	key, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
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
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.WriteString(c.in); err != nil {
			t.Fatal(err)
		}
		w.Close()
		name := fmt.Sprintf("/dev/fd/%d", r.Fd())
		a := append([]string(nil), c.args...)
		for i := range a {
			a[i] = strings.ReplaceAll(a[i], "STDIN", name)
		}
		var out, errb bytes.Buffer
		code := Main(a, r, &out, &errb)
		rest, _ := io.ReadAll(r)
		r.Close()
		if code != 2 || !strings.Contains(errb.String(), "standard input is already") || string(rest) != c.in {
			t.Errorf("%v: exit %d, stderr %q, %d of %d bytes left unread; want exit 2 before reading standard input", a, code, errb.String(), len(rest), len(c.in))
		}
	}
}
