package main

import (
	"strings"
	"testing"
)

// TestJWSVerifyHelpSaysOneSignatureSuffices: jws verify's help says what
// it does with a JSON JWS of several signatures (what jws sign --json
// --key A --key B writes): it verifies when one of them does with KEY,
// not every one; and that an Ed25519 key without "alg" takes EdDSA and
// Ed25519 (RFC 9864), two names, where the help said "the one" a key
// determines. On the base the help said neither.
func TestJWSVerifyHelpSaysOneSignatureSuffices(t *testing.T) {
	code, out, e := runCLI(t, "", "jws", "verify", "-h")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	for _, want := range []string{"several signatures", "one of them", "EdDSA or Ed25519"} {
		if !strings.Contains(out, want) {
			t.Errorf("jws verify -h lacks %q:\n%s", want, out)
		}
	}
}
