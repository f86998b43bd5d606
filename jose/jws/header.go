package jws

// This file turns a JOSE header into the decisions verification needs: the
// algorithm (checked against the allow-list), the "kid" for key selection,
// "b64", "crit", "typ" and an embedded "jwk".
//
// There are two readers of the protected header. The fast one scans the
// common case — an object whose members are only "alg", "kid", "typ" and
// "cty", all strings — with a reused lejp Decoder and copies what it needs
// into pooled buffers, so it allocates nothing. Anything else (another
// member, a value of another type, a syntax error) sends the header to
// jose.ParseHeader, the one strict header parser of the module, which also
// gives the caller a *jose.Header. The fast reader accepts a subset of what
// the slow one accepts and decides identically on it (FuzzHeaderPaths
// checks that).

import (
	"io"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// decision is what the header says, in the form verification needs.
type decision struct {
	selection
	b64 bool
	typ []byte       // the protected "typ", nil when there is none
	hdr *jose.Header // set by the slow path only
}

// fastHeader scans raw (a decoded protected header) into d. It reports
// false when the header is outside the fast subset; d is then meaningless
// and the caller must use slowHeader.
func (v *Verifier) fastHeader(st *state, raw []byte, d *decision) bool {
	dec := st.dec
	dec.ResetBytes(raw)
	tok, err := dec.ReadToken()
	if err != nil || tok.Kind != lejp.ObjectStart {
		return false
	}
	st.kid, st.typ = st.kid[:0], st.typ[:0]
	var hasAlg, hasTyp bool
	for {
		tok, err = dec.ReadToken()
		if err != nil {
			return false
		}
		if tok.Kind == lejp.ObjectEnd {
			break
		}
		var which byte
		switch string(tok.Value) {
		case "alg":
			which = 'a'
		case "kid":
			which = 'k'
		case "typ":
			which = 't'
		case "cty":
			which = 'c'
		default:
			return false
		}
		tok, err = dec.ReadToken()
		if err != nil || tok.Kind != lejp.String {
			return false
		}
		switch which {
		case 'a':
			a, err := lookupAlg(tok.Value)
			if err != nil {
				return false // the slow path words the error
			}
			d.alg, hasAlg = a, true
		case 'k':
			st.kid = append(st.kid, tok.Value...)
			d.hasKid = true
		case 't':
			st.typ = append(st.typ, tok.Value...)
			hasTyp = true
		}
	}
	if _, err := dec.ReadToken(); err != io.EOF || !hasAlg {
		return false
	}
	d.kid = st.kid
	d.typ = nil
	if hasTyp {
		d.typ = st.typ
	}
	d.b64 = true
	d.jwk = nil
	d.hdr = nil
	return true
}

// slowHeader applies the JWS rules to a parsed (and, for JSON
// serializations, joined) header.
func (v *Verifier) slowHeader(h *jose.Header, d *decision) error {
	d.hdr = h
	if err := headerRules(h); err != nil {
		return err
	}
	a, err := lookupAlg([]byte(h.Alg))
	if err != nil {
		return wrap(jose.ErrAlgorithm, "algorithm "+quote(h.Alg)+" is not supported")
	}
	d.alg = a
	if err := v.checkCrit(h); err != nil {
		return err
	}
	d.b64 = h.B64
	d.kid, d.hasKid = []byte(h.Kid), h.Has("kid")
	d.typ = nil
	if h.IsProtected("typ") {
		// only a signed "typ" types the token: an unprotected one (JSON
		// serializations) is anyone's to add (RFC 8725 §3.11)
		d.typ = []byte(h.Typ)
	}
	d.jwk = h.JWK
	return nil
}

// errNoAlg is the error of a header without "alg".
var errNoAlg = wrap(jose.ErrMalformed, `header has no "alg"`)

// headerRules applies to a signature's JOSE Header (for a JSON
// serialization, protected ∪ unprotected) the rules of RFC 7515 and RFC
// 7797 that hold whatever a Verifier's options: an "alg" member (RFC 7515
// §4.1.1; jose.ErrMalformed), and a "crit" and "b64" as checkCrit wants
// them (jose.ErrCrit) short of the extensions a caller understands, which
// it takes to be those "crit" lists. Parse, the Message writers
// (signatureHeader) and Verify (slowHeader, before its own checks of the
// algorithm and of the extensions understood) all apply it, so one header
// gets one error from each. What only the caller's options decide (the
// algorithms allowed, "none", the extensions understood, "typ", "kid") is
// left to Verify, so that Parse still reads such a token for inspection.
func headerRules(h *jose.Header) error {
	if !h.Has("alg") {
		return errNoAlg
	}
	return checkCrit(h, h.Crit)
}

// checkCrit enforces RFC 7515 §4.1.11 and RFC 7797 §6: "crit" only in the
// protected header (jose.Join already refuses it elsewhere), well formed,
// naming only understood extensions present in the protected header; and a
// "b64" member only together with a "crit" listing it.
func (v *Verifier) checkCrit(h *jose.Header) error {
	return checkCrit(h, append([]string{"b64"}, v.cfg.crit...))
}

// checkCrit is Verifier.checkCrit with the extensions understood given; a
// Signer checks its own header with the names its "crit" lists, since RFC
// 7515 §4.1.11 and RFC 7797 §6 bind producers as well.
func checkCrit(h *jose.Header, understood []string) error {
	if h.Has("crit") {
		if !h.IsProtected("crit") {
			return wrap(jose.ErrCrit, `"crit" must be in the protected header`)
		}
		if err := jose.CheckCrit(h.Crit, h.IsProtected, understood); err != nil {
			return err
		}
	}
	if h.Has("b64") {
		if !h.IsProtected("b64") {
			return wrap(jose.ErrCrit, `"b64" must be in the protected header`)
		}
		listed := false
		for _, c := range h.Crit {
			listed = listed || c == "b64"
		}
		if !listed {
			return wrap(jose.ErrCrit, `"b64" requires "crit" to list it (RFC 7797 §6)`)
		}
	}
	return nil
}

// notAllowed is the error for a token of algorithm alg, one of
// Algorithms, at a Verifier that allows only the algorithms listed in
// allowed (joined by ", ").
func notAllowed(alg, allowed string) error {
	return wrap(jose.ErrAlgorithm, "the token's algorithm "+alg+" is not one the Verifier allows ("+allowed+")")
}

// checkDecision applies the caller's policy: algorithm allowed, "typ".
func (v *Verifier) checkDecision(d *decision) error {
	d.ai = v.algIndex(d.alg.name())
	if d.ai < 0 {
		// The name is one of Algorithms (lookupAlg refused any other), not
		// the token's bytes; the error was made with the Verifier.
		if err := v.refused[d.alg.name()]; err != nil {
			return err
		}
		return notAllowed(d.alg.name(), strings.Join(v.algs, ", "))
	}
	if v.cfg.hasTyp {
		if d.typ == nil || !typMatches(d.typ, v.cfg.typ) {
			return wrap(jose.ErrMalformed, `protected "typ" is not `+quote(v.cfg.typ))
		}
	}
	return nil
}

// typMatches compares media types as RFC 7515 §4.1.9 says: ASCII
// case-insensitively, a value without '/' read as if "application/" were
// prepended — so both sides drop an "application/" prefix followed by no
// other '/'.
func typMatches(got []byte, want string) bool {
	g, w := shortType(string(got)), shortType(want)
	return len(g) == len(w) && equalFold(g, w)
}

// shortType drops an "application/" prefix (any case) from a media type
// whose remainder has no '/'.
func shortType(t string) string {
	const app = "application/"
	if len(t) >= len(app) && equalFold(t[:len(app)], app) && strings.IndexByte(t[len(app):], '/') < 0 {
		return t[len(app):]
	}
	return t
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
