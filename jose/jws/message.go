package jws

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// Form is a JWS serialization (RFC 7515 §7).
type Form uint8

// The serializations.
const (
	FormCompact   Form = iota + 1 // BASE64URL(header).payload.signature (§7.1)
	FormFlattened                 // one signature, JSON (§7.2.2)
	FormGeneral                   // "signatures" array, JSON (§7.2.1)
)

// Message is a parsed JWS whose signatures have not been checked. Nothing in
// it is trustworthy until a Verifier says so; it exists for inspection and
// for re-serialization. It holds no reference to the parsed input.
//
// A nil *Message carries nothing: Detached and Encoded are false,
// UnverifiedPayload has no payload (ok false), and Compact and JSON return
// an error wrapping jose.ErrMalformed, as they do for a nil Signature or
// one with neither a protected nor an unprotected header.
//
// Compact and JSON write only what Parse reads back as the same message,
// checking each signature with the parser's own rules; a Message edited or
// built by hand that Parse would refuse, or read as another message, is
// jose.ErrMalformed naming the signature and what is wrong. A Message
// built by hand has no payload (its payload and "b64" are set by Parse and
// SignJSON only) and reads as unencoded, so its headers need "b64": false
// (which "crit" must list).
type Message struct {
	// Form is the serialization the message was parsed from.
	Form Form
	// Signatures holds at least one signature.
	Signatures []*Signature

	payload  []byte // as serialized: base64url text, or the raw bytes when b64 is false
	detached bool
	b64      bool
}

// errNilMessage is the error of the methods of a nil *Message that
// return one.
var errNilMessage = wrap(jose.ErrMalformed, "the message is nil")

// errNilSignature is Compact's and JSON's error for a nil signature.
func errNilSignature(i int) error {
	return wrap(jose.ErrMalformed, fmt.Sprintf("signature %d is nil", i))
}

// Signature is one signature of a Message.
type Signature struct {
	// Protected is the protected header exactly as received, base64url
	// encoded; empty when the signature has none (JSON only).
	Protected []byte
	// Unprotected is the raw JSON of the "header" member, nil when absent.
	Unprotected []byte
	// Header is the JOSE header: protected ∪ unprotected.
	Header *jose.Header
	// Signature is the decoded signature value.
	Signature []byte
}

// Detached reports whether the message carries no payload (RFC 7515
// Appendix F).
func (m *Message) Detached() bool { return m != nil && m.detached }

// Encoded reports whether the payload is base64url encoded, that is, "b64"
// is absent or true (RFC 7797 §3).
func (m *Message) Encoded() bool { return m != nil && m.b64 }

// UnverifiedPayload returns the decoded payload without checking any
// signature, for inspection only; ok is false for a detached payload. An
// attached empty payload is empty but not nil.
func (m *Message) UnverifiedPayload() (payload []byte, ok bool) {
	if m == nil || m.detached {
		return nil, false
	}
	if !m.b64 {
		return append([]byte{}, m.payload...), true
	}
	p, err := jose.AppendBase64URLDecode([]byte{}, m.payload)
	if err != nil {
		return nil, false // Parse validated it
	}
	return p, true
}

// Parse parses a JWS in any serialization: JSON when the first byte that is
// not JSON whitespace is '{', compact otherwise. Signatures are not checked,
// nor the caller's policy ("alg" may be "none"); but a signature no Verifier
// could accept for its header — no "alg" (jose.ErrMalformed), a "crit" or
// "b64" against RFC 7515 §4.1.11 or RFC 7797 §6 (jose.ErrCrit) — is
// refused, as in ParseCompact and ParseJSON.
func Parse(b []byte) (*Message, error) {
	if t := bytes.TrimLeft(b, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return ParseJSON(b)
	}
	return ParseCompact(b)
}

