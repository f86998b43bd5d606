package gencrypto_test

import (
	"bytes"
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"math/big"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// TestAttack02KeyConfusion (SECURITY-CATALOG row 2): the key kind is bound
// to the algorithm family before anything is computed. At this layer a MAC
// key can only be bytes and a signature key only a typed public key, so an
// HMAC secret cannot reach a signature algorithm nor a public key an HMAC;
// every mismatch below is ErrKeyType with zero backend calls.
func TestAttack02KeyConfusion(t *testing.T) {
	k := getKeys(t)
	fake := newFake()
	opt := gencrypto.WithBackend(fake)
	msg := []byte("msg")
	wrong := []struct {
		alg *gencrypto.Signature
		pub crypto.PublicKey
	}{
		{gencrypto.RS256(), &k.p256.PublicKey},
		{gencrypto.RS256(), k.ed.Public()},
		{gencrypto.RS256(), []byte("secret used as key")},
		{gencrypto.RS256(), k.rsa}, // a private key where a public one is due
		{gencrypto.PS256(), &k.p384.PublicKey},
		{gencrypto.ES256(), &k.rsa.PublicKey},
		{gencrypto.ES256(), k.ed.Public()},
		{gencrypto.ES256(), &k.p384.PublicKey}, // right family, wrong curve
		{gencrypto.ES256(), &k.p521.PublicKey},
		{gencrypto.ES384(), &k.p256.PublicKey},
		{gencrypto.ES512(), &k.p384.PublicKey},
		{gencrypto.ES256(), k.ecdh256.PublicKey()}, // an ECDH key is not an ECDSA key
		{gencrypto.ES256(), k.p256},
		{gencrypto.EdDSA(), &k.p256.PublicKey},
		{gencrypto.EdDSA(), k.x25519.PublicKey()},
		{gencrypto.Ed25519(), []byte(k.ed.Public().(ed25519.PublicKey))},
		{gencrypto.Ed25519(), &k.rsa.PublicKey},
		{gencrypto.ES256(), nil},
		{gencrypto.EdDSA(), nil},
		{gencrypto.RS256(), (*rsa.PublicKey)(nil)},
		{gencrypto.ES256(), (*ecdsa.PublicKey)(nil)},
	}
	for _, w := range wrong {
		if err := w.alg.Verify(w.pub, msg, make([]byte, 64), opt); !errors.Is(err, gencrypto.ErrKeyType) {
			t.Errorf("%s.Verify with %T: %v, want ErrKeyType", w.alg, w.pub, err)
		}
		if w.pub == nil {
			continue
		}
		if _, err := w.alg.Sign(pubSigner{w.pub, t}, msg, opt); !errors.Is(err, gencrypto.ErrKeyType) {
			t.Errorf("%s.Sign with %T: %v, want ErrKeyType", w.alg, w.pub, err)
		}
	}
	if _, err := gencrypto.ES256().Sign(nil, msg, opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("Sign(nil): %v", err)
	}
	// Key encryption and key agreement bind their keys the same way.
	if _, err := gencrypto.RSAOAEP256().Encrypt(&k.p256.PublicKey, msg, opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("RSA-OAEP-256 with an EC key: %v", err)
	}
	if _, err := gencrypto.RSAOAEP256().Decrypt(nil, msg, opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("RSA-OAEP-256 Decrypt(nil): %v", err)
	}
	if _, err := gencrypto.ECDHP256().SharedSecret(k.x25519, k.ecdh256.PublicKey(), opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("ECDH-P256 with an X25519 private key: %v", err)
	}
	if _, err := gencrypto.X25519().SharedSecret(k.x25519, k.ecdh256.PublicKey(), opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("X25519 with a P-256 public key: %v", err)
	}
	if _, err := gencrypto.ECDHP384().SharedSecret(k.ecdh256, k.ecdh256.PublicKey(), opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("ECDH-P384 with P-256 keys: %v", err)
	}
	if _, err := gencrypto.X25519().SharedSecret(k.p256, k.x25519.PublicKey(), opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("X25519 with an *ecdsa.PrivateKey: %v", err)
	}
	if _, err := gencrypto.X25519().SharedSecret(k.x25519, nil, opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("X25519 with a nil public key: %v", err)
	}
	if n := fake.calls.Load(); n != 0 {
		t.Errorf("%d backend calls for mismatched keys; want 0", n)
	}
}

func TestKeySizes(t *testing.T) {
	fake := newFake()
	opt := gencrypto.WithBackend(fake)
	for _, bits := range []int{512, 1024, 2047, 16385} {
		pub := smallRSA(bits)
		for _, alg := range []*gencrypto.Signature{gencrypto.RS256(), gencrypto.PS512()} {
			if err := alg.Verify(pub, nil, make([]byte, bits/8), opt); !errors.Is(err, gencrypto.ErrKeySize) {
				t.Errorf("%s with RSA-%d: Verify %v, want ErrKeySize", alg, bits, err)
			}
			if _, err := alg.Sign(pubSigner{pub, t}, nil, opt); !errors.Is(err, gencrypto.ErrKeySize) {
				t.Errorf("%s with RSA-%d: Sign %v, want ErrKeySize", alg, bits, err)
			}
		}
		if _, err := gencrypto.RSAOAEP().Encrypt(pub, []byte("k"), opt); !errors.Is(err, gencrypto.ErrKeySize) {
			t.Errorf("RSA-OAEP with RSA-%d: %v, want ErrKeySize", bits, err)
		}
	}
	for _, pub := range []*rsa.PublicKey{{E: 65537}, {N: big.NewInt(-5), E: 3}, {N: smallRSA(2048).N, E: 1}} {
		if err := gencrypto.RS256().Verify(pub, nil, nil, opt); !errors.Is(err, gencrypto.ErrInvalidKey) {
			t.Errorf("RSA key N=%v E=%d: %v, want ErrInvalidKey", pub.N, pub.E, err)
		}
	}
	if err := gencrypto.EdDSA().Verify(ed25519.PublicKey(make([]byte, 31)), nil, make([]byte, 64), opt); !errors.Is(err, gencrypto.ErrKeySize) {
		t.Errorf("31-byte Ed25519 key: %v", err)
	}
	for _, m := range []*gencrypto.MAC{gencrypto.HS256(), gencrypto.HS384(), gencrypto.HS512(), gencrypto.HMAC256_64()} {
		if _, err := m.New(make([]byte, m.MinKeySize()-1), opt); !errors.Is(err, gencrypto.ErrKeySize) {
			t.Errorf("%s with a short key: %v", m, err)
		}
		if _, err := m.New(nil, opt); !errors.Is(err, gencrypto.ErrKeySize) {
			t.Errorf("%s with no key: %v", m, err)
		}
	}
	for _, a := range gencrypto.All() {
		switch a := a.(type) {
		case *gencrypto.AEAD:
			for _, n := range []int{0, a.KeySize() - 1, a.KeySize() + 1} {
				if _, err := a.New(make([]byte, n), opt); !errors.Is(err, gencrypto.ErrKeySize) {
					t.Errorf("%s with a %d-byte key: %v", a, n, err)
				}
			}
		case *gencrypto.KeyWrap:
			if _, err := a.Wrap(make([]byte, a.KeySize()+8), make([]byte, 16), opt); !errors.Is(err, gencrypto.ErrKeySize) {
				t.Errorf("%s Wrap with a wrong KEK: %v", a, err)
			}
			if _, err := a.Unwrap(make([]byte, a.KeySize()-8), make([]byte, 24), opt); !errors.Is(err, gencrypto.ErrKeySize) {
				t.Errorf("%s Unwrap with a wrong KEK: %v", a, err)
			}
		}
	}
	if n := fake.calls.Load(); n != 0 {
		t.Errorf("%d backend calls for refused keys; want 0", n)
	}
}

// TestAttack15ECDSASignatures (SECURITY-CATALOG row 15, "psychic
// signatures"): all-zero signatures, r or s of zero or ≥ n, wrong lengths
// and DER encodings are ErrVerify, and none of them reaches the backend.
func TestAttack15ECDSASignatures(t *testing.T) {
	k := getKeys(t)
	msg := []byte("psychic paper")
	for _, tc := range []struct {
		alg  *gencrypto.Signature
		key  *ecdsa.PrivateKey
		size int
	}{
		{gencrypto.ES256(), k.p256, 32}, {gencrypto.ES384(), k.p384, 48}, {gencrypto.ES512(), k.p521, 66},
	} {
		fake := newFake()
		opt := gencrypto.WithBackend(fake)
		good, err := tc.alg.Sign(tc.key, msg)
		if err != nil {
			t.Fatal(err)
		}
		if err := tc.alg.Verify(&tc.key.PublicKey, msg, good, opt); err != nil {
			t.Fatalf("%s: good signature: %v", tc.alg, err)
		}
		calls := fake.calls.Load()
		n := tc.key.Curve.Params().N
		fixed := func(x *big.Int) []byte { return x.FillBytes(make([]byte, tc.size)) }
		r, s := good[:tc.size], good[tc.size:]
		cat := func(a, b []byte) []byte { return append(append([]byte(nil), a...), b...) }
		der, err := ecdsa.SignASN1(rand.Reader, tc.key, digest(tc.alg.Hash(), msg))
		if err != nil {
			t.Fatal(err)
		}
		nPlus := fixed(new(big.Int).Add(n, big.NewInt(1)))
		bad := map[string][]byte{
			"all zero":      make([]byte, 2*tc.size),
			"r = 0":         cat(make([]byte, tc.size), s),
			"s = 0":         cat(r, make([]byte, tc.size)),
			"r = n":         cat(fixed(n), s),
			"s = n":         cat(r, fixed(n)),
			"r = n+1":       cat(nPlus, s),
			"s = n+1":       cat(r, nPlus),
			"all ones":      bytes.Repeat([]byte{0xff}, 2*tc.size),
			"empty":         nil,
			"one short":     good[:len(good)-1],
			"one long":      cat(good, []byte{0}),
			"halves padded": cat(cat([]byte{0}, r), cat([]byte{0}, s)),
			"DER":           der,
			"r only":        r,
		}
		for name, sig := range bad {
			if err := tc.alg.Verify(&tc.key.PublicKey, msg, sig, opt); err != gencrypto.ErrVerify {
				t.Errorf("%s %s: %v, want ErrVerify", tc.alg, name, err)
			}
		}
		if got := fake.calls.Load(); got != calls {
			t.Errorf("%s: %d malformed signatures reached the backend", tc.alg, got-calls)
		}
		// r = n−1 is in range: it reaches the backend and fails there.
		if err := tc.alg.Verify(&tc.key.PublicKey, msg, cat(fixed(new(big.Int).Sub(n, big.NewInt(1))), s), opt); err != gencrypto.ErrVerify {
			t.Errorf("%s r = n-1: %v", tc.alg, err)
		}
	}
}

func digest(h crypto.Hash, msg []byte) []byte {
	d := h.New()
	d.Write(msg)
	return d.Sum(nil)
}

// TestInvalidECPoints: public points off the curve, out of range, or the
// identity are ErrInvalidKey before any computation; the std backend also
// rejects them when called directly (gencrypto/std's own tests).
func TestInvalidECPoints(t *testing.T) {
	k := getKeys(t)
	fake := newFake()
	opt := gencrypto.WithBackend(fake)
	p := elliptic.P256().Params().P
	good := k.p256.PublicKey
	for name, pub := range map[string]*ecdsa.PublicKey{
		"off curve": {Curve: elliptic.P256(), X: good.X, Y: new(big.Int).Add(good.Y, big.NewInt(1))},
		"identity":  {Curve: elliptic.P256(), X: new(big.Int), Y: new(big.Int)},
		"x ≥ p":     {Curve: elliptic.P256(), X: new(big.Int).Add(good.X, p), Y: good.Y},
		"x < 0":     {Curve: elliptic.P256(), X: new(big.Int).Neg(good.X), Y: good.Y},
		"nil x":     {Curve: elliptic.P256(), Y: good.Y},
	} {
		if err := gencrypto.ES256().Verify(pub, nil, make([]byte, 64), opt); !errors.Is(err, gencrypto.ErrInvalidKey) {
			t.Errorf("%s: %v, want ErrInvalidKey", name, err)
		}
	}
	if n := fake.calls.Load(); n != 0 {
		t.Errorf("%d backend calls for invalid points", n)
	}
}

// TestOpaqueErrors: whatever a backend says about a failed check, the
// caller sees ErrVerify and nothing else; ErrUnsupported alone passes.
func TestOpaqueErrors(t *testing.T) {
	k := getKeys(t)
	fake := newFake()
	fake.failErr = errChatty
	opt := gencrypto.WithBackend(fake)
	msg := []byte("m")
	sig, _ := gencrypto.ES256().Sign(k.p256, msg)
	if err := gencrypto.ES256().Verify(&k.p256.PublicKey, msg, sig, opt); err != gencrypto.ErrVerify {
		t.Errorf("Verify: %v", err)
	}
	if _, err := gencrypto.A128KW().Unwrap(make([]byte, 16), make([]byte, 24), opt); err != gencrypto.ErrVerify {
		t.Errorf("Unwrap: %v", err)
	}
	if _, err := gencrypto.RSAOAEP256().Decrypt(k.rsa, make([]byte, 256), opt); err != gencrypto.ErrVerify {
		t.Errorf("Decrypt: %v", err)
	}
	if _, err := gencrypto.X25519().SharedSecret(k.x25519, k.x25519.PublicKey(), opt); err != gencrypto.ErrInvalidInput {
		t.Errorf("SharedSecret: %v", err)
	}

	fake.failErr = errors.ErrUnsupported
	if err := gencrypto.ES256().Verify(&k.p256.PublicKey, msg, sig, opt); !errors.Is(err, gencrypto.ErrUnsupported) {
		t.Errorf("Verify with a backend saying unsupported: %v", err)
	}

	// The std backend's own messages never leak either.
	ct := make([]byte, 40)
	for _, a := range []*gencrypto.AEAD{gencrypto.A128GCM(), gencrypto.A128CBCHS256(), gencrypto.AESCCM16_64_128(), gencrypto.ChaCha20Poly1305()} {
		c, err := a.New(make([]byte, a.KeySize()))
		if err != nil {
			t.Fatal(err)
		}
		for _, nonce := range [][]byte{make([]byte, a.NonceSize()), make([]byte, a.NonceSize()+1), nil} {
			if _, err := c.Open(nil, nonce, ct, nil); err != gencrypto.ErrVerify {
				t.Errorf("%s Open with a %d-byte nonce: %v", a, len(nonce), err)
			}
		}
		if _, err := c.Open(nil, make([]byte, a.NonceSize()), nil, nil); err != gencrypto.ErrVerify {
			t.Errorf("%s Open(empty): %v", a, err)
		}
	}
	m, _ := gencrypto.HMAC256_64().New(make([]byte, 32))
	tag, err := m.Sum(nil, msg)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{nil, tag[:7], append(tag, 0), make([]byte, 8)} {
		if err := m.Verify(msg, bad); err != gencrypto.ErrVerify {
			t.Errorf("HMAC 256/64 Verify(%x): %v", bad, err)
		}
	}
}

// TestUnsupportedBackend: a backend that lacks a primitive is asked nothing
// and the caller gets an *UnsupportedError wrapping ErrUnsupported.
func TestUnsupportedBackend(t *testing.T) {
	k := getKeys(t)
	fake := newFake(gencrypto.PrimHMAC) // HMAC only
	opt := gencrypto.WithBackend(fake)
	check := func(what string, err error) {
		t.Helper()
		var ue *gencrypto.UnsupportedError
		if !errors.Is(err, gencrypto.ErrUnsupported) || !errors.As(err, &ue) || ue.Backend != "fake" || ue.NotApproved {
			t.Errorf("%s: %v, want *UnsupportedError from backend fake", what, err)
		}
	}
	_, err := gencrypto.ES256().Sign(k.p256, nil, opt)
	check("Sign", err)
	check("Verify", gencrypto.ES256().Verify(&k.p256.PublicKey, nil, make([]byte, 64), opt))
	_, err = gencrypto.A256GCM().New(make([]byte, 32), opt)
	check("AEAD", err)
	_, err = gencrypto.A128KW().Wrap(make([]byte, 16), make([]byte, 16), opt)
	check("Wrap", err)
	_, err = gencrypto.A128KW().Unwrap(make([]byte, 16), make([]byte, 24), opt)
	check("Unwrap", err)
	_, err = gencrypto.RSAOAEP().Encrypt(&k.rsa.PublicKey, nil, opt)
	check("Encrypt", err)
	_, err = gencrypto.RSAOAEP().Decrypt(k.rsa, make([]byte, 256), opt)
	check("Decrypt", err)
	_, err = gencrypto.X25519().SharedSecret(k.x25519, k.x25519.PublicKey(), opt)
	check("SharedSecret", err)
	_, err = gencrypto.HKDFSHA256().Derive(nil, nil, nil, 32, opt)
	check("HKDF", err)
	_, err = gencrypto.PBKDF2SHA256().Derive(nil, nil, 1, 32, opt)
	check("PBKDF2", err)
	_, err = gencrypto.ConcatKDFSHA256().Derive(nil, nil, 32, opt)
	check("ConcatKDF", err)
	if n := fake.calls.Load(); n != 0 {
		t.Errorf("%d calls reached a backend that does not support them", n)
	}
	if _, err := gencrypto.HS256().New(make([]byte, 32), opt); err != nil {
		t.Errorf("HMAC on a backend that has it: %v", err)
	}
	if msg := err.Error(); msg != `gencrypto: ConcatKDF-SHA256: backend "fake" does not support concat-kdf` {
		t.Errorf("message %q", msg)
	}
	// A nil backend option means the default.
	if _, err := gencrypto.A128GCM().New(make([]byte, 16), gencrypto.WithBackend(nil)); err != nil {
		t.Errorf("WithBackend(nil): %v", err)
	}
}

func TestInvalidInputs(t *testing.T) {
	for _, n := range []int{0, -1, 255*32 + 1} {
		if _, err := gencrypto.HKDFSHA256().Derive([]byte("s"), nil, nil, n); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("HKDF length %d: %v", n, err)
		}
		if _, err := gencrypto.ConcatKDFSHA256().Derive([]byte("z"), nil, n); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("ConcatKDF length %d: %v", n, err)
		}
		if _, err := gencrypto.PBKDF2SHA256().Derive([]byte("pw"), []byte("salt"), 1, n); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("PBKDF2 length %d: %v", n, err)
		}
	}
	for _, it := range []int{0, -1} {
		if _, err := gencrypto.PBKDF2SHA256().Derive([]byte("pw"), []byte("salt"), it, 16); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("PBKDF2 %d iterations: %v", it, err)
		}
	}
	// SECURITY-CATALOG row 11: short and odd wrapped keys never panic.
	for _, n := range []int{0, 8, 15, 16, 17, 23, 25} {
		if _, err := gencrypto.A128KW().Unwrap(make([]byte, 16), make([]byte, n)); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("Unwrap of %d bytes: %v", n, err)
		}
	}
	for _, n := range []int{0, 8, 15, 17} {
		if _, err := gencrypto.A128KW().Wrap(make([]byte, 16), make([]byte, n)); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("Wrap of %d bytes: %v", n, err)
		}
	}
	// X25519 with a low-order point (here the all-zero u-coordinate) gives
	// an all-zero secret, which RFC 7748 §6.1 says to refuse.
	low, err := ecdh.X25519().NewPublicKey(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gencrypto.X25519().SharedSecret(getKeys(t).x25519, low); !errors.Is(err, gencrypto.ErrInvalidInput) {
		t.Errorf("X25519 low-order point: %v", err)
	}
}

