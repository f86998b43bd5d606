package main

import (
	"strings"
	"testing"
)

// TestKeyFileNotFoundNamesTheArgument: a key that names no file is
// reported against the argument the caller gave: the jwk verbs' FILE
// (with a hint to pipe the key in) or --key (with a hint for --key -);
// neither message speaks of the other.
func TestKeyFileNotFoundNamesTheArgument(t *testing.T) {
	const secret = "s3cr3tHMACvalue1234"
	code, _, e := runCLI(t, "", "jwk", "thumbprint", secret)
	if code != 1 || !strings.Contains(e, "FILE: key file not found") || strings.Contains(e, "--key") {
		t.Errorf("jwk thumbprint SECRET: exit %d, stderr %q; want FILE named, not --key", code, e)
	}
	code, _, e = runCLI(t, "x.y.z", "jwt", "verify", "--alg", "HS256", "--key", secret)
	if code == 0 || !strings.Contains(e, "--key: key file not found") || strings.Contains(e, "FILE:") {
		t.Errorf("jwt verify --key SECRET: exit %d, stderr %q; want --key named, not FILE", code, e)
	}
}
