package gencrypto_test

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// The digest-level forms apply the policy of Sign and Verify: these tests
// mirror policy_test.go for SignDigest and VerifyDigest, counting the calls
// that reach the backend.

// TestDigestPolicyBeforeBackend: mismatched keys, invalid points, digests of
// the wrong length and malformed ECDSA signatures are refused by the registry
// with zero backend calls, each with its documented error.
func TestDigestPolicyBeforeBackend(t *testing.T) {
	k := getKeys(t)
	fake := newFake()
	opt := gencrypto.WithBackend(fake)
	d32 := make([]byte, 32)
	good := k.p256.PublicKey
	for name, tc := range map[string]struct {
		err  error
		want error
	}{
		"ES256 verify, P-384 key":   {gencrypto.ES256().VerifyDigest(&k.p384.PublicKey, make([]byte, 32), make([]byte, 64), opt), gencrypto.ErrKeyType},
		"ES256 verify, RSA key":     {gencrypto.ES256().VerifyDigest(&k.rsa.PublicKey, d32, make([]byte, 64), opt), gencrypto.ErrKeyType},
		"RS256 verify, EC key":      {gencrypto.RS256().VerifyDigest(&good, d32, make([]byte, 256), opt), gencrypto.ErrKeyType},
		"RS256 verify, bytes":       {gencrypto.RS256().VerifyDigest([]byte("secret"), d32, make([]byte, 256), opt), gencrypto.ErrKeyType},
		"ES256 verify, nil key":     {gencrypto.ES256().VerifyDigest(nil, d32, make([]byte, 64), opt), gencrypto.ErrKeyType},
		"ES256 verify, off curve":   {gencrypto.ES256().VerifyDigest(&ecdsa.PublicKey{Curve: elliptic.P256(), X: good.X, Y: new(big.Int).Add(good.Y, big.NewInt(1))}, d32, make([]byte, 64), opt), gencrypto.ErrInvalidKey},
		"ES256 verify, identity":    {gencrypto.ES256().VerifyDigest(&ecdsa.PublicKey{Curve: elliptic.P256(), X: new(big.Int), Y: new(big.Int)}, d32, make([]byte, 64), opt), gencrypto.ErrInvalidKey},
		"ES256 sign, RSA key":       {errOf(gencrypto.ES256().SignDigest(k.rsa, d32, opt)), gencrypto.ErrKeyType},
		"PS256 sign, Ed25519 key":   {errOf(gencrypto.PS256().SignDigest(k.ed, d32, opt)), gencrypto.ErrKeyType},
		"ES384 sign, P-256 key":     {errOf(gencrypto.ES384().SignDigest(k.p256, make([]byte, 48), opt)), gencrypto.ErrKeyType},
		"ES256 sign, nil key":       {errOf(gencrypto.ES256().SignDigest(nil, d32, opt)), gencrypto.ErrKeyType},
		"ES256 sign, 31-byte":       {errOf(gencrypto.ES256().SignDigest(k.p256, d32[:31], opt)), gencrypto.ErrInvalidInput},
		"ES256 sign, 48-byte":       {errOf(gencrypto.ES256().SignDigest(k.p256, make([]byte, 48), opt)), gencrypto.ErrInvalidInput},
		"ES512 sign, 32-byte":       {errOf(gencrypto.ES512().SignDigest(k.p521, d32, opt)), gencrypto.ErrInvalidInput},
		"RS256 sign, nil digest":    {errOf(gencrypto.RS256().SignDigest(k.rsa, nil, opt)), gencrypto.ErrInvalidInput},
		"ES256 verify, 33-byte":     {gencrypto.ES256().VerifyDigest(&good, make([]byte, 33), make([]byte, 64), opt), gencrypto.ErrInvalidInput},
		"PS512 verify, 32-byte":     {gencrypto.PS512().VerifyDigest(&k.rsa.PublicKey, d32, make([]byte, 256), opt), gencrypto.ErrInvalidInput},
		"ES256 verify, short sig":   {gencrypto.ES256().VerifyDigest(&good, d32, make([]byte, 63), opt), gencrypto.ErrVerify},
		"ES256 verify, zero sig":    {gencrypto.ES256().VerifyDigest(&good, d32, make([]byte, 64), opt), gencrypto.ErrVerify},
		"ES256 verify, r ≥ n":       {gencrypto.ES256().VerifyDigest(&good, d32, bytes.Repeat([]byte{0xff}, 64), opt), gencrypto.ErrVerify},
		"RS256 verify, 255-byte":    {gencrypto.RS256().VerifyDigest(&k.rsa.PublicKey, d32, make([]byte, 255), opt), gencrypto.ErrVerify},
		"EdDSA sign digest":         {errOf(gencrypto.EdDSA().SignDigest(k.ed, make([]byte, 64), opt)), gencrypto.ErrUnsupported},
		"Ed25519 verify digest":     {gencrypto.Ed25519().VerifyDigest(k.ed.Public(), make([]byte, 64), make([]byte, 64), opt), gencrypto.ErrUnsupported},
		"EdDSA NewHash":             {errOf(gencrypto.EdDSA().NewHash(opt)), gencrypto.ErrUnsupported},
		"EdDSA sign digest, no key": {errOf(gencrypto.EdDSA().SignDigest(nil, nil, opt)), gencrypto.ErrUnsupported},
	} {
		if !errors.Is(tc.err, tc.want) {
			t.Errorf("%s: %v, want %v", name, tc.err, tc.want)
		}
	}
	if n := fake.calls.Load(); n != 0 {
		t.Errorf("%d backend calls for inputs the registry refuses", n)
	}
	_, err := gencrypto.EdDSA().SignDigest(k.ed, nil)
	if msg := err.Error(); !strings.Contains(msg, "EdDSA signs the message itself") {
		t.Errorf("EdDSA SignDigest error %q does not say why", msg)
	}
}

