package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A malformed corpus file used to end the command with only its folder
// ("vectors: cbor-test-vectors: unexpected end of JSON input") and no
// report. It is now a failed line of the report naming the file and the
// offset; the rest of the report is printed and the exit status is 1.
func TestVectorsMalformedFileKeepsReport(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"wycheproof/testvectors_v1/x_test.json":                        `{"numberOfTests":1,"testGroups":[{"type":"Nope","tests":[{}]}]}`,
		"wycheproof/testvectors_v1/ecdh_secp256r1_webcrypto_test.json": `{"testGroups":[]}`,
		"wycheproof/testvectors_v1/ecdh_secp384r1_webcrypto_test.json": `{"testGroups":[]}`,
		"wycheproof/testvectors_v1/ecdh_secp521r1_webcrypto_test.json": `{"testGroups":[]}`,
		"wycheproof/testvectors_v1/ecdh_secp256k1_webcrypto_test.json": `{"testGroups":[]}`,
		"wycheproof/testvectors_v1/x25519_jwk_test.json":               `{"testGroups":[]}`,
		"wycheproof/testvectors_legacy/ecdsa_webcrypto_test.json":      `{"testGroups":[]}`,
		"jose-cookbook/jwk/k.json":                                     `{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}`,
		"jose-cookbook/jws/README":                                     ``,
		"jose-cookbook/rfc7797/README":                                 ``,
		"jose-cookbook/jwe/README":                                     ``,
		"jose-cookbook/curve25519/jws.json":                            `{}`,
		"JSONTestSuite/test_parsing/y_a.json":                          `[1]`,
		"JSONTestSuite/test_transform/README":                          ``,
		"cbor-test-vectors/appendix_a.json":                            "[{\"hex\":",
		"cose-wg-examples/x/bad.json":                                  "{",
	}
	for rel, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, e := runCLI(t, "", "vectors", "--dir", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"JSONTestSuite/test_parsing/y_a.json", "jose-cookbook/jwk/k.json", "cbor-test-vectors/appendix_a.json", "FAILED: file: appendix_a.json: at byte offset 8", "cose-wg-examples/x/bad.json"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s\nstderr: %s", want, out, e)
		}
	}
	if strings.Contains(e, "unexpected end of JSON input") {
		t.Errorf("the malformed file ended the run: %q", e)
	}
}
