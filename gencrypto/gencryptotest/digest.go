package gencryptotest

import (
	"bytes"
	"crypto"
	"errors"
	"fmt"
	"testing"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// signatureDigest checks the digest-level forms of a signature algorithm
// (NewHash, SignDigest, VerifyDigest): they agree with the message forms
// both ways and with the reference backend, detect tampering, refuse a
// digest of the wrong length and keys that do not fit, and do not exist
// for EdDSA.
func (s *suite) signatureDigest(t *testing.T, a *gencrypto.Signature) {
	signers := s.signersFor(a)
	key := signers[0]
	pub := key.Public()
	if a.Hash() == 0 {
		s.noDigestForm(t, a, key)
		return
	}
	h, err := a.NewHash(s.opt)
	if err != nil {
		t.Fatalf("NewHash: %v", err)
	}
	if h.Size() != a.Hash().Size() {
		t.Fatalf("NewHash gives a %d-byte hash, want %v (%d bytes)", h.Size(), a.Hash(), a.Hash().Size())
	}
	nonces := newNonceCheck(a)
	for i, msg := range [][]byte{nil, []byte("abc"), bytes.Repeat([]byte("payload."), 125)} {
		h.Reset()
		for rest := msg; len(rest) > 0; rest = rest[min(13, len(rest)):] {
			h.Write(rest[:min(13, len(rest))])
		}
		d := h.Sum(nil)
		ref := a.Hash().New()
		ref.Write(msg)
		if !bytes.Equal(d, ref.Sum(nil)) {
			t.Fatalf("NewHash over %d bytes: %x, want %v %x", len(msg), d, a.Hash(), ref.Sum(nil))
		}

		sig, err := a.SignDigest(key, d, s.opt)
		if err != nil {
			t.Fatalf("SignDigest: %v", err)
		}
		nonces.add(t, fmt.Sprintf("SignDigest of message %d", i), sig)
		// A digest signature is a message signature, and the reverse.
		if err := a.Verify(pub, msg, sig, s.opt); err != nil {
			t.Fatalf("Verify(SignDigest's signature over %d bytes): %v", len(msg), err)
		}
		if err := a.VerifyDigest(pub, d, sig, s.opt); err != nil {
			t.Fatalf("VerifyDigest(own signature): %v", err)
		}
		msgSig, err := a.Sign(key, msg, s.opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.VerifyDigest(pub, d, msgSig, s.opt); err != nil {
			t.Fatalf("VerifyDigest(Sign's signature over %d bytes): %v", len(msg), err)
		}
		if a.Primitive() == gencrypto.PrimRSAPKCS1v15 && !bytes.Equal(sig, msgSig) {
			t.Errorf("PKCS #1 v1.5 is deterministic, but SignDigest and Sign differ:\n%x\n%x", sig, msgSig)
		}
		// Both ways with the reference backend.
		if err := a.VerifyDigest(pub, d, sig, s.ref); err != nil {
			t.Errorf("reference backend rejects this backend's digest signature: %v", err)
		}
		refSig, err := a.SignDigest(key, d, s.ref)
		if err != nil {
			t.Fatalf("reference SignDigest: %v", err)
		}
		if err := a.VerifyDigest(pub, d, refSig, s.opt); err != nil {
			t.Errorf("backend rejects the reference backend's digest signature: %v", err)
		}
	}

	msg := []byte("tamper with me")
	d := sum(a.Hash(), msg)
	sig, err := a.SignDigest(key, d, s.opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range flipBits(sig) {
		if err := a.VerifyDigest(pub, d, bad, s.opt); err != gencrypto.ErrVerify {
			t.Fatalf("VerifyDigest(flipped signature %x): %v, want ErrVerify", bad, err)
		}
	}
	for _, bad := range flipBits(d) {
		if err := a.VerifyDigest(pub, bad, sig, s.opt); err != gencrypto.ErrVerify {
			t.Fatalf("VerifyDigest(flipped digest %x): %v, want ErrVerify", bad, err)
		}
	}
	for name, bad := range badLengths(sig) {
		if err := a.VerifyDigest(pub, d, bad, s.opt); err != gencrypto.ErrVerify {
			t.Errorf("VerifyDigest(%s signature): %v, want ErrVerify", name, err)
		}
	}
	if err := a.VerifyDigest(signers[1].Public(), d, sig, s.opt); err != gencrypto.ErrVerify {
		t.Errorf("VerifyDigest with another key of the same kind: %v, want ErrVerify", err)
	}
	if err := a.VerifyDigest(pub, sum(a.Hash(), append(msg, 0)), sig, s.opt); err != gencrypto.ErrVerify {
		t.Errorf("VerifyDigest(digest of the extended message): %v, want ErrVerify", err)
	}

	// A digest that is not the hash's output is the caller's error, from
	// the registry and from the backend alike.
	for name, bad := range badLengths(d) {
		if _, err := a.SignDigest(key, bad, s.opt); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("SignDigest(%s digest): %v, want ErrInvalidInput", name, err)
		}
		if err := a.VerifyDigest(pub, bad, sig, s.opt); !errors.Is(err, gencrypto.ErrInvalidInput) {
			t.Errorf("VerifyDigest(%s digest): %v, want ErrInvalidInput", name, err)
		}
		if _, err := s.b.SignDigest(a.Primitive(), key, a.Hash(), bad); err == nil {
			t.Errorf("backend SignDigest(%s digest) succeeded", name)
		}
		if err := s.b.VerifyDigest(a.Primitive(), pub, a.Hash(), bad, sig); err == nil {
			t.Errorf("backend VerifyDigest(%s digest) succeeded", name)
		}
	}

	// Keys are bound before anything else, the digest's length included.
	for name, other := range s.allPublicKeys() {
		if a.CheckPublicKey(other) == nil {
			continue
		}
		for _, dd := range [][]byte{d, d[:1]} {
			err := a.VerifyDigest(other, dd, sig, s.opt)
			if !errors.Is(err, gencrypto.ErrKeyType) && !errors.Is(err, gencrypto.ErrKeySize) {
				t.Errorf("VerifyDigest with a %s key: %v, want ErrKeyType", name, err)
			}
		}
	}
	for _, other := range []crypto.Signer{s.keys.p256[0], s.keys.p384[0], s.keys.p521[0], s.keys.ed[0], s.keys.rsa[0]} {
		if a.CheckPublicKey(other.Public()) == nil {
			continue
		}
		if _, err := a.SignDigest(other, d[:1], s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
			t.Errorf("SignDigest with a %T: %v, want ErrKeyType", other, err)
		}
	}
	if _, err := a.SignDigest(nil, d, s.opt); !errors.Is(err, gencrypto.ErrKeyType) {
		t.Errorf("SignDigest(nil key): %v, want ErrKeyType", err)
	}
}

// noDigestForm checks that EdDSA, which signs the message itself, refuses
// every digest-level call with ErrUnsupported, in the registry and in the
// backend.
func (s *suite) noDigestForm(t *testing.T, a *gencrypto.Signature, key crypto.Signer) {
	d := make([]byte, 64)
	sig := make([]byte, a.SignatureSize())
	if _, err := a.NewHash(s.opt); !errors.Is(err, gencrypto.ErrUnsupported) {
		t.Errorf("%s NewHash: %v, want ErrUnsupported", a.Name(), err)
	}
	if _, err := a.SignDigest(key, d, s.opt); !errors.Is(err, gencrypto.ErrUnsupported) {
		t.Errorf("%s SignDigest: %v, want ErrUnsupported", a.Name(), err)
	}
	if err := a.VerifyDigest(key.Public(), d, sig, s.opt); !errors.Is(err, gencrypto.ErrUnsupported) {
		t.Errorf("%s VerifyDigest: %v, want ErrUnsupported", a.Name(), err)
	}
	if _, err := s.b.SignDigest(a.Primitive(), key, 0, d); !errors.Is(err, gencrypto.ErrUnsupported) {
		t.Errorf("backend SignDigest(%s): %v, want ErrUnsupported", a.Primitive(), err)
	}
	if err := s.b.VerifyDigest(a.Primitive(), key.Public(), 0, d, sig); !errors.Is(err, gencrypto.ErrUnsupported) {
		t.Errorf("backend VerifyDigest(%s): %v, want ErrUnsupported", a.Primitive(), err)
	}
}

// sum returns h(msg), computed with the standard library.
func sum(h crypto.Hash, msg []byte) []byte {
	d := h.New()
	d.Write(msg)
	return d.Sum(nil)
}