// ParseCompact parses a compact JWS (RFC 7515 §7.1). An empty payload part
// means a detached payload. The protected header must have an "alg" (RFC
// 7515 §4.1.1; jose.ErrMalformed) and a "crit" and "b64" as RFC 7515
// §4.1.11 and RFC 7797 §6 require whatever extensions the caller
// understands: a "crit" non-empty, without empty, repeated or registered
// names, naming only members the header has, and listing any "b64"
// (jose.ErrCrit). Which algorithms and extensions are acceptable is the
// Verifier's to decide.
func ParseCompact(tok []byte) (*Message, error) {
	hb, pb, sb, err := splitCompact(tok)
	if err != nil {
		return nil, err
	}
	if len(hb) == 0 {
		return nil, wrap(jose.ErrMalformed, "empty protected header")
	}
	h, err := signatureHeader(hb, nil)
	if err != nil {
		return nil, err
	}
	sig, err := jose.DecodeBase64URL(sb)
	if err != nil || len(sig) == 0 {
		return nil, wrap(jose.ErrMalformed, "signature is not base64url")
	}
	m := &Message{
		Form:       FormCompact,
		Signatures: []*Signature{{Protected: bytes.Clone(hb), Header: h, Signature: sig}},
		payload:    bytes.Clone(pb),
		detached:   len(pb) == 0,
		b64:        h.B64,
	}
	if m.b64 && !jose.ValidBase64URL(pb) {
		return nil, wrap(jose.ErrMalformed, "payload is not base64url")
	}
	return m, nil
}

// MaxSignatures bounds the signatures of a general JSON serialization: each
// is checked over the whole payload, so verification costs up to this many
// passes over it. (Keys of a set tried for one signature share one pass
// for RS*, PS* and ES*; HMAC and EdDSA take one per key tried, which
// RequireKeyID limits to one.) More is jose.ErrLimit, in ParseJSON and so
// in SignJSON and Message.JSON.
const MaxSignatures = 16

var (
	errTooManySignatures = wrap(jose.ErrLimit, "more than "+strconv.Itoa(MaxSignatures)+" signatures")
	errB64Disagree       = wrap(jose.ErrCrit, `signatures disagree on "b64"`)
)

// ParseJSON parses the flattened or general JSON serialization (RFC 7515
// §7.2). It is strict: members other than "payload", "protected",
// "header", "signature" and "signatures" are rejected (a JWE is not a
// JWS), every member has its one JSON type — no null, no empty
// "protected", "header" or "signature" (catalog row 10) — and the flattened
// members may not appear beside "signatures". An error in an element of
// "signatures" names its index. All signatures must agree on
// "b64" (catalog row 19). More than MaxSignatures signatures is
// jose.ErrLimit. Each signature's JOSE header (protected ∪ unprotected)
// must pass ParseCompact's checks of "alg", "crit" and "b64", with "crit"
// naming only protected members; one that does not is refused even beside
// signatures that would verify.
func ParseJSON(b []byte) (*Message, error) {
	o, err := jose.ParseObject(b)
	if err != nil {
		return nil, wrapCause(jose.ErrMalformed, "JSON serialization", err)
	}
	m := &Message{detached: true}
	var sigs jose.Member
	var hasSigs, flat bool
	for _, mem := range o.Members {
		switch mem.Name {
		case "payload":
			s, err := mem.String()
			if err != nil {
				return nil, wrapCause(jose.ErrMalformed, `"payload"`, err)
			}
			m.payload, m.detached = []byte(s), false
		case "signatures":
			sigs, hasSigs = mem, true
		case "protected", "header", "signature":
			flat = true
		default:
			return nil, wrap(jose.ErrMalformed, "unknown member "+quote(mem.Name)+" in a JWS JSON serialization")
		}
	}
	switch {
	case hasSigs && flat:
		return nil, wrap(jose.ErrMalformed, `"signatures" beside flattened members`)
	case hasSigs:
		m.Form = FormGeneral
		if sigs.Kind() != jose.KindArray {
			return nil, wrap(jose.ErrMalformed, `"signatures" must be an array`)
		}
		var fail error // an error of ours, returned naming the signature
		err := jose.EachElement(sigs.Value, func(e []byte) error {
			if fail = parseElement(m, e); fail != nil {
				fail = &atSignature{i: len(m.Signatures), err: fail}
			}
			return fail
		})
		switch {
		case fail != nil:
			return nil, fail
		case err != nil:
			return nil, wrapCause(jose.ErrMalformed, `"signatures"`, err)
		}
		if len(m.Signatures) == 0 {
			return nil, wrap(jose.ErrMalformed, `"signatures" is empty`)
		}
	default:
		m.Form = FormFlattened
		s, err := parseSignature(o)
		if err != nil {
			return nil, err
		}
		m.Signatures = []*Signature{s}
	}
	m.b64 = m.Signatures[0].Header.B64
	for i, s := range m.Signatures[1:] {
		if s.Header.B64 != m.b64 {
			return nil, &atSignature{i: i + 1, err: errB64Disagree}
		}
	}
	if !m.detached && m.b64 && !jose.ValidBase64URL(m.payload) {
		return nil, wrap(jose.ErrMalformed, "payload is not base64url")
	}
	return m, nil
}

