// Package gencryptotest is the conformance suite every gencrypto backend
// must pass. A backend's tests call Run:
//
//	func TestConformance(t *testing.T) { gencryptotest.Run(t, mybackend.New()) }
//
// Run walks the whole registry. For every algorithm whose primitive the
// backend supports it checks, through the registry (so with all of
// gencrypto's policy in front):
//
//   - round trips: sign/verify, MAC sum/verify, seal/open (also in place),
//     wrap/unwrap, encrypt/decrypt, both sides of a key agreement;
//   - the streaming forms: for RS*, PS* and ES*, NewHash, SignDigest and
//     VerifyDigest agree with Sign and Verify both ways (EdDSA refuses them
//     with ErrUnsupported); for MACs, a key written in pieces gives the
//     one-shot tag (SumStream, VerifyStream);
//   - agreement with the standard-library backend (gencrypto/std): equal
//     outputs for deterministic operations, cross-verification otherwise
//     (under GODEBUG=fips140=only the reference runs with the module's
//     enforcement lifted, so a backend may serve approved primitives std
//     refuses in that mode);
//   - tamper detection: a flipped bit of a tag, signature, ciphertext or
//     wrapped key (every bit of one up to 64 bytes, such as a tag or an
//     Ed25519 or ES256 signature; the first and last bit of some 32 bytes
//     spread over a longer one, such as an RSA signature), a changed nonce,
//     message, digest or associated data, is ErrVerify;
//   - ECDSA signatures of different messages, from Sign and from
//     SignDigest, never share r (a repeated nonce gives the key away);
//   - the RSA encodings, which the registry cannot check: a PSS salt of
//     another length than the hash's, and a PKCS #1 v1.5 encoding without
//     the hash's DigestInfo (none, or another hash's of the same size),
//     are ErrVerify, and so is an RSA-OAEP ciphertext made under another
//     registered OAEP hash;
//   - wrong key types and sizes, and wrong lengths of every input, return
//     the documented error, never a panic;
//   - known answers typed in from the RFCs: HKDF (RFC 5869 A.1), PBKDF2
//     (RFC 7914 §11), Concat KDF and ECDH (RFC 7518 Appendix C), AES-KW
//     (RFC 3394 §4.1, §4.6), A128CBC-HS256 (RFC 7518 Appendix B.1) and
//     Ed25519 (RFC 8032 §7.1 test 1).
//
// An algorithm the backend does not support must fail with ErrUnsupported,
// through the registry and from each of the backend's own methods for its
// primitive, called directly (the registry never calls them), without a
// panic; Run checks that and then skips the algorithm, saying so. When the program
// runs with GODEBUG=fips140=only, Run checks that algorithms that are not
// FIPS 140-3 approved are refused, skips them with that reason, and keeps
// to the Go Cryptographic Module's minimums (PBKDF2 outputs of 112 bits,
// salts of 128 bits).
//
// Run generates its keys in memory, two of each kind (RSA-2048 among them),
// once per test binary. The Wycheproof corpora run separately, in package
// vectors, against every registered backend.
package gencryptotest

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"sync"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// Run runs the conformance suite against b. See the package documentation.
func Run(t *testing.T, b gencrypto.Backend) {
	t.Helper()
	if b == nil {
		t.Fatal("gencryptotest: nil backend")
	}
	s := &suite{b: b, opt: gencrypto.WithBackend(b), ref: gencrypto.WithBackend(reference{std.New()}), keys: getKeys(t)}
	for _, a := range gencrypto.All() {
		t.Run(a.Name(), func(t *testing.T) {
			if !a.FIPSApproved() && fips140.Enforced() {
				err := s.checkUnsupported(t, a)
				var ue *gencrypto.UnsupportedError
				if !errors.As(err, &ue) || !ue.NotApproved {
					t.Fatalf("%s under fips140=only: %v, want *UnsupportedError with NotApproved", a.Name(), err)
				}
				t.Skipf("%s is not FIPS 140-3 approved and GODEBUG=fips140=only is set; checked that it is refused", a.Name())
			}
			if !b.Supports(a.Primitive()) {
				s.checkUnsupported(t, a)
				s.checkBackendUnsupported(t, a)
				if t.Failed() {
					return
				}
				t.Skipf("backend %q does not support %s (primitive %s); checked that it reports ErrUnsupported", b.Name(), a.Name(), a.Primitive())
			}
			switch a := a.(type) {
			case *gencrypto.Signature:
				s.signature(t, a)
			case *gencrypto.MAC:
				s.mac(t, a)
			case *gencrypto.AEAD:
				s.aead(t, a)
			case *gencrypto.KeyWrap:
				s.keyWrap(t, a)
			case *gencrypto.KeyEncryption:
				s.keyEncryption(t, a)
			case *gencrypto.KeyAgreement:
				s.keyAgreement(t, a)
			case *gencrypto.HKDF, *gencrypto.PBKDF2, *gencrypto.ConcatKDF:
				s.kdf(t, a)
			default:
				t.Fatalf("gencryptotest does not know the family of %s (%T)", a.Name(), a)
			}
		})
	}
	t.Run("KnownAnswers", s.knownAnswers)
}

// suite carries one run's backend and keys.
type suite struct {
	b    gencrypto.Backend
	opt  gencrypto.Option // selects b
	ref  gencrypto.Option // selects the reference backend, gencrypto/std (see reference)
	keys *keySet
}

