package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An encrypted private key (PKCS #8 "ENCRYPTED PRIVATE KEY", or OpenSSL's
// legacy "Proc-Type: 4,ENCRYPTED" header) cannot be read without its
// passphrase. Before the fix the error called it "not a key" and the hint
// listed the PEM types as if the type were wrong; now both say it is
// encrypted and how to decrypt it.
func TestPEMEncryptedKeyExplained(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"pkcs8":  "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n",
		"legacy": "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,BA9A55807E125138A1157D2AEAFB5154\n\nMAA=\n-----END RSA PRIVATE KEY-----\n",
	} {
		f := filepath.Join(dir, name+".pem")
		if err := os.WriteFile(f, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"jwk", "from-pem", f}, {"jws", "sign", "--key", f, "--alg", "ES256", f}} {
			code, out, e := runCLI(t, "", args...)
			if code != 1 || out != "" || !strings.Contains(e, "error: ") || !strings.Contains(e, "encrypted") || !strings.Contains(e, "hint: ") || !strings.Contains(e, "openssl pkey") {
				t.Errorf("%s: %v: exit %d, stderr %q; want exit 1 saying it is encrypted and how to decrypt it", name, args[:2], code, e)
			}
		}
	}
}
