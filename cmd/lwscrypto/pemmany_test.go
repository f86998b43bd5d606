package main

import (
	"strings"
	"testing"
)

// A PEM bundle is one key: a private key, its public key, its certificate
// chain. More than two key blocks cannot be that, so they are refused
// before any is parsed: parsing is what costs (an RSA private key of
// 16,384 bits is validated by the standard library at about bits^3.6), and
// before the fix a 1 MiB key file of large RSA keys had every one parsed
// before being refused as "N keys". Measured by allocation: refusing
// reads no key.
func TestPEMManyKeysRefusedUnparsed(t *testing.T) {
	var b strings.Builder
	for range 400 { // 400 P-256 keys, ~100 KB
		priv, _, _ := pemKeyAndCert(t)
		b.WriteString(priv)
	}
	text := []byte(b.String())
	allocs := testing.AllocsPerRun(5, func() {
		if _, err := parsePEMKey(text); err == nil || !strings.Contains(err.Error(), "400 keys") {
			t.Fatalf("err %v; want 400 keys refused", err)
		}
	})
	// Parsing one P-256 key costs about 40 allocations; decoding the PEM
	// blocks about 4 each.
	if allocs > 3000 {
		t.Errorf("refusing 400 keys took %.0f allocations; want them counted, not parsed", allocs)
	}
}