// TestAttack06ECDHInvalidPoints (SECURITY-CATALOG row 6, at this layer):
// a peer key off its curve, at infinity or on another curve never reaches
// the computation, and an X25519 low-order point (all-zero secret) is
// refused. KeyAgreement takes *ecdh.PublicKey, which crypto/ecdh validates
// when it is made, so the invalid encodings fail there; package jwe checks
// that its "epk" parsing goes through it.
func TestAttack06ECDHInvalidPoints(t *testing.T) {
	k := getKeys(t)
	good := k.ecdh256.PublicKey().Bytes()
	offCurve := append([]byte(nil), good...)
	offCurve[len(offCurve)-1] ^= 1
	for name, enc := range map[string][]byte{
		"off curve":        offCurve,
		"infinity":         {0},
		"x only":           good[:33],
		"compressed":       append([]byte{2}, good[1:33]...),
		"coordinates ≥ p":  append([]byte{4}, bytes.Repeat([]byte{0xff}, 64)...),
		"P-384 point size": append([]byte{4}, make([]byte, 96)...),
	} {
		if _, err := ecdh.P256().NewPublicKey(enc); err == nil {
			t.Errorf("%s: crypto/ecdh accepted the point", name)
		}
	}
	p384, _ := ecdh.P384().GenerateKey(rand.Reader)
	if _, err := gencrypto.ECDHP256().SharedSecret(k.ecdh256, p384.PublicKey()); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("P-384 peer for ECDH-P256: %v, want ErrKeyType", err)
	}
	for _, u := range []byte{0, 1} {
		enc := make([]byte, 32)
		enc[0] = u
		low, err := ecdh.X25519().NewPublicKey(enc)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := gencrypto.X25519().SharedSecret(k.x25519, low); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("X25519 low-order u=%d: %v, want ErrInvalidInput", u, err)
		}
	}
}
