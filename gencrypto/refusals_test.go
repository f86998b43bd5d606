package gencrypto_test

import (
	"bytes"
	"crypto/ecdh"
	"crypto/rand"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestOAEPCiphertextLength: an RSA-OAEP ciphertext must be exactly as long
// as the modulus (RFC 8017 §7.1.2 step 1b); any other length is ErrVerify
// without an RSA operation, and the exact length decrypts.
func TestOAEPCiphertextLength(t *testing.T) {
	k := getKeys(t)
	fake := newFake()
	opt := gencrypto.WithBackend(fake)
	alg := gencrypto.RSAOAEP256()
	cek := []byte("sixteen byte key")
	ct, err := alg.Encrypt(&k.rsa.PublicKey, cek, opt)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := alg.Decrypt(k.rsa, ct, opt); err != nil || !bytes.Equal(got, cek) {
		t.Fatalf("Decrypt(Encrypt(cek)) = %q, %v", got, err)
	}
	calls := fake.calls.Load()
	for _, bad := range [][]byte{nil, ct[:1], ct[:len(ct)-1], append(append([]byte(nil), ct...), 0), append([]byte{0}, ct...)} {
		if _, err := alg.Decrypt(k.rsa, bad, opt); err != gencrypto.ErrVerify {
			t.Errorf("Decrypt(%d bytes): %v, want ErrVerify", len(bad), err)
		}
	}
	if n := fake.calls.Load() - calls; n != 0 {
		t.Errorf("%d ciphertexts of the wrong length reached the backend", n)
	}
}

// keyExchanger hides an *ecdh.PrivateKey behind ecdh.KeyExchanger, as a
// token-held key would be.
type keyExchanger struct{ k *ecdh.PrivateKey }

func (e keyExchanger) PublicKey() *ecdh.PublicKey             { return e.k.PublicKey() }
func (e keyExchanger) Curve() ecdh.Curve                      { return e.k.Curve() }
func (e keyExchanger) ECDH(p *ecdh.PublicKey) ([]byte, error) { return e.k.ECDH(p) }

// TestKeyExchangerBinding: an ecdh.KeyExchanger is bound to the curve like
// an *ecdh.PrivateKey: on the algorithm's curve it agrees with the key in
// memory, on another it is ErrKeyType before the backend is asked.
func TestKeyExchangerBinding(t *testing.T) {
	k := getKeys(t)
	fake := newFake()
	opt := gencrypto.WithBackend(fake)
	peer, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	want, err := gencrypto.ECDHP256().SharedSecret(k.ecdh256, peer.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := gencrypto.ECDHP256().SharedSecret(keyExchanger{k.ecdh256}, peer.PublicKey(), opt); err != nil || !bytes.Equal(got, want) {
		t.Errorf("ECDH-P256 through a KeyExchanger: %x, %v; want %x", got, err, want)
	}
	calls := fake.calls.Load()
	for _, tc := range []struct {
		alg  *gencrypto.KeyAgreement
		priv ecdh.KeyExchanger
		pub  *ecdh.PublicKey
	}{
		{gencrypto.ECDHP256(), keyExchanger{k.x25519}, peer.PublicKey()},
		{gencrypto.X25519(), keyExchanger{k.ecdh256}, k.x25519.PublicKey()},
	} {
		if _, err := tc.alg.SharedSecret(tc.priv, tc.pub, opt); !errors.Is(err, gencrypto.ErrKeyType) {
			t.Errorf("%s with a KeyExchanger on %v: %v, want ErrKeyType", tc.alg, tc.priv.Curve(), err)
		}
	}
	if n := fake.calls.Load() - calls; n != 0 {
		t.Errorf("%d mismatched KeyExchangers reached the backend", n)
	}
}
