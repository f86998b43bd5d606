package main

import (
	"encoding/pem"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/hostile"
)

// TestJWKFromPEMHugeRSA: "jwk from-pem" and "--key" files refuse an RSA
// private key whose modulus exceeds 16,384 bits by its size, before the
// standard library spends time validating it (about bits^3.6: 131,072 bits
// took 8 s).
func TestJWKFromPEMHugeRSA(t *testing.T) {
	der := hostile.RSAPrivateDER(t, 32768)
	pemText := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: der}))
	code, _, stderr := runCLI(t, pemText, "jwk", "from-pem")
	if code != 1 || !strings.Contains(stderr, "modulus of 32") {
		t.Errorf("jwk from-pem: exit %d, %q; want exit 1 and the modulus size refused", code, stderr)
	}
	if _, _, err := parseKeyData([]byte(pemText)); err == nil || !strings.Contains(err.Error(), "modulus of 32") {
		t.Errorf("parseKeyData: %v; want the modulus size refused", err)
	}
}
