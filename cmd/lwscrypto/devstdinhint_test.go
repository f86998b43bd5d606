package main

import (
	"bytes"
	"fmt"
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
