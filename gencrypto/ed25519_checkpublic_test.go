package gencrypto_test

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestEd25519CheckPublicKeyRefusesNonKeys: CheckPublicKey, and Verify
// before looking at the signature, refuse with ErrInvalidKey an Ed25519
// public key that no private key can have: 32 bytes that are no curve
// point (y = 2), a non-canonical encoding (y = p + 1, "−0") and each of
// the eight small-order points. Before, CheckPublicKey checked the length
// only and accepted all of them, so a caller binding a key up front (jws
// does) learnt nothing, and Verify reported the key's fault as a failed
// signature.
func TestEd25519CheckPublicKeyRefusesNonKeys(t *testing.T) {
	bad := map[string]string{
		"y = 2, no point": "0200000000000000000000000000000000000000000000000000000000000000",
		"y = p + 1":       "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
		"x = 0, −0":       "0100000000000000000000000000000000000000000000000000000000000080",
	}
	for i, enc := range smallOrderEd25519 {
		bad["small order "+string(rune('0'+i))] = enc
	}
	sig := make([]byte, ed25519.SignatureSize)
	for name, enc := range bad {
		pub, _ := hex.DecodeString(enc)
		for _, a := range []*gencrypto.Signature{gencrypto.EdDSA(), gencrypto.Ed25519()} {
			if err := a.CheckPublicKey(ed25519.PublicKey(pub)); !errors.Is(err, gencrypto.ErrInvalidKey) {
				t.Errorf("%s CheckPublicKey(%s): %v, want ErrInvalidKey", a, name, err)
			}
			if err := a.Verify(ed25519.PublicKey(pub), []byte("m"), sig); !errors.Is(err, gencrypto.ErrInvalidKey) {
				t.Errorf("%s Verify under %s: %v, want ErrInvalidKey", a, name, err)
			}
		}
	}
	good := ed25519.NewKeyFromSeed(make([]byte, 32)).Public()
	if err := gencrypto.EdDSA().CheckPublicKey(good); err != nil {
		t.Errorf("CheckPublicKey of a real key: %v", err)
	}
}
