package main

import (
	"strings"
	"testing"
)

// The jwk commands read a key, JWK Set or PEM file as their input: it is
// bounded as --key is (maxKeyFile, 4 MiB), not as a document (maxInput,
// 256 MiB). Before the fix "jwk pub /dev/zero" read 256 MiB (about 600 MB
// of memory) before failing, where "--key /dev/zero" stops at 4 MiB.
func TestJWKInputBoundedAsKeyFile(t *testing.T) {
	big := strings.Repeat(" ", maxKeyFile+1)
	for _, c := range []string{"pub", "thumbprint", "to-pem", "from-pem"} {
		code, out, e := runCLI(t, big, "jwk", c)
		if code != 1 || out != "" || !strings.Contains(e, "larger than 4194304 bytes") {
			t.Errorf("jwk %s given %d bytes: exit %d, stdout %q, stderr %q; want exit 1, larger than the key bound", c, len(big), code, out, e)
		}
	}
}
