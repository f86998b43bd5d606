package jws

import (
	"bytes"
	"context"
	"io"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
)

// isJSON reports whether b is a JSON serialization rather than compact.
func isJSON(b []byte) bool {
	t := bytes.TrimLeft(b, " \t\r\n")
	return len(t) > 0 && t[0] == '{'
}

// Verify checks a JWS with an attached payload in any serialization and
// returns the first signature that verifies (for a general JSON
// serialization, Result.Index says which; see VerifyEach and VerifyAll).
// Errors wrap jose.ErrMalformed, ErrAlgorithm, ErrCrit, ErrKey, ErrLimit (a
// message beyond MaxSignatures or the parser's limits) or the opaque
// ErrVerify; no payload is returned with an error.
//
// A detached payload needs VerifyDetached or VerifyReader: a JSON
// serialization without "payload" is jose.ErrMalformed here, but a compact
// "header..signature" cannot be told from one whose payload is empty, so
// Verify checks it as that and it fails as a bad signature does
// (jose.ErrVerify).
func (v *Verifier) Verify(msg []byte) (*Result, error) {
	return v.VerifyContext(context.Background(), msg)
}

// VerifyContext is Verify with a context for a *jwk.Remote key set.
func (v *Verifier) VerifyContext(ctx context.Context, msg []byte) (*Result, error) {
	if v.zero() {
		return nil, errZeroVerifier
	}
	if !isJSON(msg) {
		return v.verifyCompact(ctx, msg)
	}
	m, err := ParseJSON(msg)
	if err != nil {
		return nil, err
	}
	if m.detached {
		return nil, wrap(jose.ErrMalformed, "the payload is detached; use VerifyDetached")
	}
	return v.firstVerified(ctx, m, nil)
}

// VerifyDetached checks a JWS whose payload travels separately (RFC 7515
// Appendix F): the serialization must carry no payload.
func (v *Verifier) VerifyDetached(msg, payload []byte) (*Result, error) {
	return v.VerifyDetachedContext(context.Background(), msg, payload)
}

// VerifyDetachedContext is VerifyDetached with a context for a *jwk.Remote
// key set.
func (v *Verifier) VerifyDetachedContext(ctx context.Context, msg, payload []byte) (*Result, error) {
	if v.zero() {
		return nil, errZeroVerifier
	}
	if !isJSON(msg) {
		return v.verifyCompactDetached(ctx, msg, payload)
	}
	m, err := ParseJSON(msg)
	if err != nil {
		return nil, err
	}
	if err := m.detach(); err != nil {
		return nil, err
	}
	return v.firstVerified(ctx, m, payload)
}

// detach prepares m for a payload given separately: it must carry none, or
// an empty one — "payload": "" in JSON is read like the empty payload part
// of a detached compact JWS (RFC 7515 Appendix F), which is how some
// implementations (panva jose) write detached and unencoded payloads.
func (m *Message) detach() error {
	if !m.detached && len(m.payload) != 0 {
		return wrap(jose.ErrMalformed, "a detached payload was given but the message carries one")
	}
	m.detached = true
	return nil
}

// attach prepares m for VerifyEach and VerifyAll, which take an attached
// payload as Verify does: the empty payload part of a compact serialization
// is the empty payload there (Parse calls it detached, but the signing
// input is the same either way), while a JSON serialization without
// "payload" is detached.
func (m *Message) attach() error {
	if m.detached && m.Form != FormCompact {
		return wrap(jose.ErrMalformed, "the payload is detached")
	}
	m.detached = false
	return nil
}

