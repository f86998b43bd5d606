package jws

// This file holds the incremental form of every algorithm, used for RFC 7797
// unencoded payloads read from an io.Reader: the signing input
// ASCII(protected) || '.' || payload is written as it streams, and only the
// digest is signed or verified, so memory stays constant whatever the
// payload size.
//
// Everything goes through gencrypto, with its backend selection and policy:
// HMAC through a gencrypto.MACKey written as a stream (SumStream,
// VerifyStream), RSA and ECDSA through Signature.NewHash and
// SignDigest/VerifyDigest, which bind the key and check the signature's
// length and r‖s range exactly as Sign and Verify do. Ed25519 signs the
// message itself (RFC 8032 §5.1) and cannot be streamed: its payload is
// buffered up to Options.MaxBufferedPayload.

import (
	"crypto"
	"hash"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
)

// streamState accumulates a signing input for one algorithm.
type streamState struct {
	a   algorithm
	mac *gencrypto.MACKey // HMAC
	h   hash.Hash         // message digest of RS*, PS*, ES*
	buf []byte            // Ed25519 only: the signing input so far
	max int64             // Ed25519 only: the buffering limit
}

func newStreamState(a algorithm, secret []byte, maxBuffered int64) (*streamState, error) {
	s := &streamState{a: a, max: maxBuffered}
	switch {
	case a.mac != nil:
		k, err := a.mac.New(secret)
		if err != nil {
			return nil, err
		}
		s.mac = k
	case a.sig.Hash() != 0:
		h, err := a.sig.NewHash()
		if err != nil {
			return nil, err
		}
		s.h = h
	}
	return s, nil
}

func (s *streamState) Write(p []byte) (int, error) {
	switch {
	case s.mac != nil:
		return s.mac.Write(p)
	case s.h != nil:
		return s.h.Write(p)
	}
	if int64(len(s.buf))+int64(len(p)) > s.max {
		return 0, errStreamTooLarge
	}
	s.buf = append(s.buf, p...)
	return len(p), nil
}

// verify checks sig against what was written, with pub as bound by
// bindCheck (an HMAC secret was bound by newStreamState; the first argument
// is that secret again). Every failure is errVerify.
func (s *streamState) verify(_ []byte, pub crypto.PublicKey, sig []byte) error {
	var err error
	switch {
	case s.mac != nil:
		err = s.mac.VerifyStream(sig)
	case s.h != nil:
		err = s.a.sig.VerifyDigest(pub, s.h.Sum(nil), sig)
	default: // Ed25519: the whole signing input was buffered
		err = s.a.sig.Verify(pub, s.buf, sig)
	}
	if err != nil {
		return errVerify
	}
	return nil
}

// sign signs what was written with key, or with the HMAC secret bound by
// newStreamState (the first argument is that secret again). Failures are
// reported as the compact and JSON signers report them.
func (s *streamState) sign(_ []byte, key crypto.Signer) ([]byte, error) {
	var sig []byte
	var err error
	switch {
	case s.mac != nil:
		return s.mac.SumStream(nil), nil
	case s.h != nil:
		sig, err = s.a.sig.SignDigest(key, s.h.Sum(nil))
	default:
		sig, err = s.a.sig.Sign(key, s.buf)
	}
	if err != nil {
		return nil, wrapCause(jose.ErrKey, "signing", err)
	}
	return sig, nil
}
