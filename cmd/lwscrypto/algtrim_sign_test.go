package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSignAlgFlagTrimmedLikeVerify: jws verify and jwt verify trim the
// blanks around each name of --alg, and so did jws sign with several
// --key, but jws sign (and jwt sign) with one --key refused "ES256 " as a
// usage error (exit 2). Every --alg now trims its names; one that is
// blank only is a usage error naming an empty algorithm, as in verify.
func TestSignAlgFlagTrimmedLikeVerify(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "e.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	tf := filepath.Join(dir, "t")
	for _, alg := range []string{"ES256 ", " ES256", "\tES256\n"} {
		tok := mustRunCLI(t, "x", "jws", "sign", "--key", key, "--alg", alg)
		if err := os.WriteFile(tf, []byte(tok), 0o600); err != nil {
			t.Fatal(err)
		}
		if out := mustRunCLI(t, "", "jws", "verify", "--key", key, "--alg", alg, tf); out != "x" {
			t.Errorf("--alg %q: verify wrote %q", alg, out)
		}
		mustRunCLI(t, "", "jwt", "sign", "--key", key, "--alg", alg)
	}
	for _, args := range [][]string{
		{"jws", "sign", "--key", key, "--alg", " "},
		{"jwt", "sign", "--key", key, "--alg", " "},
		{"jws", "sign", "--key", key, "--key", key, "--json", "--alg", " "},
		{"jws", "verify", "--key", key, "--alg", " ", tf},
	} {
		if code, out, e := runCLI(t, "x", args...); code != 2 || out != "" || !strings.Contains(e, "names an empty algorithm") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 naming an empty algorithm", args, code, out, e)
		}
	}
}