// keySet holds two keys of every kind, so that "another key of the same
// kind" is at hand.
type keySet struct {
	p256, p384, p521 [2]*ecdsa.PrivateKey
	ed               [2]ed25519.PrivateKey
	rsa              [2]*rsa.PrivateKey
	x25519, e256     [2]*ecdh.PrivateKey
	e384, e521       [2]*ecdh.PrivateKey
}

var (
	keysOnce sync.Once
	keys     keySet
	keysErr  error
)

func getKeys(t *testing.T) *keySet {
	t.Helper()
	// Test keys are fixtures, not the subject: they are made even under
	// GODEBUG=fips140=only, where the algorithms that are not approved are
	// then skipped.
	keysOnce.Do(func() { fips140.WithoutEnforcement(generateKeys) })
	if keysErr != nil {
		t.Fatalf("gencryptotest: generating keys: %v", keysErr)
	}
	return &keys
}

func generateKeys() {
	{
		var errs []error
		for i := range 2 {
			var err error
			keys.p256[i], err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
			errs = append(errs, err)
			keys.p384[i], err = ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
			errs = append(errs, err)
			keys.p521[i], err = ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
			errs = append(errs, err)
			_, keys.ed[i], err = ed25519.GenerateKey(rand.Reader)
			errs = append(errs, err)
			keys.rsa[i], err = rsa.GenerateKey(rand.Reader, 2048)
			errs = append(errs, err)
			keys.x25519[i], err = ecdh.X25519().GenerateKey(rand.Reader)
			errs = append(errs, err)
			keys.e256[i], err = ecdh.P256().GenerateKey(rand.Reader)
			errs = append(errs, err)
			keys.e384[i], err = ecdh.P384().GenerateKey(rand.Reader)
			errs = append(errs, err)
			keys.e521[i], err = ecdh.P521().GenerateKey(rand.Reader)
			errs = append(errs, err)
		}
		keysErr = errors.Join(errs...)
	}
}

// checkUnsupported asks for one operation of a, requires ErrUnsupported and
// returns the error.
func (s *suite) checkUnsupported(t *testing.T, a gencrypto.Algorithm) error {
	t.Helper()
	var err error
	k := s.keys
	switch a := a.(type) {
	case *gencrypto.Signature:
		_, err = a.Sign(s.signerFor(a), []byte("m"), s.opt)
		if h := a.Hash(); h != 0 && errors.Is(err, gencrypto.ErrUnsupported) {
			_, err = a.SignDigest(s.signerFor(a), make([]byte, h.Size()), s.opt)
		}
	case *gencrypto.MAC:
		_, err = a.New(make([]byte, a.MinKeySize()), s.opt)
	case *gencrypto.AEAD:
		_, err = a.New(make([]byte, a.KeySize()), s.opt)
	case *gencrypto.KeyWrap:
		_, err = a.Wrap(make([]byte, a.KeySize()), make([]byte, 16), s.opt)
	case *gencrypto.KeyEncryption:
		_, err = a.Encrypt(&k.rsa[0].PublicKey, make([]byte, 16), s.opt)
	case *gencrypto.KeyAgreement:
		priv := s.ecdhKeys(a)
		_, err = a.SharedSecret(priv[0], priv[1].PublicKey(), s.opt)
	case *gencrypto.HKDF:
		_, err = a.Derive([]byte("secret"), nil, nil, 16, s.opt)
	case *gencrypto.PBKDF2:
		_, err = a.Derive([]byte("password"), []byte("salt"), 1, 16, s.opt)
	case *gencrypto.ConcatKDF:
		_, err = a.Derive([]byte("z"), nil, 16, s.opt)
	}
	if !errors.Is(err, gencrypto.ErrUnsupported) {
		t.Fatalf("%s on a backend without %s: %v, want ErrUnsupported", a.Name(), a.Primitive(), err)
	}
	return err
}

// ecdhKeys returns two private keys on a's curve.
func (s *suite) ecdhKeys(a *gencrypto.KeyAgreement) [2]*ecdh.PrivateKey {
	switch a.Curve() {
	case gencrypto.CurveP256:
		return s.keys.e256
	case gencrypto.CurveP384:
		return s.keys.e384
	case gencrypto.CurveP521:
		return s.keys.e521
	}
	return s.keys.x25519
}

// flipBits returns copies of b with one bit flipped, at every bit when b is
// short and at a spread of positions otherwise, so the cost stays bounded.
func flipBits(b []byte) [][]byte {
	var out [][]byte
	step := 1
	if len(b) > 64 {
		step = len(b) / 32
	}
	for i := 0; i < len(b); i += step {
		for bit := range 8 {
			if len(b) > 64 && bit != 0 && bit != 7 {
				continue
			}
			c := append([]byte(nil), b...)
			c[i] ^= 1 << bit
			out = append(out, c)
		}
	}
	if len(b) > 0 && step > 1 { // always include the last byte
		c := append([]byte(nil), b...)
		c[len(c)-1] ^= 0x80
		out = append(out, c)
	}
	return out
}

// badLengths returns b truncated by one, extended by one, empty and doubled.
func badLengths(b []byte) map[string][]byte {
	m := map[string][]byte{
		"empty":    nil,
		"extended": append(append([]byte(nil), b...), 0),
		"doubled":  append(append([]byte(nil), b...), b...),
	}
	if len(b) > 0 {
		m["truncated"] = b[:len(b)-1]
	}
	return m
}

func randBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}
