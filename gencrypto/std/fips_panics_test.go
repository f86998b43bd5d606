package std_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/fips140"
	"crypto/rand"
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto/std"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// TestFIPSOnlyNoPanics: the package doc promises that a method never
// panics on a request it cannot serve and returns an unsupported error
// instead. Under GODEBUG=fips140=only the standard library panics for
// SHA-1 (crypto/sha1's Sum, crypto/hmac's New) and for HMAC keys shorter
// than 112 bits (crypto/hmac's New), and refuses HKDF secrets and PBKDF2
// salts and outputs below the module's minimums with a plain error. Every
// such request must come back as an error wrapping errors.ErrUnsupported;
// the minimums themselves are served. The test re-runs itself in a child
// process, since the setting is read at start-up.
func TestFIPSOnlyNoPanics(t *testing.T) {
	if !testenv.FIPSOnly(t, "fips140=only refusals checked") {
		return
	}
	b := std.New()
	var p256 *ecdsa.PrivateKey
	fips140.WithoutEnforcement(func() { p256, _ = ecdsa.GenerateKey(elliptic.P256(), rand.Reader) })
	salt := make([]byte, 16)
	refused := map[string]func() error{
		"NewHMAC 13-byte key": func() error { _, err := b.NewHMAC(crypto.SHA256, make([]byte, 13)); return err },
		"NewHMAC SHA-1":       func() error { _, err := b.NewHMAC(crypto.SHA1, make([]byte, 32)); return err },
		"NewHash SHA-1": func() error {
			h, err := b.NewHash(crypto.SHA1)
			if err == nil {
				h.Sum(nil)
			}
			return err
		},
		"Sign ECDSA SHA-1": func() error { _, err := b.Sign("ecdsa-p256", p256, crypto.SHA1, []byte("m")); return err },
		"Verify ECDSA SHA-1": func() error {
			return b.Verify("ecdsa-p256", &p256.PublicKey, crypto.SHA1, []byte("m"), make([]byte, 64))
		},
		"AES-CBC-HMAC SHA-1": func() error {
			c, err := b.NewAEAD("aes-cbc-hmac-sha2", make([]byte, 32), 16, 16, crypto.SHA1)
			if err == nil {
				c.Seal(nil, make([]byte, 16), nil, nil)
			}
			return err
		},
		"HKDF SHA-1":            func() error { _, err := b.HKDF(crypto.SHA1, make([]byte, 32), nil, nil, 16); return err },
		"HKDF 13-byte secret":   func() error { _, err := b.HKDF(crypto.SHA256, make([]byte, 13), nil, nil, 16); return err },
		"PBKDF2 SHA-1":          func() error { _, err := b.PBKDF2(crypto.SHA1, []byte("pw"), salt, 1, 16); return err },
		"PBKDF2 15-byte salt":   func() error { _, err := b.PBKDF2(crypto.SHA256, []byte("pw"), salt[:15], 1, 16); return err },
		"PBKDF2 13-byte output": func() error { _, err := b.PBKDF2(crypto.SHA256, []byte("pw"), salt, 1, 13); return err },
	}
	for name, call := range refused {
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			return call()
		}()
		if !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s under fips140=only: %v, want an error wrapping errors.ErrUnsupported", name, err)
		}
	}
	if _, err := b.NewHMAC(crypto.SHA256, make([]byte, 14)); err != nil {
		t.Errorf("NewHMAC 14-byte key: %v", err)
	}
	if _, err := b.HKDF(crypto.SHA256, make([]byte, 14), nil, nil, 1); err != nil {
		t.Errorf("HKDF 14-byte secret: %v", err)
	}
	if _, err := b.PBKDF2(crypto.SHA256, []byte("pw"), salt, 1, 14); err != nil {
		t.Errorf("PBKDF2 16-byte salt, 14-byte output: %v", err)
	}
	t.Log("fips140=only refusals checked")
}
