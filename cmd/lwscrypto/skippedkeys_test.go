package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jwk pub, jwk thumbprint and jwk to-pem read a JWK Set and print one
// thing per key, but a set's keys of a type or curve this tool does not
// read (secp256k1, Ed448, AKP, an unknown kty) are skipped when it is
// parsed. Before the fix they were dropped silently, exit 0: "jwk pub" of
// a key holder's set published a set missing those keys, "jwk thumbprint"
// printed fewer (unlabelled) lines than the set has keys, so line N was
// not key N, and "jwk to-pem" converted "the one key" of a set of two.
// Now such a set is invalid input for them (exit 1), naming how many keys
// it could not read.
func TestJWKCommandsRefuseSetWithSkippedKeys(t *testing.T) {
	dir := t.TempDir()
	k := filepath.Join(dir, "k.jwk")
	mustRunCLI(t, "", "jwk", "gen", "--alg", "ES256", "--kid", "mine", "-o", k)
	b, err := os.ReadFile(k)
	if err != nil {
		t.Fatal(err)
	}
	set := filepath.Join(dir, "set.jwks")
	data := `{"keys":[{"kty":"EC","crv":"secp256k1","kid":"k1","x":"AAAA","y":"AAAA","d":"AAAA"},` + strings.TrimSpace(string(b)) + `]}`
	if err := os.WriteFile(set, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"jwk", "pub", set},
		{"jwk", "thumbprint", set},
		{"jwk", "thumbprint", "--uri", set},
		{"jwk", "to-pem", set},
	} {
		code, out, e := runCLI(t, "", args...)
		if code != 1 || out != "" || !strings.Contains(e, "1 key") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 naming the 1 key it cannot read", args, code, out, e)
		}
	}
	// A set of keys it reads is fine.
	good := filepath.Join(dir, "good.jwks")
	if err := os.WriteFile(good, []byte(`{"keys":[`+strings.TrimSpace(string(b))+`]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRunCLI(t, "", "jwk", "pub", good)
	mustRunCLI(t, "", "jwk", "thumbprint", good)
}
