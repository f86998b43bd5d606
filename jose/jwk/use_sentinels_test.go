package jwk

import (
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
)

// TestCheckUseKeyTypeAndSizeSentinels: beside jose.ErrKey, CheckUse's
// refusal of a key that does not fit alg says why as gencrypto's
// signature checks do: gencrypto.ErrKeyType for a key of another type
// (an RSA key for A128KW, an EC key for HS256), gencrypto.ErrKeySize for a
// key of the right type but a size alg does not take (a 16-byte oct key
// for A256GCMKW, a 1024-bit RSA key for RSA1_5). On the base a key of the
// wrong type for an AES algorithm was ErrKeySize ("a key of the right type
// but a size the algorithm does not allow"), and the JWE algorithms CheckUse
// knows by name (A*GCMKW, RSA1_5, ECDH-ES, dir, PBES2) wrapped neither, so
// that A128KW and A128GCMKW refused the same 16-byte key differently.
func TestCheckUseKeyTypeAndSizeSentinels(t *testing.T) {
	p, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	rsa1024, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	rsaKey, _ := Generate("RS256", nil)
	rsaKey.Alg = ""
	ec, _ := Generate("ES256", nil)
	ec.Alg = ""
	oct16, _ := New(make([]byte, 16))
	oct64, _ := New(make([]byte, 64))
	for _, c := range []struct {
		name string
		k    *Key
		alg  string
		op   Op
		want error
	}{
		{"RSA key for A128KW", rsaKey, "A128KW", OpWrapKey, gencrypto.ErrKeyType},
		{"EC key for A128GCM", ec, "A128GCM", OpEncrypt, gencrypto.ErrKeyType},
		{"EC key for HS256", ec, "HS256", OpSign, gencrypto.ErrKeyType},
		{"oct key for RSA-OAEP", oct64, "RSA-OAEP", OpEncrypt, gencrypto.ErrKeyType},
		{"oct key for ES256", oct64, "ES256", OpVerify, gencrypto.ErrKeyType},
		{"RSA key for A128GCMKW", rsaKey, "A128GCMKW", OpWrapKey, gencrypto.ErrKeyType},
		{"RSA key for dir", rsaKey, "dir", OpDecrypt, gencrypto.ErrKeyType},
		{"EC key for PBES2", ec, "PBES2-HS256+A128KW", OpWrapKey, gencrypto.ErrKeyType},
		{"oct key for RSA1_5", oct64, "RSA1_5", OpEncrypt, gencrypto.ErrKeyType},
		{"oct key for ECDH-ES", oct64, "ECDH-ES", OpDeriveKey, gencrypto.ErrKeyType},
		{"16-byte key for A256KW", oct16, "A256KW", OpWrapKey, gencrypto.ErrKeySize},
		{"16-byte key for A256GCM", oct16, "A256GCM", OpEncrypt, gencrypto.ErrKeySize},
		{"16-byte key for HS256", oct16, "HS256", OpVerify, gencrypto.ErrKeySize},
		{"16-byte key for A256GCMKW", oct16, "A256GCMKW", OpWrapKey, gencrypto.ErrKeySize},
		{"1024-bit key for RSA-OAEP", rsa1024, "RSA-OAEP", OpEncrypt, gencrypto.ErrKeySize},
		{"1024-bit key for RSA1_5", rsa1024, "RSA1_5", OpEncrypt, gencrypto.ErrKeySize},
		{"1024-bit key for RS256", rsa1024, "RS256", OpVerify, gencrypto.ErrKeySize},
	} {
		err := c.k.CheckUse(c.alg, c.op)
		if !errors.Is(err, jose.ErrKey) || !errors.Is(err, c.want) {
			t.Errorf("%s: %v; want jose.ErrKey and %v", c.name, err, c.want)
		}
		other := gencrypto.ErrKeySize
		if c.want == gencrypto.ErrKeySize {
			other = gencrypto.ErrKeyType
		}
		if errors.Is(err, other) {
			t.Errorf("%s: %v is %v too", c.name, err, other)
		}
	}
}
