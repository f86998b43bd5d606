package std

// The backend's own key-type binding, without gencrypto's CheckPublicKey in
// front: every primitive refuses a key of another type or curve, a typed nil
// pointer and a key with missing fields with errKeyType, and never panics.

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"io"
	"testing"
)

// exchanger hides an *ecdh.PrivateKey behind ecdh.KeyExchanger, as a key
// held in a token would be.
type exchanger struct{ k *ecdh.PrivateKey }

func (e exchanger) PublicKey() *ecdh.PublicKey             { return e.k.PublicKey() }
func (e exchanger) Curve() ecdh.Curve                      { return e.k.Curve() }
func (e exchanger) ECDH(p *ecdh.PublicKey) ([]byte, error) { return e.k.ECDH(p) }

// edDecrypter is a crypto.Decrypter whose public key is not RSA.
type edDecrypter struct{ ed25519.PrivateKey }

func (edDecrypter) Decrypt(io.Reader, []byte, crypto.DecrypterOpts) ([]byte, error) {
	return []byte("must not be called"), nil
}

func TestKeyBinding(t *testing.T) {
	b := New()
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	edPub := ed.Public().(ed25519.PublicKey)
	x1, _ := ecdh.X25519().GenerateKey(rand.Reader)
	x2, _ := ecdh.X25519().GenerateKey(rand.Reader)
	e256, _ := ecdh.P256().GenerateKey(rand.Reader)
	d32 := make([]byte, 32)
	sig64 := make([]byte, 64)

	// The key exchanger works like the key it hides, on its own curve only.
	want, err := x1.ECDH(x2.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := b.ECDH(primX25519, exchanger{x1}, x2.PublicKey()); err != nil || string(got) != string(want) {
		t.Errorf("ECDH through ecdh.KeyExchanger: %x, %v", got, err)
	}

	errs := map[string]error{
		"verify ed25519, 31-byte key":    b.Verify(primEd25519, edPub[:31], 0, nil, sig64),
		"verify ed25519, ECDSA key":      b.Verify(primEd25519, &p256.PublicKey, 0, nil, sig64),
		"verify ecdsa, nil":              b.Verify(primECDSAP256, nil, crypto.SHA256, nil, sig64),
		"verify ecdsa, typed nil":        b.Verify(primECDSAP256, (*ecdsa.PublicKey)(nil), crypto.SHA256, nil, sig64),
		"verify ecdsa, no coordinates":   b.Verify(primECDSAP256, &ecdsa.PublicKey{Curve: elliptic.P256()}, crypto.SHA256, nil, sig64),
		"verify ecdsa, no x":             b.Verify(primECDSAP256, &ecdsa.PublicKey{Curve: elliptic.P256(), Y: p256.Y}, crypto.SHA256, nil, sig64),
		"verify ecdsa, P-384 key":        b.Verify(primECDSAP256, &p384.PublicKey, crypto.SHA256, nil, sig64),
		"verify ecdsa, Ed25519 key":      b.Verify(primECDSAP256, edPub, crypto.SHA256, nil, sig64),
		"digest ecdsa, typed nil":        b.VerifyDigest(primECDSAP256, (*ecdsa.PublicKey)(nil), crypto.SHA256, d32, sig64),
		"verify rsa, nil":                b.Verify(primRSAPKCS1v15, nil, crypto.SHA256, nil, sig64),
		"verify rsa, typed nil":          b.Verify(primRSAPSS, (*rsa.PublicKey)(nil), crypto.SHA256, nil, sig64),
		"verify rsa, no modulus":         b.Verify(primRSAPKCS1v15, &rsa.PublicKey{E: 65537}, crypto.SHA256, nil, sig64),
		"digest rsa, ECDSA key":          b.VerifyDigest(primRSAPSS, &p256.PublicKey, crypto.SHA256, d32, sig64),
		"oaep encrypt, nil":              oaepEncryptErr(b, nil),
		"oaep encrypt, typed nil":        oaepEncryptErr(b, (*rsa.PublicKey)(nil)),
		"oaep encrypt, no modulus":       oaepEncryptErr(b, &rsa.PublicKey{E: 65537}),
		"oaep encrypt, ECDSA key":        oaepEncryptErr(b, &p256.PublicKey),
		"oaep decrypt, nil":              oaepDecryptErr(b, nil),
		"oaep decrypt, Ed25519 key":      oaepDecryptErr(b, edDecrypter{ed}),
		"sign digest ecdsa, nil":         signDigestErr(b, primECDSAP256, nil),
		"sign digest ecdsa, Ed25519":     signDigestErr(b, primECDSAP256, ed),
		"sign digest rsa, ECDSA key":     signDigestErr(b, primRSAPKCS1v15, p256),
		"ecdh, nil public":               ecdhErr(b, primX25519, x1, nil),
		"ecdh, typed nil public":         ecdhErr(b, primX25519, x1, (*ecdh.PublicKey)(nil)),
		"ecdh, typed nil private":        ecdhErr(b, primX25519, (*ecdh.PrivateKey)(nil), x2.PublicKey()),
		"ecdh, nil private":              ecdhErr(b, primX25519, nil, x2.PublicKey()),
		"ecdh, exchanger on P-256":       ecdhErr(b, primX25519, exchanger{e256}, x2.PublicKey()),
		"ecdh, P-256 private for X25519": ecdhErr(b, primX25519, e256, x2.PublicKey()),
		"ecdh, ECDSA public":             ecdhErr(b, primECDHP256, e256, &p256.PublicKey),
	}
	// A key of the right type is refused for what is wrong with it.
	otherKind := map[string]error{
		"verify ed25519, 31-byte key":  errKeySize,
		"verify ecdsa, no coordinates": errPublicKey,
		"verify ecdsa, no x":           errPublicKey,
		"verify rsa, no modulus":       errPublicKey,
		"oaep encrypt, no modulus":     errPublicKey,
	}
	for what, err := range errs {
		want := errKeyType
		if k, ok := otherKind[what]; ok {
			want = k
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", what, err, want)
		}
	}
}

func oaepEncryptErr(b *Backend, pub crypto.PublicKey) error {
	_, err := b.EncryptOAEP(crypto.SHA256, pub, []byte("k"), nil)
	return err
}

func oaepDecryptErr(b *Backend, key crypto.Decrypter) error {
	_, err := b.DecryptOAEP(crypto.SHA256, key, make([]byte, 256), nil)
	return err
}

func signDigestErr(b *Backend, prim string, key crypto.Signer) error {
	_, err := b.SignDigest(prim, key, crypto.SHA256, make([]byte, 32))
	return err
}

func ecdhErr(b *Backend, prim string, priv crypto.PrivateKey, pub crypto.PublicKey) error {
	_, err := b.ECDH(prim, priv, pub)
	return err
}
