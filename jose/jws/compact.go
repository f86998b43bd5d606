package jws

import (
	"bytes"
	"context"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// Result describes a verified signature.
type Result struct {
	// Index is the position of the verified signature in a general JSON
	// serialization; 0 for compact and flattened ones.
	Index int
	// Header is the JOSE header of the verified signature: the protected
	// members and, for JSON serializations, the unprotected ones
	// (Header.IsProtected tells which).
	Header *jose.Header
	// Payload is the payload as signed (base64url-decoded unless "b64" is
	// false), or nil for a detached payload. It is the caller's, but the
	// Results of one VerifyAll share it.
	Payload []byte
	// Key is the key that verified the signature when the Verifier was
	// given a *jwk.Key, *jwk.Set or *jwk.Remote (or a trusted embedded
	// key); nil for a bare key.
	Key *jwk.Key
}

// splitCompact splits a compact serialization (RFC 7515 §7.1) into its
// three parts. Exactly two '.' are allowed; the scan stops at the third, so
// a token of millions of dots costs nothing (catalog row 9).
func splitCompact(tok []byte) (h, p, s []byte, err error) {
	i := bytes.IndexByte(tok, '.')
	if i < 0 {
		return nil, nil, nil, errParts
	}
	j := bytes.IndexByte(tok[i+1:], '.')
	if j < 0 {
		return nil, nil, nil, errParts
	}
	j += i + 1
	if bytes.IndexByte(tok[j+1:], '.') >= 0 {
		return nil, nil, nil, errParts
	}
	return tok[:i], tok[i+1 : j], tok[j+1:], nil
}

// compact verifies a compact JWS. With detached set, the payload part must
// be empty and *detached is the payload. With headerless set, the caller
// gets no header, so a critical extension it would have to process is
// ErrCrit. It returns the key that verified and the payload part of the
// token; d holds the header decision.
func (v *Verifier) compact(ctx context.Context, st *state, tok []byte, detached *[]byte, headerless bool, d *decision) (*vkey, []byte, error) {
	hb, pb, sb, err := v.compactHeader(st, tok, headerless, d)
	if err != nil {
		return nil, nil, err
	}
	if st.sig, err = decodeB64(st.sig[:0], sb); err != nil || len(st.sig) == 0 {
		return nil, nil, wrap(jose.ErrMalformed, "signature is not base64url")
	}
	input := tok[:len(hb)+1+len(pb)]
	if detached != nil {
		if len(pb) != 0 {
			return nil, nil, wrap(jose.ErrMalformed, "a detached payload was given but the token carries one")
		}
		st.in = append(st.in[:0], hb...)
		st.in = append(st.in, '.')
		if d.b64 {
			st.in = jose.AppendBase64URL(st.in, *detached)
		} else {
			st.in = append(st.in, *detached...)
		}
		input = st.in
	}
	// An attached payload is decoded, and so validated, after the
	// signature checks.
	k, err := v.verifySig(ctx, &d.selection, input, st.sig)
	if err != nil {
		if detached == nil && d.b64 && !jose.ValidBase64URL(pb) {
			// A payload part that is not base64url is jose.ErrMalformed
			// from every entry point (Parse refuses it first), not
			// jose.ErrVerify from this one. Checked on this failure path
			// only: a token that verifies has its payload decoded (and so
			// checked) next, and pays for no second pass.
			return nil, nil, wrap(jose.ErrMalformed, "payload is not base64url")
		}
		return nil, nil, err
	}
	return k, pb, nil
}

// compactHeader splits a compact JWS and decides on its protected header:
// the steps of compact before the signature and payload are read, which
// check the header's syntax and then the caller's policy (RFC 7515 §5.2
// steps 2–5).
func (v *Verifier) compactHeader(st *state, tok []byte, headerless bool, d *decision) (hb, pb, sb []byte, err error) {
	hb, pb, sb, err = splitCompact(tok)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(hb) == 0 {
		return nil, nil, nil, wrap(jose.ErrMalformed, "empty protected header")
	}
	if e := v.lastHdr.Load(); e != nil && string(e.b64) == string(hb) {
		// The same protected header as a recent token: same decision.
		*d = e.d
	} else {
		if st.hdr, err = decodeB64(st.hdr[:0], hb); err != nil {
			return nil, nil, nil, wrap(jose.ErrMalformed, "protected header is not base64url")
		}
		if err := v.readHeader(st, d); err != nil {
			return nil, nil, nil, err
		}
	}
	if err := v.checkDecision(d); err != nil {
		return nil, nil, nil, err
	}
	if headerless && d.hdr != nil { // the fast reader takes no "crit"
		for _, c := range d.hdr.Crit {
			if c != "b64" {
				return nil, nil, nil, wrap(jose.ErrCrit, "extension "+quote(c)+" is critical and AppendVerifyCompact returns no header to process it; use Verify")
			}
		}
	}
	return hb, pb, sb, nil
}

// parseErr is the error of the entry points that parse msg whole (Parse)
// before they verify it, given the error of Parse (or of the payload's
// check that follows it): for a compact JWS, the error
// the compact path (Verify, VerifyDetached) gives when its header is
// against the caller's policy, which that path checks before the signature
// and payload parts that Parse refused; else Parse's. One token then gets
// one error kind from every entry point (an "alg" of "none" with an empty
// signature is jose.ErrAlgorithm, as Verify says, not jose.ErrMalformed).
func (v *Verifier) parseErr(msg []byte, err error) error {
	if isJSON(msg) {
		return err
	}
	st := v.getState()
	defer v.putState(st)
	var d decision
	if _, _, _, herr := v.compactHeader(st, msg, false, &d); herr != nil {
		return herr
	}
	return err
}

// readHeader decides on the decoded protected header in st.hdr, through the
// fast reader or jose.ParseHeader, and remembers a fast decision for the
// next token with the same header.
func (v *Verifier) readHeader(st *state, d *decision) error {
	if v.fastHeader(st, st.hdr, d) {
		// Remember it (an allocation only when the header changes).
		e := &hdrEntry{b64: jose.AppendBase64URL(nil, st.hdr), d: *d}
		e.d.kid = bytes.Clone(d.kid)
		e.d.typ = bytes.Clone(d.typ)
		v.lastHdr.Store(e)
		return nil
	}
	h, err := jose.ParseHeader(bytes.Clone(st.hdr))
	if err != nil {
		return wrapCause(jose.ErrMalformed, "protected header", err)
	}
	return v.slowHeader(h, d)
}

// hdrEntry is an immutable remembered header decision.
type hdrEntry struct {
	b64 []byte
	d   decision
}

// AppendVerifyCompact verifies a compact JWS with an attached payload and
// appends the payload to dst. Nothing is appended unless the signature
// verifies. With a single key, a header of only "alg", "kid", "typ" and
// "cty", and dst large enough, it allocates nothing for HMAC, EdDSA and
// Ed25519.
// It returns no header, so a token whose "crit" lists an extension named
// with Critical, which the caller must process, is jose.ErrCrit here; use
// Verify and read it from Result.Header.
func (v *Verifier) AppendVerifyCompact(dst, tok []byte) ([]byte, error) {
	return v.AppendVerifyCompactContext(context.Background(), dst, tok)
}

// AppendVerifyCompactContext is AppendVerifyCompact with a context for a
// *jwk.Remote key set.
func (v *Verifier) AppendVerifyCompactContext(ctx context.Context, dst, tok []byte) ([]byte, error) {
	if v.zero() {
		return dst, errZeroVerifier
	}
	st := v.getState()
	defer v.putState(st)
	var d decision
	_, pb, err := v.compact(ctx, st, tok, nil, true, &d)
	if err != nil {
		return dst, err
	}
	if !d.b64 {
		return append(dst, pb...), nil
	}
	out, err := decodeB64(dst, pb)
	if err != nil {
		return dst, wrap(jose.ErrMalformed, "payload is not base64url")
	}
	return out, nil
}

// result builds the Result of a verified compact token.
func (v *Verifier) result(tok []byte, d *decision, k *vkey, payload []byte) (*Result, error) {
	h := d.hdr
	if h == nil {
		var err error
		if h, err = parseProtected(tok[:bytes.IndexByte(tok, '.')]); err != nil {
			return nil, err
		}
	}
	r := &Result{Header: h, Payload: payload}
	if k != nil {
		r.Key = k.jwk
	}
	return r, nil
}

func (v *Verifier) verifyCompact(ctx context.Context, tok []byte) (*Result, error) {
	st := v.getState()
	defer v.putState(st)
	var d decision
	k, pb, err := v.compact(ctx, st, tok, nil, false, &d)
	if err != nil {
		return nil, err
	}
	var payload []byte
	if d.b64 {
		if payload, err = jose.DecodeBase64URL(pb); err != nil {
			return nil, wrap(jose.ErrMalformed, "payload is not base64url")
		}
	} else {
		payload = bytes.Clone(pb)
	}
	if payload == nil {
		payload = []byte{}
	}
	return v.result(tok, &d, k, payload)
}

func (v *Verifier) verifyCompactDetached(ctx context.Context, tok, payload []byte) (*Result, error) {
	st := v.getState()
	defer v.putState(st)
	var d decision
	k, _, err := v.compact(ctx, st, tok, &payload, false, &d)
	if err != nil {
		return nil, err
	}
	return v.result(tok, &d, k, nil)
}
