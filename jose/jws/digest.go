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
// buffered, with its header, up to MaxBufferedPayload.

import (
	"crypto"
	"hash"
	"io"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
)

// sigVerify and newSigHash are how verification hashes a signing input
// under a signature algorithm: the whole input to Verify, or streamed into
// a hash whose digest goes to VerifyDigest. Tests replace them to count
// the bytes hashed.
var (
	sigVerify  = (*gencrypto.Signature).Verify
	newSigHash = (*gencrypto.Signature).NewHash
)

// streamState accumulates a signing input for one algorithm.
type streamState struct {
	a   algorithm
	mac *gencrypto.MACKey // HMAC
	h   hash.Hash         // message digest of RS*, PS*, ES*
	sum []byte            // h's digest, once verify has taken it (the keys of a set share h)
	buf []byte            // Ed25519 only: the signing input so far (with ed: the prefix)
	max int64             // Ed25519 only: the buffering limit
	ed  *edPayload        // Ed25519 only: the payload, when shared (VerifyReader)
	// err is the first failed Write: the state then lacks part of its
	// input and never verifies or signs (VerifyReader goes on feeding
	// the other states)
	err error
}

// buffers reports whether the state buffers its input (Ed25519).
func (s *streamState) buffers() bool { return s.mac == nil && s.h == nil }

// edPayload holds the payload of one streamed verification once for all its
// Ed25519 states: each needs its whole signing input ASCII(protected) || '.'
// || payload, and a copy per signature and key would hold their number
// times MaxBufferedPayload. The buffer keeps room for the longest prefix in
// front of the payload; message writes a state's prefix there.
//
// MaxBufferedPayload bounds each state's own signing input: the payload
// may grow while the shortest prefix's signing input is within it
// (maxPayload), and a state whose longer prefix takes its signing input
// over it fails alone (edErr), so that each signature is judged as a
// lone one would be.
type edPayload struct {
	buf        []byte // head bytes of room, then the payload
	head       int
	maxPayload int64 // bound on the payload: MaxBufferedPayload less the shortest prefix
	err        error // errStreamTooLarge once over maxPayload: buf is dropped
}

func newEdPayload(states []*streamState, maxBuffered int64) *edPayload {
	head, least := 0, -1
	for _, s := range states {
		head = max(head, len(s.buf))
		if least < 0 || len(s.buf) < least {
			least = len(s.buf)
		}
	}
	// every state's prefix is within maxBuffered (writeHeader), so
	// maxPayload is not negative
	e := &edPayload{buf: make([]byte, head), head: head, maxPayload: maxBuffered - int64(max(least, 0))}
	for _, s := range states {
		s.ed = e
	}
	return e
}

func (e *edPayload) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	if int64(len(e.buf)-e.head)+int64(len(p)) > e.maxPayload {
		e.err, e.buf = errStreamTooLarge, nil
		return 0, e.err
	}
	e.buf = append(e.buf, p...)
	return len(p), nil
}

// edErr is the error of an Ed25519 state sharing e: e's own, or
// errStreamTooLarge when the state's signing input, its prefix and the
// payload, is over its bound though a shorter prefix's is not.
func (s *streamState) edErr() error {
	if s.ed == nil {
		return nil
	}
	if s.ed.err != nil {
		return s.ed.err
	}
	if int64(len(s.buf))+int64(len(s.ed.buf)-s.ed.head) > s.max {
		return errStreamTooLarge
	}
	return nil
}

// message returns prefix || payload, overwriting the room in front of the
// payload (so it is valid until the next call).
func (e *edPayload) message(prefix []byte) []byte {
	start := e.head - len(prefix)
	copy(e.buf[start:], prefix)
	return e.buf[start:]
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
		h, err := newSigHash(a.sig)
		if err != nil {
			return nil, err
		}
		s.h = h
	}
	return s, nil
}

// writeHeader starts the signing input: ASCII(protected) || '.'. Its error
// (the Ed25519 buffer's limit) must not be dropped: the signing input would
// lack the header.
func (s *streamState) writeHeader(prot []byte) error {
	if _, err := s.Write(prot); err != nil {
		return err
	}
	_, err := s.Write([]byte{'.'})
	return err
}

func (s *streamState) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.write(p)
	if err == nil && n != len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		s.err = err
	}
	return n, err
}

func (s *streamState) write(p []byte) (int, error) {
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
	if s.err != nil || s.edErr() != nil {
		return errVerify
	}
	var err error
	switch {
	case s.mac != nil:
		err = s.mac.VerifyStream(sig)
	case s.h != nil:
		if s.sum == nil {
			s.sum = s.h.Sum(nil)
		}
		err = s.a.sig.VerifyDigest(pub, s.sum, sig)
	default: // Ed25519: the whole signing input was buffered
		msg := s.buf
		if s.ed != nil {
			msg = s.ed.message(s.buf)
		}
		err = sigVerify(s.a.sig, pub, msg, sig)
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
	if s.err != nil {
		return nil, wrapCause(jose.ErrKey, "signing", s.err)
	}
	var sig []byte
	var err error
	switch {
	case s.mac != nil:
		sig, err = s.mac.SumStream(nil)
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
