package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A private key written over an existing file that others can read must not
// stay readable by them: O_CREATE's 0600 applies only to a new file, so an
// existing 0644 file kept its mode and the key became world-readable.
func TestPrivateKeyOverExistingFileMode(t *testing.T) {
	dir := t.TempDir()
	jk := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", jk)
	for _, args := range [][]string{
		{"jwk", "gen", "--alg", "ES256", "-o"},
		{"jwk", "to-pem", jk, "-o"},
	} {
		p := filepath.Join(dir, "existing")
		if err := os.WriteFile(p, []byte("old\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, e := runCLI(t, "", append(args, p)...); code != 0 {
			t.Fatalf("%v: %s", args, e)
		}
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got&0o077 != 0 {
			t.Errorf("%v over a 0644 file: mode %v, want no group/other access", args[:2], got)
		}
		os.Remove(p)
	}
}
