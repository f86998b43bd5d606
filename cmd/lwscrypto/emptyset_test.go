package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A JWK Set with no usable key (empty, or only key types this tool skips)
// cannot verify anything. Before the fix jws/jwt verify blamed the
// algorithms: "no algorithms allowed: name the expected algorithm(s)" with
// the empty hint "the key must fit the algorithm: ", though --alg was not
// the problem.
func TestVerifyWithEmptyKeySet(t *testing.T) {
	dir := t.TempDir()
	for name, set := range map[string]string{
		"empty":   `{"keys":[]}`,
		"unknown": `{"keys":[{"kty":"XYZ","kid":"q"}]}`,
	} {
		p := filepath.Join(dir, name+".jwks")
		if err := os.WriteFile(p, []byte(set), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, cmd := range []string{"jws", "jwt"} {
			code, out, e := runCLI(t, "eyJhbGciOiJIUzI1NiJ9.e30.AAAA", cmd, "verify", "--key", p)
			if code != 1 || out != "" || !strings.Contains(e, "no key") || strings.Contains(e, "algorithm") {
				t.Errorf("%s verify with the %s set: exit %d, stdout %q, stderr %q; want exit 1 saying the set holds no key", cmd, name, code, out, e)
			}
		}
	}
}
