package main

import (
	"strings"
	"testing"
)

// TestJWKGenEmptyKidHint: jwk gen --kid "" is a usage error whose hint
// names what leaving --kid out does there (the thumbprint) and --no-kid
// for a key without one. On the base the hint said leaving --kid out
// makes a key without one, which jwk gen no longer does.
func TestJWKGenEmptyKidHint(t *testing.T) {
	code, out, e := runCLI(t, "", "jwk", "gen", "--alg", "ES256", "--kid", "")
	if code != 2 || out != "" || strings.Contains(e, "leave --kid out for a key without one") || !strings.Contains(e, "--no-kid") {
		t.Errorf("jwk gen --kid \"\": exit %d, stdout %q, stderr %q; want exit 2 with a hint naming --no-kid", code, out, e)
	}
	// jwk from-pem writes no kid without --kid: its hint stays.
	code, _, e = runCLI(t, "", "jwk", "from-pem", "--kid", "", "x.pem")
	if code != 2 || !strings.Contains(e, "leave --kid out for a key without one") {
		t.Errorf("jwk from-pem --kid \"\": exit %d, stderr %q", code, e)
	}
}
