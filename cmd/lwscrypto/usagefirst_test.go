package main

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// unreadReader fails the test if it is read: a usage error must be found
// before the input is read (up to 256 MiB of it, into memory).
type unreadReader struct{ t *testing.T }

func (r unreadReader) Read([]byte) (int, error) {
	r.t.Error("standard input was read")
	return 0, io.EOF
}

// jws verify's usage errors about --payload (given with -o; "-" while the
// JWS is also standard input) came after the token had been read from
// standard input. Now they come first.
func TestJWSVerifyUsageBeforeInput(t *testing.T) {
	key := filepath.Join(t.TempDir(), "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "HS256", "-o", key)
	for _, args := range [][]string{
		{"jws", "verify", "--key", key, "--payload", "-"},
		{"jws", "verify", "--key", key, "--payload", key, "-o", "out"},
	} {
		var out, errb strings.Builder
		if code := Main(args, unreadReader{t}, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, stderr %q; want 2", args, code, errb.String())
		}
	}
}

// --key - while the input is standard input too: refused before the key
// is read from it (it was read, up to 4 MiB, then the input refused).
func TestKeyStdinClashBeforeInput(t *testing.T) {
	for _, args := range [][]string{
		{"jws", "sign", "--key", "-"},
		{"jws", "sign", "--key", "-", "-"},
		{"jws", "verify", "--key", "-"},
		{"jwt", "verify", "--key", "-"},
	} {
		var out, errb strings.Builder
		if code := Main(args, unreadReader{t}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "standard input is already the key") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and the clash", args, code, errb.String())
		}
	}
}
