package main

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY returns the two ends of a new pseudo-terminal (Linux).
func openPTY(t *testing.T) (ptmx, pts *os.File) {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminal to test with: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	pts, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pts.Close() })
	return ptmx, pts
}

// TestBinaryOutputTerminal: binary CBOR is refused on a terminal (exit 2
// with a hint), and written to /dev/null, a character device that is not
// one (it was refused there before). isTerminal is what the vectors
// command's progress lines use too.
func TestBinaryOutputTerminal(t *testing.T) {
	_, pts := openPTY(t)
	var errb strings.Builder
	if code := Main([]string{"cbor", "from-json"}, strings.NewReader(`{"a":1}`), pts, &errb); code != 2 ||
		!strings.Contains(errb.String(), "refusing to write binary CBOR to a terminal") {
		t.Errorf("to a terminal: exit %d, stderr %q; want 2 and a refusal", code, errb.String())
	}
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	errb.Reset()
	if code := Main([]string{"cbor", "from-json"}, strings.NewReader(`{"a":1}`), null, &errb); code != 0 {
		t.Errorf("to %s: exit %d, stderr %q; want 0", os.DevNull, code, errb.String())
	}
	if !isTerminal(pts) || isTerminal(null) || isTerminal(&errb) {
		t.Errorf("isTerminal: pts %v, %s %v, a Builder %v", isTerminal(pts), os.DevNull, isTerminal(null), isTerminal(&errb))
	}
}

// TestOutputFileFull: a write to an -o file that fails (/dev/full: no
// space left) is exit 1 and "writing output", for a private key file
// (created 0600) and for other output alike; nothing claims success.
func TestOutputFileFull(t *testing.T) {
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{"", []string{"jwk", "gen", "--alg", "ES256", "-o", "/dev/full"}},
		{`{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`, []string{"jwk", "pub", "-o", "/dev/full"}},
		{`{"a":1}`, []string{"cbor", "from-json", "-o", "/dev/full"}},
	} {
		code, _, errOut := runCLI(t, c.stdin, c.args...)
		if code != 1 || !strings.Contains(errOut, "writing output: write /dev/full: no space left on device") {
			t.Errorf("%v: exit %d, %q; want 1 and the write error", c.args, code, errOut)
		}
	}
}
