package main

import (
	"strings"
	"testing"
)

// jwk gen's hint for an unknown --alg lists what it generates. It left out
// the PBES2 algorithms, which it generates (and whose size --bits sets,
// its help says).
func TestJWKGenHintNamesPBES2(t *testing.T) {
	for _, alg := range []string{"PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW"} {
		mustRunCLI(t, "", "jwk", "gen", "--alg", alg)
	}
	_, _, e := runCLI(t, "", "jwk", "gen", "--alg", "BOGUS")
	if !strings.Contains(e, "PBES2-HS256+A128KW") {
		t.Errorf("jwk gen --alg BOGUS: the hint does not name PBES2: %q", e)
	}
}