// atSignature is an error of signature i of a general JSON serialization:
// the error, saying which signature it is in.
type atSignature struct {
	i   int
	err error
}

func (e *atSignature) Error() string {
	return "jws: signature " + strconv.Itoa(e.i) + ": " + strings.TrimPrefix(e.err.Error(), "jws: ")
}
func (e *atSignature) Unwrap() error { return e.err }

// parseElement parses one element of "signatures" and appends it to m.
func parseElement(m *Message, e []byte) error {
	if len(m.Signatures) == MaxSignatures {
		return errTooManySignatures
	}
	so, err := jose.ParseObject(e)
	if err != nil {
		return wrapCause(jose.ErrMalformed, `"signatures" element`, err)
	}
	for _, mem := range so.Members {
		switch mem.Name {
		case "protected", "header", "signature":
		default:
			return wrap(jose.ErrMalformed, "unknown member "+quote(mem.Name)+" in a signature")
		}
	}
	s, err := parseSignature(so)
	if err != nil {
		return err
	}
	m.Signatures = append(m.Signatures, s)
	return nil
}

// parseSignature reads "protected", "header" and "signature" of one
// signature object.
func parseSignature(o *jose.Object) (*Signature, error) {
	s := &Signature{}
	if mem, ok := o.Get("protected"); ok {
		str, err := mem.String()
		if err != nil || str == "" {
			return nil, wrap(jose.ErrMalformed, `"protected" must be a non-empty string`)
		}
		s.Protected = []byte(str)
	}
	if mem, ok := o.Get("header"); ok {
		// a copy: a Message (and a Result) must not alias the input
		s.Unprotected = bytes.Clone(mem.Value)
	}
	h, err := signatureHeader(s.Protected, s.Unprotected)
	if err != nil {
		return nil, err
	}
	mem, ok := o.Get("signature")
	if !ok {
		return nil, wrap(jose.ErrMalformed, `missing "signature"`)
	}
	str, err := mem.String()
	if err != nil || str == "" {
		return nil, wrap(jose.ErrMalformed, `"signature" must be a non-empty string`)
	}
	if s.Signature, err = jose.DecodeBase64URL([]byte(str)); err != nil {
		return nil, wrap(jose.ErrMalformed, `"signature" is not base64url`)
	}
	s.Header = h
	return s, nil
}

// signatureHeader is the JOSE Header of a signature whose protected header
// (base64url) and unprotected one (the raw JSON of "header") are given,
// each nil (or empty) when absent: the rules ParseJSON and ParseCompact
// read a signature's headers with, and the writers check theirs with. The
// header is parsed from unprotected, which must stay unchanged after.
//
// Besides the syntax, it applies the rules of RFC 7515 and RFC 7797 that
// no Verifier's options relax (headerRules): a signature that breaks one
// can never verify, so it is refused here, with the error Verify gives.
func signatureHeader(protected, unprotected []byte) (*jose.Header, error) {
	h, err := joinedHeader(protected, unprotected)
	if err != nil {
		return nil, err
	}
	if err := headerRules(h); err != nil {
		return nil, err
	}
	return h, nil
}

