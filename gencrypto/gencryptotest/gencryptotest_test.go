package gencryptotest_test

import (
	"crypto"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/fips140"
	"crypto/rsa"
	"hash"
	"math/big"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto/gencryptotest"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// The suite itself must be able to fail: each broken backend below has one
// defect, and running the suite on it must fail in the algorithm that uses
// the defective primitive. The suite runs in a child process (a failing
// *testing.T cannot be observed from inside the same test).

const brokenEnv = "GENCRYPTOTEST_BROKEN"

// broken is the std backend with one defect.
type broken struct {
	*std.Backend
	defect string
}

func (b broken) Name() string { return "broken-" + b.defect }

// Supports hides X25519 for the "unsupported-panics" defect, whose ECDH
// then panics when asked for it anyway: the contract says a method asked
// for a primitive the backend lacks returns ErrUnsupported.
func (b broken) Supports(p string) bool {
	if b.defect == "unsupported-panics" && p == "x25519" {
		return false
	}
	return b.Backend.Supports(p)
}

func (b broken) ECDH(p string, priv crypto.PrivateKey, pub crypto.PublicKey) ([]byte, error) {
	if b.defect == "unsupported-panics" && p == "x25519" {
		panic("broken: x25519 is not implemented")
	}
	return b.Backend.ECDH(p, priv, pub)
}

func (b broken) Verify(p string, pub crypto.PublicKey, h crypto.Hash, msg, sig []byte) error {
	if b.defect == "verify-accepts" {
		return nil
	}
	if b.laxRSA(p) {
		d := h.New()
		d.Write(msg)
		return b.VerifyDigest(p, pub, h, d.Sum(nil), sig)
	}
	return b.Backend.Verify(p, pub, h, msg, sig)
}

func (b broken) VerifyDigest(p string, pub crypto.PublicKey, h crypto.Hash, d, sig []byte) error {
	if b.defect == "verifydigest-accepts" {
		return nil
	}
	if b.laxRSA(p) {
		return laxRSAVerify(b.defect, pub.(*rsa.PublicKey), h, d, sig)
	}
	return b.Backend.VerifyDigest(p, pub, h, d, sig)
}

// laxRSA reports whether b has one of the lax RSA verifications and p is
// the primitive it affects.
func (b broken) laxRSA(p string) bool {
	return b.defect == "pss-salt-auto" && p == "rsa-pss" || b.defect == "pkcs1-any-digestinfo" && p == "rsa-pkcs1v15"
}

// laxRSAVerify verifies as lax RSA implementations do: PSS with whatever
// salt length the signature has (rsa.PSSSaltLengthAuto), or PKCS #1 v1.5
// by the digest alone, whatever DigestInfo precedes it, if any.
func laxRSAVerify(defect string, pub *rsa.PublicKey, h crypto.Hash, d, sig []byte) error {
	if defect == "pss-salt-auto" {
		return rsa.VerifyPSS(pub, h, d, sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto})
	}
	err := rsa.VerifyPKCS1v15(pub, h, d, sig)
	for _, other := range []crypto.Hash{0, crypto.SHA3_256, crypto.SHA3_384, crypto.SHA3_512} {
		if err != nil && (other == 0 || other.Size() == len(d)) {
			err = rsa.VerifyPKCS1v15(pub, other, d, sig)
		}
	}
	return err
}

func (b broken) SignDigest(p string, key crypto.Signer, h crypto.Hash, d []byte) ([]byte, error) {
	if b.defect == "signdigest-flips" && len(d) > 0 {
		d = append([]byte(nil), d...) // signs another digest than the one asked for
		d[len(d)-1] ^= 1
	}
	if k, ok := key.(*ecdsa.PrivateKey); ok && b.defect == "ecdsa-fixed-nonce" && len(d) == h.Size() {
		return fixedNonceECDSA(k, d), nil
	}
	return b.Backend.SignDigest(p, key, h, d)
}

func (b broken) Sign(p string, key crypto.Signer, h crypto.Hash, msg []byte) ([]byte, error) {
	if _, ok := key.(*ecdsa.PrivateKey); ok && b.defect == "ecdsa-fixed-nonce" {
		d := h.New()
		d.Write(msg)
		return b.SignDigest(p, key, h, d.Sum(nil))
	}
	return b.Backend.Sign(p, key, h, msg)
}

// fixedNonceECDSA signs digest with one fixed nonce k, as a backend with a
// broken random source would: each signature is valid (r‖s, r and s in
// range), but any two of them give the private key away.
func fixedNonceECDSA(key *ecdsa.PrivateKey, digest []byte) []byte {
	c := key.Curve
	n := c.Params().N
	size := (n.BitLen() + 7) / 8
	k := big.NewInt(0x5eed)
	rx, _ := c.ScalarBaseMult(k.FillBytes(make([]byte, size)))
	r := new(big.Int).Mod(rx, n)
	e := new(big.Int).SetBytes(digest) // no longer than n here: SHA-256/384/512 on P-256/384/521
	sv := new(big.Int).Mul(r, key.D)
	sv.Add(sv, e).Mul(sv, new(big.Int).ModInverse(k, n)).Mod(sv, n)
	return append(r.FillBytes(make([]byte, size)), sv.FillBytes(make([]byte, size))...)
}

