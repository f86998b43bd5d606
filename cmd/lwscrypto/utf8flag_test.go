package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A flag whose value is JOSE text (--kid, --iss, --sub, --aud, --alg,
// --crv) given bytes that are not UTF-8 is a usage error (exit 2): the
// command line is wrong whatever the input, as the package doc says of
// such values. Before the fix it failed only when the JSON was written,
// exit 1 ("jwk: writing member "kid": … invalid UTF-8"). Flags that name
// files take any bytes: file names need not be UTF-8.
func TestNonUTF8TextFlagIsUsageError(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "-o", key)
	pemFile := filepath.Join(dir, "k.pem")
	mustRunCLI(t, "", "jwk", "to-pem", key, "-o", pemFile)
	const bad = "a\xffb"
	for _, args := range [][]string{
		{"jwk", "gen", "--alg", "ES256", "--kid", bad},
		{"jwk", "from-pem", "--kid", bad, pemFile},
		{"jwt", "sign", "--key", key, "--iss", bad},
		{"jwt", "sign", "--key", key, "--sub", bad},
		{"jwt", "sign", "--key", key, "--aud", "ok," + bad},
		{"jwt", "verify", "--key", key, "--alg", bad, pemFile},
	} {
		code, out, e := runCLI(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(e, "not UTF-8") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 saying the flag is not UTF-8", args[:3], code, out, e)
		}
	}
	out := filepath.Join(dir, "out\xff.jwk")
	mustRunCLI(t, "", "jwk", "pub", key, "-o", out)
	if _, err := os.Stat(out); err != nil {
		t.Errorf("-o with a file name that is not UTF-8: %v", err)
	}
}
