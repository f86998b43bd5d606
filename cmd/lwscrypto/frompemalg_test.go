package main

import (
	"strings"
	"testing"
)

// 'jwk from-pem --alg ES265' read the whole input (up to a key file's
// size, from standard input too) and parsed it before refusing the name,
// so that with input that was no PEM it exited 1 for the PEM, not 2 for
// the flag; jws sign, jws verify and jwt refuse such a name before any key
// is read. Now jwk from-pem does too: exit 2, the input unread.
func TestJWKFromPEMUnknownAlgBeforeInput(t *testing.T) {
	for _, alg := range []string{"ES265", "none", "es256"} {
		var out, errb strings.Builder
		code := Main([]string{"jwk", "from-pem", "--alg", alg}, unreadReader{t}, &out, &errb)
		if code != 2 || out.Len() != 0 || !strings.Contains(errb.String(), "--alg") {
			t.Errorf("--alg %s: exit %d, stdout %q, stderr %q; want exit 2 naming --alg", alg, code, out.String(), errb.String())
		}
	}
}