// firstVerified tries each signature in order and returns the first that
// verifies. When none does, the error of the first signature is returned.
func (v *Verifier) firstVerified(ctx context.Context, m *Message, detached []byte) (*Result, error) {
	var first error
	var in []byte // the signing input, its buffer reused for every signature
	for i, s := range m.Signatures {
		r, err := v.verifySignature(ctx, m, i, s, detached, &in, true)
		if err == nil {
			return r, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

// verifySignature checks signature i of m, building the signing input in
// *in (a buffer the caller reuses across signatures). With payload set, an
// attached payload is decoded into the Result; VerifyEach, which returns
// the payload once, does not ask for it.
func (v *Verifier) verifySignature(ctx context.Context, m *Message, i int, s *Signature, detached []byte, in *[]byte, payload bool) (*Result, error) {
	var d decision
	if err := v.slowHeader(s.Header, &d); err != nil {
		return nil, err
	}
	if err := v.checkDecision(&d); err != nil {
		return nil, err
	}
	*in = m.signingInput((*in)[:0], s, detached)
	k, err := v.verifySig(ctx, &d.selection, *in, s.Signature)
	if err != nil {
		return nil, err
	}
	r := &Result{Index: i, Header: s.Header, Key: k.jwk}
	if payload && !m.detached {
		r.Payload, _ = m.UnverifiedPayload() // now verified
	}
	return r, nil
}

// SignatureResult is the outcome for one signature of a JWS.
type SignatureResult struct {
	// Index is the signature's position in the serialization.
	Index int
	// Header is the signature's JOSE header, unverified when Err is not nil.
	Header *jose.Header
	// Err is nil when the signature verified.
	Err error
	// Key is the key that verified it (see Result.Key).
	Key *jwk.Key
}

// VerifyEach checks every signature of a JWS with an attached payload and
// reports each outcome (catalog row 16). The error is for a message that
// cannot be parsed at all (or the zero Verifier's), which includes one with
// a signature no Verifier could accept for its header (see Parse); a bad
// signature is reported in its entry. The
// payload is returned when at least one signature verified. A detached
// payload needs VerifyEachDetached (a JSON serialization without
// "payload" is jose.ErrMalformed here).
func (v *Verifier) VerifyEach(msg []byte) ([]SignatureResult, []byte, error) {
	return v.VerifyEachContext(context.Background(), msg)
}

// VerifyEachContext is VerifyEach with a context for a *jwk.Remote key set;
// a signature whose key set could not be had in time reports it in its
// entry (jose.ErrKey wrapping the context's error).
func (v *Verifier) VerifyEachContext(ctx context.Context, msg []byte) ([]SignatureResult, []byte, error) {
	out, m, any, err := v.verifyEach(ctx, msg, nil, false)
	if err != nil || !any {
		return out, nil, err
	}
	p, _ := m.UnverifiedPayload()
	return out, p, nil
}

// VerifyEachDetached is VerifyEach for a JWS whose payload travels
// separately (RFC 7515 Appendix F), as VerifyDetached is Verify's: the
// serialization, compact or JSON, must carry no payload ("payload": "" in
// JSON counts as none), and payload is what was signed (with "b64": false
// the bytes as they are, otherwise before base64url encoding). Every
// signature is checked over the same payload and reported in its entry;
// the error is for a message that cannot be parsed or carries a payload
// (jose.ErrMalformed), or the zero Verifier's. The payload is the
// caller's, so it is not returned.
func (v *Verifier) VerifyEachDetached(msg, payload []byte) ([]SignatureResult, error) {
	return v.VerifyEachDetachedContext(context.Background(), msg, payload)
}

// VerifyEachDetachedContext is VerifyEachDetached with a context for a
// *jwk.Remote key set.
func (v *Verifier) VerifyEachDetachedContext(ctx context.Context, msg, payload []byte) ([]SignatureResult, error) {
	out, _, _, err := v.verifyEach(ctx, msg, payload, true)
	return out, err
}

// verifyEach is VerifyEach's and VerifyEachDetached's: it parses msg,
// checks every signature (over payload when detached is set) and reports
// whether any verified, with the parsed message.
func (v *Verifier) verifyEach(ctx context.Context, msg, payload []byte, detached bool) ([]SignatureResult, *Message, bool, error) {
	m, err := v.parseFor(msg, detached)
	if err != nil {
		return nil, nil, false, err
	}
	out := make([]SignatureResult, len(m.Signatures))
	any := false
	var in []byte
	for i, s := range m.Signatures {
		r, err := v.verifySignature(ctx, m, i, s, payload, &in, false)
		out[i] = SignatureResult{Index: i, Header: s.Header, Err: err}
		if err == nil {
			out[i].Key = r.Key
			any = true
		}
	}
	return out, m, any, nil
}

// parseFor parses msg for VerifyEach and VerifyAll (detached false: the
// message must carry its payload) or their Detached forms (it must not).
func (v *Verifier) parseFor(msg []byte, detached bool) (*Message, error) {
	if v.zero() {
		return nil, errZeroVerifier
	}
	m, err := Parse(msg)
	if err != nil {
		return nil, v.parseErr(msg, err)
	}
	if detached {
		err = m.detach()
	} else {
		err = m.attach()
	}
	if err != nil {
		return nil, v.parseErr(msg, err)
	}
	return m, nil
}

// VerifyAll checks a JWS whose every signature must verify with the
// verifier's keys. It returns one Result per signature, or the first
// failure. The Results share one Payload, decoded once (a message has one
// payload, however many signatures): treat it as read-only, or copy it
// before changing it, as a change shows through every Result. A detached
// payload needs VerifyAllDetached (a JSON serialization without "payload"
// is jose.ErrMalformed here).
func (v *Verifier) VerifyAll(msg []byte) ([]*Result, error) {
	return v.VerifyAllContext(context.Background(), msg)
}

// VerifyAllContext is VerifyAll with a context for a *jwk.Remote key set.
func (v *Verifier) VerifyAllContext(ctx context.Context, msg []byte) ([]*Result, error) {
	out, m, err := v.verifyAll(ctx, msg, nil, false)
	if err != nil {
		return nil, err
	}
	p, _ := m.UnverifiedPayload() // now verified, and attached (m.attach)
	for _, r := range out {
		r.Payload = p
	}
	return out, nil
}

// VerifyAllDetached is VerifyAll for a JWS whose payload travels
// separately (RFC 7515 Appendix F), as VerifyDetached is Verify's: the
// serialization, compact or JSON, must carry no payload ("payload": "" in
// JSON counts as none), every signature must verify over payload, and the
// Results' Payload is nil (the payload is the caller's).
func (v *Verifier) VerifyAllDetached(msg, payload []byte) ([]*Result, error) {
	return v.VerifyAllDetachedContext(context.Background(), msg, payload)
}

// VerifyAllDetachedContext is VerifyAllDetached with a context for a
// *jwk.Remote key set.
func (v *Verifier) VerifyAllDetachedContext(ctx context.Context, msg, payload []byte) ([]*Result, error) {
	out, _, err := v.verifyAll(ctx, msg, payload, true)
	return out, err
}

// verifyAll is VerifyAll's and VerifyAllDetached's: every signature of msg
// must verify (over payload when detached is set).
func (v *Verifier) verifyAll(ctx context.Context, msg, payload []byte, detached bool) ([]*Result, *Message, error) {
	m, err := v.parseFor(msg, detached)
	if err != nil {
		return nil, nil, err
	}
	out := make([]*Result, len(m.Signatures))
	var in []byte
	for i, s := range m.Signatures {
		r, err := v.verifySignature(ctx, m, i, s, payload, &in, false)
		if err != nil {
			return nil, nil, err
		}
		out[i] = r
	}
	return out, m, nil
}

// VerifyReader checks a JWS with a detached payload read from r, in
// constant memory (RFC 7797 unencoded payloads and ordinary ones alike: an
// encoded payload is base64url-encoded as it streams). Only signatures by
// HMAC, RSA and ECDSA stream; Ed25519 must buffer the payload, up to
// MaxBufferedPayload, beyond which its signatures fail with jose.ErrLimit
// while the others are still checked. The payload's bytes are not
// trustworthy until this returns nil: a caller that stores them as they are
// read must discard them on error. Within that bound it verifies as
// VerifyDetached does and, when no signature verifies, returns the same
// error, the first signature's; but its keys are the Verifier's key or key
// set: a *jwk.Remote or a key embedded in the token (TrustEmbeddedJWK) is
// jose.ErrKey here. A nil r is jose.ErrMalformed.
func (v *Verifier) VerifyReader(msg []byte, r io.Reader) (*Result, error) {
	if v.zero() {
		return nil, errZeroVerifier
	}
	if r == nil {
		return nil, errNilReader
	}
	m, err := Parse(msg)
	if err != nil {
		return nil, v.parseErr(msg, err)
	}
	if err := m.detach(); err != nil {
		return nil, v.parseErr(msg, err)
	}
	type job struct {
		i     int
		d     decision
		keys  []*vkey
		state []*streamState
	}
	var jobs []*job
	// errs[i] is signature i's error; as firstVerified does, the first
	// signature's is returned when none verifies, whether it was refused
	// for its header before the payload was read or failed over it.
	errs := make([]error, len(m.Signatures))
	var writers []io.Writer
	var buffered []*streamState // Ed25519: they share one payload buffer
	for i, s := range m.Signatures {
		j := &job{i: i}
		err := v.slowHeader(s.Header, &j.d)
		if err == nil {
			err = v.checkDecision(&j.d)
		}
		if err == nil {
			j.keys, err = v.streamKeys(&j.d.selection)
		}
		if err != nil {
			errs[i] = err
			continue
		}
		var shared *streamState // RS*, PS*, ES*: one digest for every key
		for _, k := range j.keys {
			if shared != nil {
				j.state = append(j.state, shared)
				continue
			}
			ss, err := newStreamState(j.d.alg, k.secret, v.cfg.maxBuffered)
			if err == nil {
				err = ss.writeHeader(s.Protected)
			}
			if err != nil {
				errs[i] = firstErr(errs[i], err)
				j.state = append(j.state, nil) // j.state[n] stays key n's
				continue
			}
			j.state = append(j.state, ss)
			if ss.h != nil {
				shared = ss
			}
			if ss.buffers() {
				buffered = append(buffered, ss)
			} else {
				writers = append(writers, ss)
			}
		}
		jobs = append(jobs, j)
	}
	if len(buffered) > 0 {
		writers = append(writers, newEdPayload(buffered, v.cfg.maxBuffered))
	}
	if len(writers) == 0 {
		return nil, firstErr(nil, errs...)
	}
	// An Ed25519 payload over MaxBufferedPayload fails the Ed25519
	// signatures only: the others go on streaming.
	if err := copyPayload(&fanout{w: writers}, r, m.b64); err != nil {
		return nil, err
	}
	for _, j := range jobs {
		s := m.Signatures[j.i]
		for n, k := range j.keys {
			ss := j.state[n]
			switch {
			case ss == nil:
			case ss.edErr() != nil:
				errs[j.i] = firstErr(errs[j.i], ss.edErr())
			case ss.verify(k.secret, k.pub, s.Signature) == nil:
				return &Result{Index: j.i, Header: s.Header, Key: k.jwk}, nil
			}
		}
		errs[j.i] = firstErr(errs[j.i], errVerify)
	}
	return nil, firstErr(nil, errs...)
}

// fanout writes to every writer that has not failed. A writer that fails
// is dropped (an edPayload over its limit, or a stream state whose backend
// failed, which remembers it and never verifies), and
// Write fails, with the first error, only once every writer has, so the
// payload is read no further than something can use it.
type fanout struct {
	w   []io.Writer
	err error
}

func (f *fanout) Write(p []byte) (int, error) {
	live := f.w[:0]
	for _, w := range f.w {
		n, err := w.Write(p)
		if err == nil && n != len(p) {
			err = io.ErrShortWrite
		}
		if err != nil {
			f.err = firstErr(f.err, err)
			continue
		}
		live = append(live, w)
	}
	f.w = live
	if len(live) == 0 {
		return 0, f.err
	}
	return len(p), nil
}

// streamKeys returns the usable candidate keys without running them.
func (v *Verifier) streamKeys(sel *selection) ([]*vkey, error) {
	if v.remote != nil || (v.cfg.embedded && sel.jwk != nil) {
		return nil, wrap(jose.ErrKey, "streaming verification takes a key or a key set, not a remote or embedded key")
	}
	var out []*vkey
	var keyErr error = errNoKey
	for _, k := range v.keys {
		if skip, err := v.passOver(k, sel); err != nil {
			return nil, err
		} else if skip {
			continue
		}
		if e := k.usable[sel.ai]; e != nil {
			keyErr = e
			continue
		}
		out = append(out, k)
	}
	if len(out) == 0 {
		return nil, keyErr
	}
	return out, nil
}

// firstErr returns the first error that is not nil.
func firstErr(a error, b ...error) error {
	for _, e := range b {
		if a != nil {
			return a
		}
		a = e
	}
	return a
}