func (b broken) NewHMAC(h crypto.Hash, key []byte) (hash.Hash, error) {
	if b.defect == "hmac-key" {
		key = append([]byte{0}, key...)
	}
	return b.Backend.NewHMAC(h, key)
}

func (b broken) NewAEAD(p string, key []byte, n, t int, h crypto.Hash) (cipher.AEAD, error) {
	a, err := b.Backend.NewAEAD(p, key, n, t, h)
	if err != nil || b.defect != "open-accepts" {
		return a, err
	}
	return lax{a}, nil
}

// lax opens anything long enough: on a failed check it returns the bytes
// before the tag as they are, a plaintext of the length the registry
// expects (as a backend that skipped the tag check would).
type lax struct{ cipher.AEAD }

func (l lax) Open(dst, nonce, ct, ad []byte) ([]byte, error) {
	out, err := l.AEAD.Open(dst, nonce, ct, ad)
	if err != nil && len(ct) >= l.Overhead() {
		return append(dst, ct[:len(ct)-l.Overhead()]...), nil
	}
	return out, err
}

func (b broken) Unwrap(p string, kek, w []byte) ([]byte, error) {
	out, err := b.Backend.Unwrap(p, kek, w)
	if err != nil && b.defect == "unwrap-unchecked" {
		return w[8:], nil
	}
	return out, err
}

func (b broken) HKDF(h crypto.Hash, secret, salt, info []byte, n int) ([]byte, error) {
	if b.defect == "hkdf-ignores-salt" {
		salt = nil
	}
	return b.Backend.HKDF(h, secret, salt, info, n)
}

func (b broken) ConcatKDF(h crypto.Hash, z, other []byte, n int) ([]byte, error) {
	out, err := b.Backend.ConcatKDF(h, z, other, n)
	if err == nil && b.defect == "concat-counter" && n > 0 {
		out[0] ^= 1
	}
	return out, err
}

// DecryptOAEP for "oaep-any-hash" decrypts under whichever OAEP hash (used
// for both OAEP and MGF1) makes the ciphertext decode, as a lax
// implementation that guesses the parameters would: RSA-OAEP-256 then
// opens an RSA-OAEP (SHA-1) ciphertext.
func (b broken) DecryptOAEP(h crypto.Hash, key crypto.Decrypter, ct, label []byte) ([]byte, error) {
	out, err := b.Backend.DecryptOAEP(h, key, ct, label)
	if err != nil && b.defect == "oaep-any-hash" {
		for _, other := range []crypto.Hash{crypto.SHA1, crypto.SHA256, crypto.SHA384, crypto.SHA512} {
			if o, e := b.Backend.DecryptOAEP(other, key, ct, label); e == nil {
				return o, nil
			}
		}
	}
	return out, err
}

func TestBrokenBackendChild(t *testing.T) {
	defect := os.Getenv(brokenEnv)
	if defect == "" {
		t.Skip("runs only as the child process of TestSuiteCatchesBrokenBackends")
	}
	gencryptotest.Run(t, broken{std.New(), defect})
}

func TestSuiteCatchesBrokenBackends(t *testing.T) {
	if os.Getenv(brokenEnv) != "" {
		t.Skip("in the child process")
	}
	if fips140.Enforced() {
		t.Skip("the defective primitives are not served under GODEBUG=fips140=only")
	}
	for _, tc := range []struct {
		defect string
		run    string // the part of the suite that must fail
	}{
		{"verify-accepts", "ES256"},
		{"verifydigest-accepts", "PS384"},
		{"signdigest-flips", "RS256"},
		{"hmac-key", "HS256"},
		{"open-accepts", "A128GCM"},
		{"unwrap-unchecked", "A128KW"},
		{"hkdf-ignores-salt", "KnownAnswers/HKDF"},
		{"concat-counter", "ConcatKDF-SHA256"},
		{"unsupported-panics", "X25519"},
		{"pss-salt-auto", "PS256"},
		{"pkcs1-any-digestinfo", "RS384"},
		{"ecdsa-fixed-nonce", "ES384"},
		{"oaep-any-hash", "RSA-OAEP-256"},
	} {
		t.Run(tc.defect, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestBrokenBackendChild$/^"+tc.run, "-test.v")
			cmd.Env = append(os.Environ(), brokenEnv+"="+tc.defect)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the suite passed a backend with defect %q:\n%s", tc.defect, out)
			}
			if !strings.Contains(string(out), "--- FAIL: TestBrokenBackendChild/"+tc.run) {
				t.Fatalf("defect %q: the suite failed, but not in %s:\n%s", tc.defect, tc.run, out)
			}
		})
	}
}
