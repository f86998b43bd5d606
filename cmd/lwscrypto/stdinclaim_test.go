package main

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// readWatcher is standard input that records whether it was read.
type readWatcher struct{ read bool }

func (r *readWatcher) Read(p []byte) (int, error) {
	r.read = true
	return 0, io.EOF
}

// Two uses of standard input on one command line (--key - with --payload
// -, or with --claims @-) are a usage error found before standard input is
// read: jws verify read the key from it first and only then refused
// --payload -, so a key typed at a terminal was asked for, read and
// thrown away before the usage error.
func TestStdinTwiceRefusedBeforeReading(t *testing.T) {
	dir := t.TempDir()
	tok := filepath.Join(dir, "tok")
	for _, args := range [][]string{
		{"jws", "verify", "--key", "-", "--payload", "-", tok},
		{"jws", "verify", "--payload", "-", "--key", "-", tok},
		{"jwt", "sign", "--key", "-", "--claims", "@-"},
	} {
		in := &readWatcher{}
		var out, errb strings.Builder
		code := Main(args, in, &out, &errb)
		if code != 2 || in.read || !strings.Contains(errb.String(), "standard input is already") {
			t.Errorf("%v: exit %d, standard input read %v, stderr %q; want exit 2 before reading", args, code, in.read, errb.String())
		}
	}
}
