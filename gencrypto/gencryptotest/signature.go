package gencryptotest

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/rsa"
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// signerFor returns the first key that fits a.
func (s *suite) signerFor(a *gencrypto.Signature) crypto.Signer {
	return s.signersFor(a)[0]
}

// signersFor returns two distinct keys that fit a.
func (s *suite) signersFor(a *gencrypto.Signature) [2]crypto.Signer {
	k := s.keys
	switch a.Curve() {
	case gencrypto.CurveP256:
		return [2]crypto.Signer{k.p256[0], k.p256[1]}
	case gencrypto.CurveP384:
		return [2]crypto.Signer{k.p384[0], k.p384[1]}
	case gencrypto.CurveP521:
		return [2]crypto.Signer{k.p521[0], k.p521[1]}
	case gencrypto.CurveEd25519:
		return [2]crypto.Signer{k.ed[0], k.ed[1]}
	}
	return [2]crypto.Signer{k.rsa[0], k.rsa[1]}
}

// allPublicKeys returns one public key of every kind the suite has, plus
// values that are not keys at all.
func (s *suite) allPublicKeys() map[string]crypto.PublicKey {
	k := s.keys
	return map[string]crypto.PublicKey{
		"P-256":         &k.p256[0].PublicKey,
		"P-384":         &k.p384[0].PublicKey,
		"P-521":         &k.p521[0].PublicKey,
		"Ed25519":       k.ed[0].Public(),
		"RSA-2048":      &k.rsa[0].PublicKey,
		"X25519":        k.x25519[0].PublicKey(),
		"ECDH P-256":    k.e256[0].PublicKey(),
		"bytes":         []byte("an HMAC secret, not a public key"),
		"Ed25519 bytes": []byte(k.ed[0].Public().(ed25519.PublicKey)),
		"RSA private":   k.rsa[0],
		"nil":           nil,
	}
}

func (s *suite) signature(t *testing.T, a *gencrypto.Signature) {
	signers := s.signersFor(a)
	key := signers[0]
	pub := key.Public()
	nonces := newNonceCheck(a)
	for _, msg := range [][]byte{nil, []byte("abc"), bytes.Repeat([]byte("payload."), 125)} {
		sig, err := a.Sign(key, msg, s.opt)
		if err != nil {
			t.Fatalf("Sign(%d-byte message): %v", len(msg), err)
		}
		nonces.add(t, fmt.Sprintf("Sign of a %d-byte message", len(msg)), sig)
		want := a.SignatureSize()
		if want == 0 {
			want = pub.(*rsa.PublicKey).Size()
		}
		if len(sig) != want {
			t.Fatalf("signature is %d bytes, want %d", len(sig), want)
		}
		if err := a.Verify(pub, msg, sig, s.opt); err != nil {
			t.Fatalf("Verify(own signature over %d bytes): %v", len(msg), err)
		}
		// Cross-check with the reference backend both ways.
		if err := a.Verify(pub, msg, sig, s.ref); err != nil {
			t.Errorf("reference backend rejects this backend's signature: %v", err)
		}
		refSig, err := a.Sign(key, msg, s.ref)
		if err != nil {
			t.Fatalf("reference Sign: %v", err)
		}
		if err := a.Verify(pub, msg, refSig, s.opt); err != nil {
			t.Errorf("backend rejects the reference backend's signature: %v", err)
		}
		if a.Primitive() == gencrypto.PrimEd25519 && !bytes.Equal(sig, refSig) {
			t.Errorf("Ed25519 is deterministic, but the signatures differ:\n%x\n%x", sig, refSig)
		}
	}

	msg := []byte("tamper with me")
	sig, err := a.Sign(key, msg, s.opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range flipBits(sig) {
		if err := a.Verify(pub, msg, bad, s.opt); err != gencrypto.ErrVerify {
			t.Fatalf("Verify(flipped signature %x): %v, want ErrVerify", bad, err)
		}
	}
	for _, bad := range flipBits(msg) {
		if err := a.Verify(pub, bad, sig, s.opt); err != gencrypto.ErrVerify {
			t.Fatalf("Verify(flipped message %q): %v, want ErrVerify", bad, err)
		}
	}
	for name, bad := range badLengths(sig) {
		if err := a.Verify(pub, msg, bad, s.opt); err != gencrypto.ErrVerify {
			t.Errorf("Verify(%s signature): %v, want ErrVerify", name, err)
		}
	}
	if err := a.Verify(signers[1].Public(), msg, sig, s.opt); err != gencrypto.ErrVerify {
		t.Errorf("Verify with another key of the same kind: %v, want ErrVerify", err)
	}
	if err := a.Verify(pub, append(msg, 0), sig, s.opt); err != gencrypto.ErrVerify {
		t.Errorf("Verify(extended message): %v, want ErrVerify", err)
	}

	// Every key of another kind is refused before computing.
	for name, other := range s.allPublicKeys() {
		if a.CheckPublicKey(other) == nil {
			continue // a key that fits (the same kind as pub)
		}
		err := a.Verify(other, msg, sig, s.opt)
		if !errors.Is(err, gencrypto.ErrKeyType) && !errors.Is(err, gencrypto.ErrKeySize) {
			t.Errorf("Verify with a %s key: %v, want ErrKeyType", name, err)
		}
	}
	for _, other := range []crypto.Signer{s.keys.p256[0], s.keys.p384[0], s.keys.p521[0], s.keys.ed[0], s.keys.rsa[0]} {
		if a.CheckPublicKey(other.Public()) == nil {
			continue
		}
		if _, err := a.Sign(other, msg, s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
			t.Errorf("Sign with a %T: %v, want ErrKeyType", other, err)
		}
	}
	if _, err := a.Sign(nil, msg, s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("Sign(nil key): %v, want ErrKeyType", err)
	}
	if a.KeyType() == gencrypto.KeyRSA {
		s.rsaEncodings(t, a)
	}
	s.signatureDigest(t, a)
}

// nonceCheck collects the r halves of ECDSA signatures over different
// messages: r is the x-coordinate of the nonce's point, so two equal ones
// mean a repeated nonce, and any two signatures with one nonce give the
// private key away. Both random (FIPS 186-5) and deterministic (RFC 6979)
// nonces differ between messages. For the other algorithms it does
// nothing.
type nonceCheck struct {
	half int // r's length, 0 when a is not ECDSA
	seen map[string]string
}

func newNonceCheck(a *gencrypto.Signature) *nonceCheck {
	c := &nonceCheck{seen: map[string]string{}}
	if a.KeyType() == gencrypto.KeyEC {
		c.half = a.SignatureSize() / 2
	}
	return c
}

// add records the r of sig, a signature from form over a message no earlier
// signature added was over, and fails t if an earlier one had it.
func (c *nonceCheck) add(t *testing.T, form string, sig []byte) {
	t.Helper()
	if c.half == 0 || len(sig) != 2*c.half {
		return
	}
	r := string(sig[:c.half])
	if prev, ok := c.seen[r]; ok {
		t.Errorf("%s and %s signed different messages with the same nonce (r = %x): the private key can be computed from the two", prev, form, sig[:c.half])
	}
	c.seen[r] = form
}