// joinedHeader is signatureHeader without headerRules: the protected
// header alone when there is no unprotected one (a compact
// serialization's), else the two joined.
func joinedHeader(protected, unprotected []byte) (*jose.Header, error) {
	var prot, unprot *jose.Header
	if len(protected) > 0 {
		var err error
		if prot, err = parseProtected(protected); err != nil {
			return nil, err
		}
	}
	if unprotected != nil {
		if len(unprotected) == 0 || unprotected[0] != '{' {
			return nil, wrap(jose.ErrMalformed, `"header" must be an object`)
		}
		h, err := jose.ParseHeader(unprotected)
		if err != nil {
			return nil, wrapCause(jose.ErrMalformed, "unprotected header", err)
		}
		if len(h.Members()) == 0 {
			return nil, wrap(jose.ErrMalformed, `"header" is empty`)
		}
		unprot = h
	}
	if prot == nil && unprot == nil {
		return nil, wrap(jose.ErrMalformed, `signature has neither "protected" nor "header"`)
	}
	if unprot == nil {
		return prot, nil
	}
	h, err := jose.Join(prot, unprot)
	if err != nil {
		return nil, wrapCause(jose.ErrMalformed, "header", err)
	}
	return h, nil
}

// signingInput appends the JWS Signing Input of signature s over the
// message's payload (or payload, for a detached one) to dst (RFC 7515 §5.1
// step 6, RFC 7797 §3).
func (m *Message) signingInput(dst []byte, s *Signature, detached []byte) []byte {
	dst = append(dst, s.Protected...)
	dst = append(dst, '.')
	switch {
	case !m.detached:
		dst = append(dst, m.payload...)
	case m.b64:
		dst = jose.AppendBase64URL(dst, detached)
	default:
		dst = append(dst, detached...)
	}
	return dst
}

// Compact returns the compact serialization. It needs exactly one signature
// with a protected header and no unprotected one, and, for an attached
// unencoded payload, a payload without '.' (RFC 7797 §5.2). As with JSON,
// the signature must be one ParseCompact reads back as it is: a protected
// header ParseCompact accepts, whose "b64" is the message's, a non-empty
// signature value, and a Header (unless nil) that is the protected header
// parsed, so with its "alg" and a well-formed "crit" (jose.ErrMalformed,
// and for "crit" or "b64" jose.ErrCrit too, as in ParseCompact). An empty
// attached payload is written as the compact form writes it, which
// ParseCompact reads as detached (Verify as empty).
func (m *Message) Compact() ([]byte, error) {
	if m == nil {
		return nil, errNilMessage
	}
	if len(m.Signatures) != 1 {
		return nil, wrap(jose.ErrMalformed, "compact serialization takes exactly one signature")
	}
	s := m.Signatures[0]
	if s == nil {
		return nil, errNilSignature(0)
	}
	if len(s.Protected) == 0 || s.Unprotected != nil {
		return nil, wrap(jose.ErrMalformed, "compact serialization takes a protected header only")
	}
	if !m.b64 && bytes.IndexByte(m.payload, '.') >= 0 {
		return nil, wrap(jose.ErrMalformed, "unencoded payload with '.' cannot be compact; detach it")
	}
	if err := m.readsBack(s); err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(s.Protected)+len(m.payload)+len(s.Signature)*4/3+4)
	out = append(out, s.Protected...)
	out = append(out, '.')
	out = append(out, m.payload...)
	out = append(out, '.')
	return jose.AppendBase64URL(out, s.Signature), nil
}