func errOf[T any](_ T, err error) error { return err }

// TestDigestOpaqueAndUnsupported: a backend's chatty verification failure
// is ErrVerify; its ErrUnsupported passes; a backend without the primitive
// is asked nothing and the caller gets *UnsupportedError.
func TestDigestOpaqueAndUnsupported(t *testing.T) {
	k := getKeys(t)
	msg := []byte("m")
	d := digest(crypto.SHA256, msg)
	sig, err := gencrypto.ES256().SignDigest(k.p256, d)
	if err != nil {
		t.Fatal(err)
	}
	fake := newFake()
	opt := gencrypto.WithBackend(fake)
	if err := gencrypto.ES256().VerifyDigest(&k.p256.PublicKey, d, sig, opt); err != nil {
		t.Fatalf("VerifyDigest through the fake: %v", err)
	}
	fake.failErr = errChatty
	if err := gencrypto.ES256().VerifyDigest(&k.p256.PublicKey, d, sig, opt); err != gencrypto.ErrVerify {
		t.Errorf("chatty backend: %v, want ErrVerify", err)
	}
	fake.failErr = errors.ErrUnsupported
	if err := gencrypto.ES256().VerifyDigest(&k.p256.PublicKey, d, sig, opt); !errors.Is(err, gencrypto.ErrUnsupported) {
		t.Errorf("backend saying unsupported: %v", err)
	}

	hmacOnly := newFake(gencrypto.PrimHMAC)
	opt = gencrypto.WithBackend(hmacOnly)
	check := func(what string, err error) {
		t.Helper()
		var ue *gencrypto.UnsupportedError
		if !errors.As(err, &ue) || ue.Backend != "fake" || ue.Primitive != gencrypto.PrimECDSAP256 {
			t.Errorf("%s: %v, want *UnsupportedError from backend fake", what, err)
		}
	}
	check("SignDigest", errOf(gencrypto.ES256().SignDigest(k.p256, d, opt)))
	check("VerifyDigest", gencrypto.ES256().VerifyDigest(&k.p256.PublicKey, d, sig, opt))
	check("NewHash", errOf(gencrypto.ES256().NewHash(opt)))
	if n := hmacOnly.calls.Load(); n != 0 {
		t.Errorf("%d calls reached a backend without the primitive", n)
	}
}

// TestNewHashThroughBackend: NewHash asks the selected backend.
func TestNewHashThroughBackend(t *testing.T) {
	fake := newFake()
	for _, a := range []*gencrypto.Signature{gencrypto.RS384(), gencrypto.PS512(), gencrypto.ES256()} {
		before := fake.calls.Load()
		h, err := a.NewHash(gencrypto.WithBackend(fake))
		if err != nil {
			t.Fatal(err)
		}
		if fake.calls.Load() != before+1 {
			t.Errorf("%s NewHash did not go through the backend", a)
		}
		h.Write([]byte("abc"))
		if got, want := h.Sum(nil), digest(a.Hash(), []byte("abc")); !bytes.Equal(got, want) {
			t.Errorf("%s NewHash: %x, want %x", a, got, want)
		}
	}
}

// TestMACStreamZeroAlloc: the streaming MAC allocates nothing per message.
func TestMACStreamZeroAlloc(t *testing.T) {
	k, err := gencrypto.HS256().New(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 100)
	buf := make([]byte, 0, 64)
	tag, err := k.Sum(nil, append(append([]byte(nil), chunk...), chunk...))
	if err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() {
		k.Reset()
		k.Write(chunk)
		k.Write(chunk)
		buf, _ = k.SumStream(buf[:0])
		if k.VerifyStream(tag) != nil {
			panic("stream tag differs from the one-shot tag")
		}
	}); n != 0 {
		t.Errorf("streaming MAC: %v allocations, want 0", n)
	}
}

// Sign a payload read from an io.Reader in constant memory: stream it into
// NewHash and sign the digest. The signature is the same as Sign's over the
// whole message, so either form verifies it.
func ExampleSignature_SignDigest() {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(err)
	}
	alg := gencrypto.ES256()
	payload := strings.Repeat("a large payload, ", 1000)

	h, err := alg.NewHash()
	if err != nil {
		panic(err)
	}
	if _, err := io.Copy(h, strings.NewReader(payload)); err != nil {
		panic(err)
	}
	sig, err := alg.SignDigest(key, h.Sum(nil))
	if err != nil {
		panic(err)
	}
	fmt.Println(len(sig), alg.VerifyDigest(&key.PublicKey, h.Sum(nil), sig) == nil)
	fmt.Println(alg.Verify(&key.PublicKey, []byte(payload), sig) == nil)

	_, err = gencrypto.EdDSA().NewHash()
	fmt.Println(errors.Is(err, gencrypto.ErrUnsupported))
	// Output:
	// 64 true
	// true
	// true
}

// A MACKey is an io.Writer: stream the message in, then check the tag.
func ExampleMACKey_VerifyStream() {
	key := bytes.Repeat([]byte{0x0b}, 32)
	tag, _ := gencrypto.HS256().Sum(key, []byte("hello, world"))

	k, err := gencrypto.HS256().New(key)
	if err != nil {
		panic(err)
	}
	io.Copy(k, strings.NewReader("hello, "))
	io.Copy(k, strings.NewReader("world"))
	fmt.Println(k.VerifyStream(tag) == nil)
	k.Write([]byte("!"))
	fmt.Println(k.VerifyStream(tag))
	// Output:
	// true
	// gencrypto: verification failed
}
