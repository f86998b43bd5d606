package jws

// This file holds the incremental form of every algorithm, used for RFC 7797
// unencoded payloads read from an io.Reader: the signing input
// ASCII(protected) || '.' || payload is written into a hash.Hash as it
// streams, and only the digest is signed or verified, so memory stays
// constant whatever the payload size.
//
// gencrypto's Signature takes whole messages; RSA and ECDSA hash the message
// first, so here the digest is computed incrementally and the standard
// library's digest-level operations (the ones gencrypto's std backend calls)
// finish the job, after the same key checks gencrypto applies
// (CheckPublicKey, the r‖s length and range rules). Ed25519 signs the
// message itself (RFC 8032 §5.1) and cannot be streamed: its payload is
// buffered up to Options.MaxBufferedPayload.

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"encoding/asn1"
	"hash"
	"math/big"

	"github.com/lwscrypto/lwscrypto/gencrypto"
)

// streamState accumulates a signing input for one algorithm.
type streamState struct {
	a   algorithm
	h   hash.Hash // HMAC or message digest; nil for Ed25519
	buf []byte    // Ed25519 only: the signing input so far
	max int64     // Ed25519 only: the buffering limit
}

func newStreamState(a algorithm, secret []byte, maxBuffered int64) (*streamState, error) {
	s := &streamState{a: a, max: maxBuffered}
	switch {
	case a.mac != nil:
		h, err := gencrypto.DefaultBackend().NewHMAC(a.mac.Hash(), secret)
		if err != nil {
			return nil, err
		}
		s.h = h
	case a.sig.Hash() != 0:
		s.h = a.sig.Hash().New()
	}
	return s, nil
}

func (s *streamState) Write(p []byte) (int, error) {
	if s.h != nil {
		return s.h.Write(p)
	}
	if int64(len(s.buf))+int64(len(p)) > s.max {
		return 0, errStreamTooLarge
	}
	s.buf = append(s.buf, p...)
	return len(p), nil
}

// verify checks sig against what was written, with secret or pub as bound
// by bindCheck. Every failure is errVerify.
func (s *streamState) verify(secret []byte, pub crypto.PublicKey, sig []byte) error {
	a := s.a
	if a.mac != nil {
		full := s.h.Sum(nil)
		if len(sig) != a.mac.TagSize() || subtle.ConstantTimeCompare(full[:a.mac.TagSize()], sig) != 1 {
			return errVerify
		}
		return nil
	}
	if s.h == nil { // Ed25519: the whole signing input was buffered
		if a.sig.Verify(pub, s.buf, sig) != nil {
			return errVerify
		}
		return nil
	}
	if err := a.sig.CheckPublicKey(pub); err != nil {
		return errVerify
	}
	digest := s.h.Sum(nil)
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if len(sig) != k.Size() {
			return errVerify
		}
		var err error
		if a.sig.Primitive() == gencrypto.PrimRSAPSS {
			err = rsa.VerifyPSS(k, a.sig.Hash(), digest, sig,
				&rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: a.sig.Hash()})
		} else {
			err = rsa.VerifyPKCS1v15(k, a.sig.Hash(), digest, sig)
		}
		if err != nil {
			return errVerify
		}
		return nil
	case *ecdsa.PublicKey:
		n := a.sig.SignatureSize()
		if len(sig) != n {
			return errVerify
		}
		r := new(big.Int).SetBytes(sig[:n/2])
		ss := new(big.Int).SetBytes(sig[n/2:])
		// ecdsa.Verify rejects r or s outside [1, N-1] (catalog row 15).
		if !ecdsa.Verify(k, digest, r, ss) {
			return errVerify
		}
		return nil
	}
	return errVerify
}

// sign signs what was written with secret (HMAC) or key.
func (s *streamState) sign(secret []byte, key crypto.Signer) ([]byte, error) {
	a := s.a
	if a.mac != nil {
		return s.h.Sum(nil)[:a.mac.TagSize()], nil
	}
	if s.h == nil {
		return a.sig.Sign(key, s.buf)
	}
	if err := a.sig.CheckPublicKey(key.Public()); err != nil {
		return nil, errKeyType
	}
	digest := s.h.Sum(nil)
	switch a.sig.Primitive() {
	case gencrypto.PrimRSAPSS:
		return key.Sign(rand.Reader, digest, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: a.sig.Hash()})
	case gencrypto.PrimRSAPKCS1v15:
		return key.Sign(rand.Reader, digest, a.sig.Hash())
	}
	der, err := key.Sign(rand.Reader, digest, a.sig.Hash())
	if err != nil {
		return nil, err
	}
	var rs struct{ R, S *big.Int }
	if rest, err := asn1.Unmarshal(der, &rs); err != nil || len(rest) != 0 {
		return nil, errSignerOutput
	}
	n := a.sig.SignatureSize() / 2
	if rs.R.Sign() <= 0 || rs.S.Sign() <= 0 || rs.R.BitLen() > 8*n || rs.S.BitLen() > 8*n {
		return nil, errSignerOutput
	}
	out := make([]byte, 2*n)
	rs.R.FillBytes(out[:n])
	rs.S.FillBytes(out[n:])
	return out, nil
}
