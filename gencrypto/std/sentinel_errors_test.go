package std_test

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"io"
	"sync"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// TestStdErrorsMatchGencryptoSentinels: every error the std backend
// returns for a bad input, called directly rather than through the
// registry, matches the gencrypto sentinel that names its reason, so a
// direct caller can tell with errors.Is a wrong key size from a wrong key
// type, a malformed input or a failed check. One row per method and kind
// of bad input.
func TestStdErrorsMatchGencryptoSentinels(t *testing.T) {
	if fips140.Enforced() {
		t.Skip("the rows use primitives and keys FIPS 140-only mode refuses (see TestFIPSRefusalsAreUnsupported)")
	}
	b := std.New()
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ecNoD := &ecdsa.PrivateKey{PublicKey: ec.PublicKey}
	ecNoX := &ecdsa.PublicKey{Curve: elliptic.P256()}
	rsaKey := testRSAKey(t)
	_, edPriv, _ := ed25519.GenerateKey(rand.Reader)
	edBad := append(ed25519.PrivateKey(nil), edPriv...)
	edBad[40] ^= 1 // public half not the seed's
	x1, _ := ecdh.X25519().GenerateKey(rand.Reader)
	p256, _ := ecdh.P256().GenerateKey(rand.Reader)
	lowOrder, err := ecdh.X25519().NewPublicKey(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	k16, k32, k64 := make([]byte, 16), make([]byte, 32), make([]byte, 64)
	digest := make([]byte, 32)

	e := func(_ any, err error) error { return err }
	rows := []struct {
		name string
		err  error
		want error
	}{
		{"NewHash unknown hash", e(b.NewHash(crypto.MD4)), gencrypto.ErrUnsupported},
		{"NewHMAC unknown hash", e(b.NewHMAC(crypto.MD5, k32)), gencrypto.ErrUnsupported},

		{"NewAEAD unknown primitive", e(b.NewAEAD("aes-ocb", k16, 12, 16, 0)), gencrypto.ErrUnsupported},
		{"NewAEAD GCM 15-byte key", e(b.NewAEAD(gencrypto.PrimAESGCM, k16[:15], 12, 16, 0)), gencrypto.ErrKeySize},
		{"NewAEAD GCM empty nonce", e(b.NewAEAD(gencrypto.PrimAESGCM, k16, 0, 16, 0)), gencrypto.ErrInvalidInput},
		{"NewAEAD GCM 17-byte tag", e(b.NewAEAD(gencrypto.PrimAESGCM, k16, 12, 17, 0)), gencrypto.ErrInvalidInput},
		{"NewAEAD GCM 8-byte tag", e(b.NewAEAD(gencrypto.PrimAESGCM, k16, 12, 8, 0)), gencrypto.ErrUnsupported},
		{"NewAEAD CCM 15-byte key", e(b.NewAEAD(gencrypto.PrimAESCCM, k16[:15], 13, 16, 0)), gencrypto.ErrKeySize},
		{"NewAEAD CCM 6-byte nonce", e(b.NewAEAD(gencrypto.PrimAESCCM, k16, 6, 16, 0)), gencrypto.ErrInvalidInput},
		{"NewAEAD CCM odd tag", e(b.NewAEAD(gencrypto.PrimAESCCM, k16, 13, 5, 0)), gencrypto.ErrInvalidInput},
		{"NewAEAD ChaCha 16-byte key", e(b.NewAEAD(gencrypto.PrimChaCha20Poly1305, k16, 12, 16, 0)), gencrypto.ErrKeySize},
		{"NewAEAD ChaCha 12-byte tag", e(b.NewAEAD(gencrypto.PrimChaCha20Poly1305, k32, 12, 12, 0)), gencrypto.ErrInvalidInput},
		{"NewAEAD ChaCha 8-byte nonce", e(b.NewAEAD(gencrypto.PrimChaCha20Poly1305, k32, 8, 16, 0)), gencrypto.ErrInvalidInput},
		{"NewAEAD CBC-HMAC 31-byte key", e(b.NewAEAD(gencrypto.PrimAESCBCHMAC, k32[:31], 16, 16, crypto.SHA256)), gencrypto.ErrKeySize},
		{"NewAEAD CBC-HMAC 12-byte IV", e(b.NewAEAD(gencrypto.PrimAESCBCHMAC, k32, 12, 16, crypto.SHA256)), gencrypto.ErrInvalidInput},
		{"NewAEAD CBC-HMAC 8-byte tag", e(b.NewAEAD(gencrypto.PrimAESCBCHMAC, k32, 16, 8, crypto.SHA256)), gencrypto.ErrInvalidInput},
		{"NewAEAD CBC-HMAC unknown hash", e(b.NewAEAD(gencrypto.PrimAESCBCHMAC, k32, 16, 16, crypto.MD5)), gencrypto.ErrUnsupported},
		{"AEAD.Open CCM forged", e(openForged(t, b, gencrypto.PrimAESCCM, k16, 13, 16, 0)), gencrypto.ErrVerify},
		{"AEAD.Open CBC-HMAC forged", e(openForged(t, b, gencrypto.PrimAESCBCHMAC, k32, 16, 16, crypto.SHA256)), gencrypto.ErrVerify},

		{"Wrap unknown primitive", e(b.Wrap("aes-kwp", k16, k16)), gencrypto.ErrUnsupported},
		{"Wrap 15-byte KEK", e(b.Wrap(gencrypto.PrimAESKW, k16[:15], k16)), gencrypto.ErrKeySize},
		{"Wrap 12-byte key", e(b.Wrap(gencrypto.PrimAESKW, k16, k16[:12])), gencrypto.ErrInvalidInput},
		{"Unwrap 20-byte input", e(b.Unwrap(gencrypto.PrimAESKW, k16, k32[:20])), gencrypto.ErrInvalidInput},
		{"Unwrap 17-byte KEK", e(b.Unwrap(gencrypto.PrimAESKW, k32[:17], k32[:24])), gencrypto.ErrKeySize},
		{"Unwrap integrity failure", e(b.Unwrap(gencrypto.PrimAESKW, k16, k32[:24])), gencrypto.ErrVerify},

		{"Sign nil key", e(b.Sign(gencrypto.PrimECDSAP256, nil, crypto.SHA256, digest)), gencrypto.ErrKeyType},
		{"Sign nil *ecdsa.PrivateKey", e(b.Sign(gencrypto.PrimECDSAP256, (*ecdsa.PrivateKey)(nil), crypto.SHA256, digest)), gencrypto.ErrKeyType},
		{"Sign ECDSA key without D", e(b.Sign(gencrypto.PrimECDSAP256, ecNoD, crypto.SHA256, digest)), gencrypto.ErrInvalidKey},
		{"Sign ECDSA key for RSA", e(b.Sign(gencrypto.PrimRSAPSS, ec, crypto.SHA256, digest)), gencrypto.ErrKeyType},
		{"Sign P-256 key for P-384", e(b.Sign(gencrypto.PrimECDSAP384, ec, crypto.SHA384, digest)), gencrypto.ErrKeyType},
		{"Sign unknown hash", e(b.Sign(gencrypto.PrimECDSAP256, ec, crypto.MD5, digest)), gencrypto.ErrUnsupported},
		{"Sign unknown primitive", e(b.Sign("ed448", ec, 0, digest)), gencrypto.ErrUnsupported},
		{"Sign Ed25519 with a hash", e(b.Sign(gencrypto.PrimEd25519, edPriv, crypto.SHA512, digest)), gencrypto.ErrUnsupported},
		{"Sign Ed25519 mismatched halves", e(b.Sign(gencrypto.PrimEd25519, edBad, 0, digest)), gencrypto.ErrInvalidKey},
		{"Sign Ed25519 short key", e(b.Sign(gencrypto.PrimEd25519, edPriv[:63], 0, digest)), gencrypto.ErrKeySize},
		{"Sign RSA key for Ed25519", e(b.Sign(gencrypto.PrimEd25519, rsaKey, 0, digest)), gencrypto.ErrKeyType},
		{"SignDigest short digest", e(b.SignDigest(gencrypto.PrimECDSAP256, ec, crypto.SHA256, digest[:31])), gencrypto.ErrInvalidInput},
		{"SignDigest RSA short digest", e(b.SignDigest(gencrypto.PrimRSAPKCS1v15, rsaKey, crypto.SHA256, digest[:31])), gencrypto.ErrInvalidInput},
		{"SignDigest Ed25519", e(b.SignDigest(gencrypto.PrimEd25519, edPriv, crypto.SHA512, k64)), gencrypto.ErrUnsupported},
		{"SignDigest malformed signer output", e(b.SignDigest(gencrypto.PrimECDSAP256, badDERSigner{ec}, crypto.SHA256, digest)), gencrypto.ErrInvalidKey},

		{"Verify bad ECDSA signature", b.Verify(gencrypto.PrimECDSAP256, &ec.PublicKey, crypto.SHA256, digest, k64), gencrypto.ErrVerify},
		{"Verify short ECDSA signature", b.Verify(gencrypto.PrimECDSAP256, &ec.PublicKey, crypto.SHA256, digest, k32), gencrypto.ErrVerify},
		{"Verify bad RSA signature", b.Verify(gencrypto.PrimRSAPSS, &rsaKey.PublicKey, crypto.SHA256, digest, make([]byte, 256)), gencrypto.ErrVerify},
		{"Verify bad Ed25519 signature", b.Verify(gencrypto.PrimEd25519, edPriv.Public(), 0, digest, k64), gencrypto.ErrVerify},
		{"Verify Ed25519 31-byte key", b.Verify(gencrypto.PrimEd25519, ed25519.PublicKey(k32[:31]), 0, digest, k64), gencrypto.ErrKeySize},
		{"Verify ECDSA key for Ed25519", b.Verify(gencrypto.PrimEd25519, &ec.PublicKey, 0, digest, k64), gencrypto.ErrKeyType},
		{"Verify ECDSA key without point", b.Verify(gencrypto.PrimECDSAP256, ecNoX, crypto.SHA256, digest, k64), gencrypto.ErrInvalidKey},
		{"Verify RSA key without modulus", b.Verify(gencrypto.PrimRSAPSS, &rsa.PublicKey{E: 65537}, crypto.SHA256, digest, k64), gencrypto.ErrInvalidKey},
		{"Verify unknown hash", b.Verify(gencrypto.PrimECDSAP256, &ec.PublicKey, crypto.MD5, digest, k64), gencrypto.ErrUnsupported},
		{"VerifyDigest short digest", b.VerifyDigest(gencrypto.PrimECDSAP256, &ec.PublicKey, crypto.SHA256, digest[:31], k64), gencrypto.ErrInvalidInput},
		{"VerifyDigest Ed25519", b.VerifyDigest(gencrypto.PrimEd25519, edPriv.Public(), crypto.SHA512, k64, k64), gencrypto.ErrUnsupported},

		{"EncryptOAEP ECDSA key", e(b.EncryptOAEP(crypto.SHA256, &ec.PublicKey, k16, nil)), gencrypto.ErrKeyType},
		{"EncryptOAEP message too long", e(b.EncryptOAEP(crypto.SHA256, &rsaKey.PublicKey, make([]byte, 256), nil)), gencrypto.ErrInvalidInput},
		{"EncryptOAEP unknown hash", e(b.EncryptOAEP(crypto.MD5, &rsaKey.PublicKey, k16, nil)), gencrypto.ErrUnsupported},
		{"DecryptOAEP ECDSA key", e(b.DecryptOAEP(crypto.SHA256, nil, make([]byte, 256), nil)), gencrypto.ErrKeyType},
		{"DecryptOAEP short ciphertext", e(b.DecryptOAEP(crypto.SHA256, rsaKey, make([]byte, 255), nil)), gencrypto.ErrVerify},
		{"DecryptOAEP garbage ciphertext", e(b.DecryptOAEP(crypto.SHA256, rsaKey, append([]byte{1}, make([]byte, 255)...), nil)), gencrypto.ErrVerify},

		{"ECDH unknown primitive", e(b.ECDH("x448", x1, x1.PublicKey())), gencrypto.ErrUnsupported},
		{"ECDH curves differ", e(b.ECDH(gencrypto.PrimX25519, x1, p256.PublicKey())), gencrypto.ErrKeyType},
		{"ECDH private key on another curve", e(b.ECDH(gencrypto.PrimECDHP256, x1, p256.PublicKey())), gencrypto.ErrKeyType},
		{"ECDH X25519 low-order peer", e(b.ECDH(gencrypto.PrimX25519, x1, lowOrder)), gencrypto.ErrInvalidInput},

		{"HKDF zero length", e(b.HKDF(crypto.SHA256, k32, nil, nil, 0)), gencrypto.ErrInvalidInput},
		{"HKDF too long", e(b.HKDF(crypto.SHA256, k32, nil, nil, 255*32+1)), gencrypto.ErrInvalidInput},
		{"HKDF unknown hash", e(b.HKDF(crypto.MD5, k32, nil, nil, 16)), gencrypto.ErrUnsupported},
		{"PBKDF2 zero iterations", e(b.PBKDF2(crypto.SHA256, k16, k16, 0, 16)), gencrypto.ErrInvalidInput},
		{"PBKDF2 too long", e(b.PBKDF2(crypto.SHA256, k16, k16, 1, 255*32+1)), gencrypto.ErrInvalidInput},
		{"ConcatKDF zero length", e(b.ConcatKDF(crypto.SHA256, k32, nil, 0)), gencrypto.ErrInvalidInput},
		{"ConcatKDF unknown hash", e(b.ConcatKDF(crypto.MD5, k32, nil, 16)), gencrypto.ErrUnsupported},
	}
	for _, r := range rows {
		if !errors.Is(r.err, r.want) {
			t.Errorf("%s: %v; want an error matching %v", r.name, r.err, r.want)
		}
	}
}

// openForged opens a ciphertext of zeros, which does not authenticate.
func openForged(t *testing.T, b *std.Backend, prim string, key []byte, nonceSize, tagSize int, h crypto.Hash) ([]byte, error) {
	t.Helper()
	a, err := b.NewAEAD(prim, key, nonceSize, tagSize, h)
	if err != nil {
		t.Fatalf("NewAEAD(%s): %v", prim, err)
	}
	return a.Open(nil, make([]byte, nonceSize), make([]byte, a.Overhead()+16), nil)
}

// badDERSigner returns a signature that is not DER.
type badDERSigner struct{ *ecdsa.PrivateKey }

func (badDERSigner) Sign(_ io.Reader, _ []byte, _ crypto.SignerOpts) ([]byte, error) {
	return []byte{0x30, 0x01}, nil
}

var rsaKeyOnce = sync.OnceValues(func() (*rsa.PrivateKey, error) { return rsa.GenerateKey(rand.Reader, 2048) })

func testRSAKey(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	k, err := rsaKeyOnce()
	if err != nil {
		t.Fatal(err)
	}
	return k
}
