package jws

import (
	"bytes"
	"crypto"
	"encoding/base64"
	"fmt"
	"io"
	"sync"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jwk"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// SigningKey describes one signer: the algorithm, the key and the header.
type SigningKey struct {
	// Alg is the algorithm ("ES256", "HS256", …); required.
	Alg string
	// Key is an HMAC secret ([]byte), any crypto.Signer (so keys in an HSM
	// or KMS sign too), or a *jwk.Key with private material, whose "alg",
	// "use" and "key_ops" must allow signing with Alg. A secret, bare or in
	// an oct JWK, that is in fact an encoded key (see NewVerifier) is
	// jose.ErrKey, and so is an ed25519.PrivateKey whose second half is not
	// the public key its seed derives (two signatures of one message under
	// two halves would reveal the private key). The key is kept, not
	// copied: a []byte secret must not change while a Signer made from it
	// is in use.
	Key any
	// KeyID is put in the protected header as "kid" when not empty; for a
	// *jwk.Key it defaults to the key's own "kid", unless Protected has a
	// "kid" member.
	KeyID string
	// Type and ContentType are "typ" and "cty" when not empty.
	Type, ContentType string
	// Protected holds further protected header members, with raw JSON
	// values, in order.
	Protected []jose.Member
	// Unprotected holds "header" members for the JSON serializations.
	Unprotected []jose.Member
	// Header, when not nil, is the exact protected header JSON to use
	// instead of building one (to reproduce a given serialization). Its
	// "alg" must equal Alg, and KeyID, Type, ContentType and Protected must
	// be empty.
	Header []byte
}

// SignOptions choose the payload's form. The zero value (or nil) signs an
// attached, base64url-encoded payload.
type SignOptions struct {
	// Unencoded signs the payload as is (RFC 7797 "b64": false, with
	// "crit": ["b64"], or SigningKey.Protected's "crit", which must then
	// list "b64").
	Unencoded bool
	// Detached leaves the payload out of the serialization (RFC 7515
	// Appendix F).
	Detached bool
}

// Signer signs with one SigningKey. Its protected header is encoded once;
// it is safe for concurrent use. The zero Signer (one not made by
// NewSigner) has no key: AppendCompact returns an error wrapping
// jose.ErrKey, as it does for a nil *Signer.
type Signer struct {
	alg    algorithm
	secret []byte
	signer crypto.Signer
	prot   []byte // base64url protected header
	hdr    *jose.Header
	unprot []byte // raw "header" JSON or nil
	b64    bool
	det    bool
	macs   sync.Pool
}

// NewSigner checks the key against the algorithm (before any computation)
// and prepares the protected header.
func NewSigner(k SigningKey, opts *SignOptions) (*Signer, error) {
	var o SignOptions
	if opts != nil {
		o = *opts
	}
	a, err := lookupAlg([]byte(k.Alg))
	if err != nil {
		if k.Alg == "" {
			return nil, wrap(jose.ErrAlgorithm, "SigningKey.Alg is empty: name the algorithm (\"ES256\", \"EdDSA\", \"HS256\", …)")
		}
		return nil, wrap(jose.ErrAlgorithm, "cannot sign with "+quote(k.Alg))
	}
	s := &Signer{alg: a, b64: !o.Unencoded, det: o.Detached}
	kid := k.KeyID
	switch key := k.Key.(type) {
	case []byte:
		if looksLikeEncodedKey(key) {
			return nil, errPubAsSecret
		}
		s.secret = key
	case *jwk.Key:
		if key == nil {
			return nil, wrap(jose.ErrKey, "nil key")
		}
		if err := key.CheckUse(a.name(), jwk.OpSign); err != nil {
			return nil, wrapCause(jose.ErrKey, "key cannot sign "+a.name(), err)
		}
		if kid == "" && !hasName(k.Protected, "kid") {
			kid = key.Kid
		}
		if sec := key.Secret(); sec != nil {
			if looksLikeEncodedKey(sec) {
				return nil, errPubAsSecret
			}
			s.secret = sec
		} else if sg, ok := key.Signer(); ok {
			s.signer = sg
		}
	case crypto.Signer:
		s.signer = key
	default:
		return nil, wrap(jose.ErrKey, fmt.Sprintf("unsupported signing key type %T: want []byte (an HMAC secret), a crypto.Signer holding a private key, or a private *jwk.Key", k.Key))
	}
	var pub crypto.PublicKey
	if s.signer != nil {
		if pub, err = signerPublic(s.signer); err != nil {
			return nil, err
		}
	}
	if err := bindCheck(a, s.secret, pub); err != nil {
		return nil, err
	}
	if a.mac != nil {
		mac, secret := a.mac, s.secret
		s.macs.New = func() any {
			m, err := mac.New(secret)
			if err != nil {
				return err // sign reports it
			}
			return m
		}
	}
	raw := k.Header
	if raw != nil {
		if kid != k.KeyID && k.KeyID == "" {
			kid = "" // a given header is used as is
		}
		if kid != "" || k.Type != "" || k.ContentType != "" || len(k.Protected) > 0 {
			return nil, wrap(jose.ErrMalformed, "SigningKey.Header excludes KeyID, Type, ContentType and Protected")
		}
	} else {
		raw, err = buildHeader(a.name(), kid, k, s.b64)
		if err != nil {
			return nil, err
		}
	}
	if s.hdr, err = jose.ParseHeader(raw); err != nil {
		return nil, wrapCause(jose.ErrMalformed, "protected header", err)
	}
	if s.hdr.Alg != a.name() {
		return nil, wrap(jose.ErrAlgorithm, `protected header "alg" is not `+quote(a.name()))
	}
	if s.hdr.B64 != s.b64 {
		return nil, wrap(jose.ErrMalformed, `protected header "b64" disagrees with SignOptions.Unencoded`)
	}
	// a producer must write "crit" well formed and list "b64" in it (RFC
	// 7515 §4.1.11, RFC 7797 §6): no verifier accepts the token otherwise
	if err := checkCrit(s.hdr, s.hdr.Crit); err != nil {
		return nil, err
	}
	s.prot = jose.AppendBase64URL(nil, raw)
	if len(k.Unprotected) > 0 {
		// The strict Writer refuses a name that is not UTF-8 (which JSON
		// would carry as U+FFFD, another name) or repeats.
		var w lejp.Writer
		w.BeginObject()
		for _, m := range k.Unprotected {
			w.Name(m.Name)
			w.Raw(m.Value)
		}
		w.EndObject()
		if s.unprot, err = w.Finish(); err != nil {
			return nil, wrapCause(jose.ErrMalformed, "unprotected header", err)
		}
		uh, err := jose.ParseHeader(s.unprot)
		if err != nil {
			return nil, wrapCause(jose.ErrMalformed, "unprotected header", err)
		}
		if _, err := jose.Join(s.hdr, uh); err != nil {
			return nil, wrapCause(jose.ErrMalformed, "header", err)
		}
	}
	return s, nil
}

// hasName reports whether ms has a member named name.
func hasName(ms []jose.Member, name string) bool {
	for _, m := range ms {
		if m.Name == name {
			return true
		}
	}
	return false
}

// buildHeader writes the protected header: alg, then b64 and crit for an
// unencoded payload (crit only when the extra members have none: theirs
// must list "b64", which NewSigner checks), kid, typ, cty and the extra
// members. The strict
// Writer refuses a kid, typ, cty or member name that is not UTF-8: JSON
// would carry it as U+FFFD, so the header would name another "kid" (or
// "typ", "cty") than the one given.
func buildHeader(alg, kid string, k SigningKey, b64 bool) ([]byte, error) {
	var w lejp.Writer
	w.BeginObject()
	w.Name("alg")
	w.String(alg)
	if !b64 {
		w.Name("b64")
		w.Bool(false)
		if !hasName(k.Protected, "crit") { // else the caller's, which must list "b64"
			w.Name("crit")
			w.BeginArray()
			w.String("b64")
			w.EndArray()
		}
	}
	if kid != "" {
		w.Name("kid")
		w.String(kid)
	}
	if k.Type != "" {
		w.Name("typ")
		w.String(k.Type)
	}
	if k.ContentType != "" {
		w.Name("cty")
		w.String(k.ContentType)
	}
	for _, m := range k.Protected {
		w.Name(m.Name)
		w.Raw(m.Value)
	}
	w.EndObject()
	out, err := w.Finish()
	if err != nil {
		return nil, wrapCause(jose.ErrMalformed, "protected header", err)
	}
	return out, nil
}

// sign computes the signature over input.
func (s *Signer) sign(dst, input []byte) ([]byte, error) {
	if s.alg.mac != nil {
		v := s.macs.Get()
		m, ok := v.(*gencrypto.MACKey)
		if !ok {
			err, _ := v.(error)
			return nil, wrapCause(jose.ErrKey, "signing", err)
		}
		out, err := m.Sum(dst, input)
		s.macs.Put(m)
		if err != nil {
			return nil, wrapCause(jose.ErrKey, "signing", err)
		}
		return out, nil
	}
	sig, err := s.alg.sig.Sign(s.signer, input)
	if err != nil {
		return nil, wrapCause(jose.ErrKey, "signing", err)
	}
	return append(dst, sig...), nil
}

// AppendCompact appends the compact serialization of payload to dst. For an
// unencoded attached payload, a '.' in it is an error (RFC 7797 §5.2).
func (s *Signer) AppendCompact(dst, payload []byte) ([]byte, error) {
	if s == nil || s.hdr == nil { // set by NewSigner alone
		return dst, errZeroSigner
	}
	if s.unprot != nil {
		return dst, errCompactUnprotected
	}
	if !s.b64 && !s.det && bytes.IndexByte(payload, '.') >= 0 {
		return dst, wrap(jose.ErrMalformed, "unencoded payload with '.' cannot be compact; detach it")
	}
	start := len(dst)
	dst = append(dst, s.prot...)
	dst = append(dst, '.')
	if s.b64 {
		dst = jose.AppendBase64URL(dst, payload)
	} else {
		dst = append(dst, payload...)
	}
	var sigBuf [512]byte
	sig, err := s.sign(sigBuf[:0], dst[start:])
	if err != nil {
		return dst[:start], err
	}
	if s.det {
		dst = append(dst[:start+len(s.prot)], '.')
	}
	dst = append(dst, '.')
	return jose.AppendBase64URL(dst, sig), nil
}

// errNilReader is SignReader's and VerifyReader's error for a nil
// io.Reader.
var errNilReader = wrap(jose.ErrMalformed, "the payload reader is nil")

var errZeroSigner = wrap(jose.ErrKey, "the Signer was not made by NewSigner: it has no key")

// signature returns the Signature of payload (in its serialized form).
func (s *Signer) signature(payloadPart []byte) (*Signature, error) {
	in := make([]byte, 0, len(s.prot)+1+len(payloadPart))
	in = append(append(append(in, s.prot...), '.'), payloadPart...)
	sig, err := s.sign(nil, in)
	if err != nil {
		return nil, err
	}
	out := &Signature{Protected: s.prot, Unprotected: s.unprot, Signature: sig, Header: s.hdr}
	if s.unprot != nil {
		uh, _ := jose.ParseHeader(s.unprot)
		out.Header, _ = jose.Join(s.hdr, uh)
	}
	return out, nil
}

// Sign returns the compact serialization of payload signed with k. It
// checks the key and builds the header on every call: to sign many
// payloads with one key, make a Signer once with NewSigner.
func Sign(payload []byte, k SigningKey, opts *SignOptions) ([]byte, error) {
	s, err := NewSigner(k, opts)
	if err != nil {
		return nil, err
	}
	return s.AppendCompact(nil, payload)
}

// SignJSON returns the general JSON serialization of payload with one
// signature per key or, with flattened, the flattened one, which takes
// exactly one key (more is jose.ErrMalformed).
// All signers share opts: RFC 7797 forbids mixing encoded and unencoded
// payloads in one message. More than MaxSignatures keys is jose.ErrLimit,
// as ParseJSON would refuse the message.
func SignJSON(payload []byte, keys []SigningKey, flattened bool, opts *SignOptions) ([]byte, error) {
	if len(keys) == 0 {
		return nil, wrap(jose.ErrKey, "no signing key")
	}
	if len(keys) > MaxSignatures {
		return nil, errTooManySignatures
	}
	m := &Message{Form: FormGeneral, b64: opts == nil || !opts.Unencoded, detached: opts != nil && opts.Detached}
	if flattened {
		m.Form = FormFlattened
	}
	if !m.b64 && !m.detached && !utf8.Valid(payload) {
		return nil, errUnencodedNotUTF8
	}
	// Refused before it is encoded and signed, as Message.JSON would
	// refuse it: base64url has no escapes, and escapes only lengthen an
	// unencoded payload.
	if n := len(payload); !m.detached && (m.b64 && base64.RawURLEncoding.EncodedLen(n) > lejp.DefaultMaxStringLen || n > lejp.DefaultMaxStringLen) {
		return nil, errPayloadTooLong
	}
	part := payload
	if m.b64 {
		part = jose.AppendBase64URL(nil, payload)
	}
	if !m.detached {
		m.payload = part
	}
	for _, k := range keys {
		s, err := NewSigner(k, opts)
		if err != nil {
			return nil, err
		}
		sig, err := s.signature(part)
		if err != nil {
			return nil, err
		}
		m.Signatures = append(m.Signatures, sig)
	}
	return m.JSON(flattened)
}

// SignReader signs a payload read from r in constant memory (Ed25519
// excepted, which buffers its signing input up to DefaultMaxBufferedPayload,
// beyond which it is jose.ErrLimit) and returns a detached compact
// serialization "header..signature" (so k may have no Unprotected members).
// With opts.Unencoded the payload is signed as is (RFC 7797); otherwise it
// is base64url-encoded as it streams. An error from r is jose.ErrMalformed
// wrapping it, and nothing is signed; so is a nil r.
func SignReader(r io.Reader, k SigningKey, opts *SignOptions) ([]byte, error) {
	if r == nil {
		return nil, errNilReader
	}
	o := SignOptions{Detached: true}
	if opts != nil {
		o.Unencoded = opts.Unencoded
	}
	s, err := NewSigner(k, &o)
	if err != nil {
		return nil, err
	}
	if s.unprot != nil {
		return nil, errCompactUnprotected
	}
	ss, err := newStreamState(s.alg, s.secret, DefaultMaxBufferedPayload)
	if err != nil {
		return nil, err
	}
	if err := ss.writeHeader(s.prot); err != nil {
		return nil, err
	}
	if err := copyPayload(ss, r, s.b64); err != nil {
		return nil, err
	}
	sig, err := ss.sign(s.secret, s.signer)
	if err != nil {
		return nil, err
	}
	out := append(append([]byte{}, s.prot...), '.', '.')
	return jose.AppendBase64URL(out, sig), nil
}

// copyPayload writes the payload read from r to w, base64url-encoded when
// b64 is set (RFC 7797 otherwise). A limit error from w comes back as it
// is; any other error is a malformed payload.
func copyPayload(w io.Writer, r io.Reader, b64 bool) error {
	var enc io.WriteCloser
	if b64 {
		enc = base64.NewEncoder(base64.RawURLEncoding, w)
		w = enc
	}
	_, err := io.Copy(w, r)
	if err == nil && enc != nil {
		err = enc.Close() // the last partial group goes to w now
	}
	if err == nil || isLimit(err) {
		return err
	}
	return wrapCause(jose.ErrMalformed, "reading the payload", err)
}
