package gencryptotest

import (
	"bytes"
	"crypto/ecdh"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

func (s *suite) keyEncryption(t *testing.T, a *gencrypto.KeyEncryption) {
	k := s.keys
	priv, pub := k.rsa[0], &k.rsa[0].PublicKey
	for _, n := range []int{0, 16, 32, 64} {
		cek := randBytes(n)
		ct, err := a.Encrypt(pub, cek, s.opt)
		if err != nil {
			t.Fatalf("Encrypt(%d bytes): %v", n, err)
		}
		if len(ct) != pub.Size() {
			t.Fatalf("ciphertext is %d bytes, want %d", len(ct), pub.Size())
		}
		got, err := a.Decrypt(priv, ct, s.opt)
		if err != nil || !bytes.Equal(got, cek) {
			t.Fatalf("Decrypt(Encrypt(k)) = %x, %v; want %x", got, err, cek)
		}
		if got, err := a.Decrypt(priv, ct, s.ref); err != nil || !bytes.Equal(got, cek) {
			t.Errorf("reference backend cannot decrypt: %x, %v", got, err)
		}
		refCT, err := a.Encrypt(pub, cek, s.ref)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := a.Decrypt(priv, refCT, s.opt); err != nil || !bytes.Equal(got, cek) {
			t.Errorf("cannot decrypt the reference backend's ciphertext: %x, %v", got, err)
		}
	}
	ct, _ := a.Encrypt(pub, randBytes(16), s.opt)
	for _, bad := range flipBits(ct) {
		if _, err := a.Decrypt(priv, bad, s.opt); err != gencrypto.ErrVerify {
			t.Fatalf("Decrypt(flipped): %v, want ErrVerify", err)
		}
	}
	for name, bad := range badLengths(ct) {
		if _, err := a.Decrypt(priv, bad, s.opt); err != gencrypto.ErrVerify {
			t.Errorf("Decrypt(%s): %v, want ErrVerify", name, err)
		}
	}
	if _, err := a.Decrypt(k.rsa[1], ct, s.opt); err != gencrypto.ErrVerify {
		t.Errorf("Decrypt with another key: %v, want ErrVerify", err)
	}
	// A ciphertext made under another OAEP hash (the reference backend
	// encrypting for another registered algorithm) must not open: a
	// backend that guessed the hash would let RSA-OAEP-256 accept an
	// RSA-OAEP ciphertext.
	others := 0
	for _, o := range gencrypto.All() {
		o, ok := o.(*gencrypto.KeyEncryption)
		if !ok || o.Hash() == a.Hash() {
			continue
		}
		cek := randBytes(16)
		oct, err := o.Encrypt(pub, cek, s.ref)
		if err != nil {
			continue // not offered in this mode (fips140=only)
		}
		others++
		if got, err := a.Decrypt(priv, oct, s.opt); err != gencrypto.ErrVerify {
			t.Errorf("Decrypt of a %s ciphertext: %x, %v; want ErrVerify", o.Name(), got, err)
		}
	}
	if others == 0 {
		t.Errorf("no other OAEP hash to check %s against", a.Name())
	}
	// The longest message is k − 2·hLen − 2 bytes (RFC 8017 §7.1.1).
	max := pub.Size() - 2*a.Hash().Size() - 2
	if _, err := a.Encrypt(pub, make([]byte, max), s.opt); err != nil {
		t.Errorf("Encrypt(%d bytes, the maximum): %v", max, err)
	}
	if _, err := a.Encrypt(pub, make([]byte, max+1), s.opt); err == nil {
		t.Errorf("Encrypt(%d bytes, one over the maximum) succeeded", max+1)
	}
	for name, other := range s.allPublicKeys() {
		if other == pub || name == "RSA private" {
			continue
		}
		if _, err := a.Encrypt(other, randBytes(16), s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
			t.Errorf("Encrypt to a %s key: %v, want ErrKeyType", name, err)
		}
	}
	if _, err := a.Decrypt(nil, ct, s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("Decrypt(nil key): %v, want ErrKeyType", err)
	}
}

func (s *suite) keyAgreement(t *testing.T, a *gencrypto.KeyAgreement) {
	priv := s.ecdhKeys(a)
	ab, err := a.SharedSecret(priv[0], priv[1].PublicKey(), s.opt)
	if err != nil {
		t.Fatalf("SharedSecret: %v", err)
	}
	ba, err := a.SharedSecret(priv[1], priv[0].PublicKey(), s.opt)
	if err != nil || !bytes.Equal(ab, ba) {
		t.Fatalf("the two sides disagree: %x, %x (%v)", ab, ba, err)
	}
	if ref, err := a.SharedSecret(priv[0], priv[1].PublicKey(), s.ref); err != nil || !bytes.Equal(ab, ref) {
		t.Fatalf("reference backend computes %x, %v; backend %x", ref, err, ab)
	}
	// An opaque key exchanger (a token-held key) works like a key in memory.
	if got, err := a.SharedSecret(exchanger{priv[0]}, priv[1].PublicKey(), s.opt); err != nil || !bytes.Equal(got, ab) {
		t.Errorf("via ecdh.KeyExchanger: %x, %v", got, err)
	}
	fresh, err := a.GenerateKey()
	if err != nil || fresh.Curve() != a.ECDHCurve() {
		t.Fatalf("GenerateKey: %v", err)
	}
	if _, err := a.SharedSecret(fresh, priv[0].PublicKey(), s.opt); err != nil {
		t.Errorf("SharedSecret with a generated key: %v", err)
	}

	others := []*ecdh.PrivateKey{s.keys.x25519[0], s.keys.e256[0], s.keys.e384[0], s.keys.e521[0]}
	for _, o := range others {
		if o.Curve() == a.ECDHCurve() {
			continue
		}
		if _, err := a.SharedSecret(priv[0], o.PublicKey(), s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
			t.Errorf("public key on %v: %v, want ErrKeyType", o.Curve(), err)
		}
		if _, err := a.SharedSecret(o, priv[0].PublicKey(), s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
			t.Errorf("private key on %v: %v, want ErrKeyType", o.Curve(), err)
		}
	}
	if _, err := a.SharedSecret(s.keys.p256[0], priv[0].PublicKey(), s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("an *ecdsa.PrivateKey: %v, want ErrKeyType", err)
	}
	if _, err := a.SharedSecret(nil, priv[0].PublicKey(), s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("nil private key: %v, want ErrKeyType", err)
	}
	if _, err := a.SharedSecret(priv[0], nil, s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("nil public key: %v, want ErrKeyType", err)
	}
	if a.Curve() == gencrypto.CurveX25519 {
		// Low-order points give an all-zero secret (RFC 7748 §6.1): the
		// u-coordinates 0 and 1 are two of them.
		for _, u := range []byte{0, 1} {
			p := make([]byte, 32)
			p[0] = u
			low, err := ecdh.X25519().NewPublicKey(p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := a.SharedSecret(priv[0], low, s.opt); !errors.Is(err, gencrypto.ErrInvalidInput) {
				t.Errorf("low-order point u=%d: %v, want ErrInvalidInput", u, err)
			}
		}
	}
}

// exchanger hides an *ecdh.PrivateKey behind the ecdh.KeyExchanger
// interface, as a hardware key would be.
type exchanger struct{ k *ecdh.PrivateKey }

func (e exchanger) PublicKey() *ecdh.PublicKey             { return e.k.PublicKey() }
func (e exchanger) Curve() ecdh.Curve                      { return e.k.Curve() }
func (e exchanger) ECDH(p *ecdh.PublicKey) ([]byte, error) { return e.k.ECDH(p) }
