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