// JSON returns the general JSON serialization or, with flattened set, the
// flattened one, which takes exactly one signature (more is
// jose.ErrMalformed). An attached unencoded payload must be
// UTF-8 text (a JSON string cannot carry other bytes; RFC 7797 §5.2), and
// every signature's "b64" must be the message's (jose.ErrCrit, as in
// ParseJSON, and jose.ErrMalformed).
//
// Every signature must be one ParseJSON reads back as it is (else
// jose.ErrMalformed, naming the signature): headers ParseJSON accepts —
// a protected one, base64url of a JOSE header, or an unprotected one, a
// non-empty JSON object with no whitespace around it, or both, with no name
// in both and "crit" and "b64" protected —, whose joined header passes
// ParseJSON's checks of "alg", "crit" and "b64" (for "crit" or "b64"
// jose.ErrCrit too, as in ParseJSON), a non-empty signature value, and a
// Header (unless nil) that is the two headers joined (jose.Join).
//
// What JSON writes, ParseJSON reads, so ParseJSON's limits are
// jose.ErrLimit here: more than MaxSignatures signatures, an attached
// payload part or a "protected" member longer than lejp.DefaultMaxStringLen
// (64 MiB) as JSON carries it (base64url, or the unencoded text with its
// escapes; detach a payload or use the compact serialization), and an
// unprotected header beyond
// ParseJSON's limits in its place in the serialization: nested deeper than
// jose.MaxDepth there (the header sits one level deeper in the flattened
// form than alone, three in the general one), or with names over what lejp
// holds for duplicate detection once the names around it count too.
func (m *Message) JSON(flattened bool) ([]byte, error) {
	if m == nil {
		return nil, errNilMessage
	}
	switch n := len(m.Signatures); {
	case flattened && n != 1:
		return nil, wrap(jose.ErrMalformed, "flattened serialization takes exactly one signature")
	case n == 0:
		return nil, wrap(jose.ErrMalformed, "a JSON serialization takes at least one signature")
	case n > MaxSignatures:
		return nil, errTooManySignatures
	}
	if !m.b64 && !m.detached && !utf8.Valid(m.payload) {
		return nil, errUnencodedNotUTF8
	}
	for i, s := range m.Signatures {
		if s == nil {
			return nil, errNilSignature(i)
		}
		if s.Header != nil && s.Header.B64 != m.b64 {
			return nil, &atSignature{i: i, err: errWriteB64}
		}
		if err := m.readsBack(s); err != nil {
			return nil, &atSignature{i: i, err: err}
		}
		if len(s.Protected) > lejp.DefaultMaxStringLen { // base64url: no escapes
			return nil, errProtectedTooLong
		}
		if err := m.unprotectedFits(s, flattened); err != nil {
			return nil, err
		}
	}
	var w lejp.Writer
	w.BeginObject()
	if !m.detached {
		w.Name("payload")
		start := len(w.Bytes())
		w.StringBytes(m.payload)
		// ParseJSON reads the payload as one JSON string, which lejp
		// bounds between its quotes, escapes included
		if n := len(w.Bytes()) - start - 2; w.Err() == nil && n > lejp.DefaultMaxStringLen {
			return nil, errPayloadTooLong
		}
	}
	if flattened {
		writeSignature(&w, m.Signatures[0])
	} else {
		w.Name("signatures")
		w.BeginArray()
		for _, s := range m.Signatures {
			w.BeginObject()
			writeSignature(&w, s)
			w.EndObject()
		}
		w.EndArray()
	}
	w.EndObject()
	out, err := w.Finish()
	if err != nil {
		return nil, wrapCause(jose.ErrMalformed, "writing JSON", err)
	}
	return out, nil
}

// errWriteB64 is the writers' error for a signature whose "b64" is not the
// message's: jose.ErrMalformed, and jose.ErrCrit as in ParseJSON.
var errWriteB64 = wrapCause(jose.ErrMalformed, `the signature's "b64" is not the message's`, errB64Disagree)

// readsBack checks that signature s of m is one the parser reads back as
// it is, applying the parser's own rules (signatureHeader) rather than a
// copy of them: its headers must be ones Parse accepts, with the
// message's "b64" (which a Message built by hand cannot set: its zero
// value is false); the unprotected header must be written as it will be
// read, an object with no whitespace around it; the signature value must
// not be empty; and a Header, when not nil, must be what the parser
// derives from the two headers. The payload needs no check: only Parse
// and SignJSON set it, and both leave it valid for the message's "b64".
// FuzzMessageRoundTrip checks that Parse reads back every Message a
// writer writes.
func (m *Message) readsBack(s *Signature) error {
	if u := s.Unprotected; len(u) > 0 && (jsonSpace(u[0]) || jsonSpace(u[len(u)-1])) {
		return wrap(jose.ErrMalformed, "the unprotected header has whitespace around it, which ParseJSON does not keep")
	}
	h, err := signatureHeader(s.Protected, s.Unprotected)
	if err != nil {
		if !errors.Is(err, jose.ErrMalformed) {
			// a "crit" or "b64" Parse refuses with Verify's jose.ErrCrit:
			// to a writer, a malformed signature like any other
			err = wrapCause(jose.ErrMalformed, "header", err)
		}
		return err
	}
	if h.B64 != m.b64 {
		return errWriteB64
	}
	if len(s.Signature) == 0 {
		return wrap(jose.ErrMalformed, "the signature value is empty")
	}
	if s.Header != nil && !sameHeader(s.Header, h) {
		return wrap(jose.ErrMalformed, "Header is not the protected and unprotected headers joined")
	}
	return nil
}

func jsonSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// headerFields are the indexes of the exported fields of jose.Header.
var headerFields = func() (f []int) {
	t := reflect.TypeFor[jose.Header]()
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			f = append(f, i)
		}
	}
	return f
}()

// sameHeader reports whether a and b have the same members, in the same
// order and equally protected, and the same exported fields (nil and empty
// slices alike).
func sameHeader(a, b *jose.Header) bool {
	am, bm := a.Members(), b.Members()
	if len(am) != len(bm) {
		return false
	}
	for i := range am {
		if am[i].Name != bm[i].Name || !bytes.Equal(am[i].Value, bm[i].Value) ||
			a.IsProtected(am[i].Name) != b.IsProtected(bm[i].Name) {
			return false
		}
	}
	av, bv := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for _, i := range headerFields {
		x, y := av.Field(i), bv.Field(i)
		switch {
		case x.Kind() == reflect.String:
			if x.String() != y.String() {
				return false
			}
		case x.Kind() == reflect.Bool:
			if x.Bool() != y.Bool() {
				return false
			}
		case x.Kind() == reflect.Int64:
			if x.Int() != y.Int() {
				return false
			}
		case x.Kind() == reflect.Slice && x.Type().Elem().Kind() == reflect.Uint8:
			if !bytes.Equal(x.Bytes(), y.Bytes()) {
				return false
			}
		case x.Kind() == reflect.Slice && x.Len() == 0 && y.Len() == 0:
		default:
			if !reflect.DeepEqual(x.Interface(), y.Interface()) {
				return false
			}
		}
	}
	return true
}

// unprotectedFits checks the unprotected header of s as ParseJSON will
// read it: inside the object ({"header":{…}}, flattened) or the object,
// array and object ({"signatures":[{"header":{…}}]}, general) around it,
// with the member names written before it, which are still open then. A
// header within lejp's limits alone (NewSigner, ParseHeader) may be beyond
// them there: nested deeper than jose.MaxDepth, or with names over what
// lejp holds for duplicate detection (lejp.DefaultMaxNameMemory). Either is
// jose.ErrLimit, as ParseJSON would refuse it.
func (m *Message) unprotectedFits(s *Signature, flattened bool) error {
	if s.Unprotected == nil {
		return nil
	}
	b := make([]byte, 0, len(s.Unprotected)+64)
	b = append(b, '{')
	if !m.detached {
		b = append(b, `"payload":"",`...)
	}
	if !flattened {
		b = append(b, `"signatures":[{`...)
	}
	if len(s.Protected) > 0 {
		b = append(b, `"protected":"",`...)
	}
	b = append(b, `"header":`...)
	b = append(b, s.Unprotected...)
	if !flattened {
		b = append(b, "}]"...)
	}
	b = append(b, '}')
	err := lejp.Check(b, &serializationOpts)
	for _, limit := range lejpLimits {
		if errors.Is(err, limit) {
			return wrapCause(jose.ErrLimit, "unprotected header beyond ParseJSON's limits in the serialization", err)
		}
	}
	return nil // another error is the Writer's to report
}

// serializationOpts are the lejp options ParseJSON reads with (through
// jose.ParseObject).
var serializationOpts = lejp.Options{MaxDepth: jose.MaxDepth}

// lejpLimits are the lejp errors of input beyond a limit.
var lejpLimits = [...]error{lejp.ErrDepth, lejp.ErrNameTooLong, lejp.ErrNumberTooLong,
	lejp.ErrStringTooLong, lejp.ErrTooManyNames, lejp.ErrValueTooLarge}

func writeSignature(w *lejp.Writer, s *Signature) {
	if len(s.Protected) > 0 {
		w.Name("protected")
		w.StringBytes(s.Protected)
	}
	if s.Unprotected != nil {
		w.Name("header")
		w.Raw(s.Unprotected)
	}
	w.Name("signature")
	w.StringBytes(jose.AppendBase64URL(nil, s.Signature))
}
