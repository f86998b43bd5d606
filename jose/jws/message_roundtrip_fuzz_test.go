package jws

import (
	"bytes"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// FuzzMessageRoundTrip builds Messages from fuzz data — headers valid or
// not, protected or not, in agreement with each other and with the
// message's "b64" or not, a Header derived, borrowed or absent — writes
// each with Compact, JSON and flattened JSON, and requires every
// serialization a writer returns to parse back to an equal Message
// (sameMessage) that writes the same bytes again, and every refusal to be
// jose.ErrMalformed or jose.ErrLimit.
func FuzzMessageRoundTrip(f *testing.F) {
	f.Add(`{"alg":"HS256"}`, `{"kid":"a"}`, []byte{1}, `{"alg":"ES256","kid":"b"}`, ``, []byte{2}, []byte("hello"), uint16(0x0003))
	f.Add(`{"alg":"HS256","b64":false,"crit":["b64"]}`, ``, []byte{1}, `{"alg":"HS256"}`, ``, []byte{2}, []byte("a.b"), uint16(0x0043))
	f.Add(`{"alg":"HS256"}`, `{}`, []byte{1}, `{"alg":"HS256"}`, `{"alg":"x"}`, []byte{2}, []byte(""), uint16(0x0123))
	f.Add(`{}`, ` {"x":1}`, []byte{}, `not json`, `[1]`, []byte{2}, []byte("p"), uint16(0xffff))
	f.Add(`{"alg":"HS256"}`, `{"crit":["b64"]}`, []byte{1}, `{"alg":"HS256"}`, `{"b64":true}`, []byte{2}, []byte("p"), uint16(0x0203))
	// headers no Verifier accepts: no "alg"; a "crit" naming a member the
	// header lacks, or has only unprotected
	f.Add(`{"typ":"JWT"}`, ``, []byte{1}, `{"alg":"HS256"}`, ``, []byte{2}, []byte("p"), uint16(0x0003))
	f.Add(`{"alg":"HS256","crit":["exp"]}`, `{"exp":1}`, []byte{1}, `{"alg":"HS256","crit":["exp"]}`, ``, []byte{2}, []byte("p"), uint16(0x0007))
	// the other header rules: a "crit" empty, repeating a name, listing
	// an empty or registered name; a "b64" not listed in "crit" (protected
	// or not); "alg" only in the unprotected header, which is enough
	f.Add(`{"alg":"HS256","crit":[]}`, ``, []byte{1}, `{"alg":"HS256"}`, ``, []byte{2}, []byte("p"), uint16(0x0003))
	f.Add(`{"alg":"HS256","crit":["exp","exp"],"exp":1}`, ``, []byte{1}, `{"alg":"HS256"}`, ``, []byte{2}, []byte("p"), uint16(0x0103))
	f.Add(`{"alg":"HS256","crit":[""]}`, ``, []byte{1}, `{"alg":"HS256"}`, ``, []byte{2}, []byte("p"), uint16(0x0103))
	f.Add(`{"alg":"HS256","crit":["alg"]}`, ``, []byte{1}, `{"alg":"HS256"}`, ``, []byte{2}, []byte("p"), uint16(0x0103))
	f.Add(`{"alg":"HS256","b64":false}`, ``, []byte{1}, `{"alg":"HS256","b64":false}`, ``, []byte{2}, []byte("a.b"), uint16(0x0043))
	f.Add(`{"alg":"HS256","crit":["b64"]}`, `{"b64":false}`, []byte{1}, `{"alg":"HS256"}`, ``, []byte{2}, []byte("p"), uint16(0x0147))
	f.Add(`{"kid":"a"}`, `{"alg":"HS256"}`, []byte{1}, `{"alg":"HS256"}`, ``, []byte{2}, []byte("p"), uint16(0x0117))
	f.Fuzz(func(t *testing.T, prot1, unprot1 string, sig1 []byte, prot2, unprot2 string, sig2, payload []byte, flags uint16) {
		bit := func(i uint) bool { return flags&(1<<i) != 0 }
		m := &Message{b64: !bit(6), detached: bit(7)}
		if !m.detached {
			m.payload = payload
			if m.b64 {
				m.payload = jose.AppendBase64URL(nil, payload)
			}
		}
		build := func(prot, unprot string, sig []byte, enc, hasUnprot, derive bool) *Signature {
			s := &Signature{Signature: sig}
			if prot != "" {
				s.Protected = []byte(prot)
				if enc {
					s.Protected = jose.AppendBase64URL(nil, []byte(prot))
				}
			}
			if hasUnprot {
				s.Unprotected = []byte(unprot)
			}
			if derive {
				s.Header, _ = signatureHeader(s.Protected, s.Unprotected)
			}
			return s
		}
		m.Signatures = append(m.Signatures, build(prot1, unprot1, sig1, bit(0), bit(2), bit(4)))
		if !bit(8) {
			m.Signatures = append(m.Signatures, build(prot2, unprot2, sig2, bit(1), bit(3), bit(5)))
		}
		if bit(9) && len(m.Signatures) == 2 { // a Header borrowed from the other signature
			m.Signatures[0].Header = m.Signatures[1].Header
		}
		if bit(10) {
			m.Signatures = append(m.Signatures, nil)
		}
		for _, w := range []struct {
			form  Form
			write func(*Message) ([]byte, error)
		}{
			{FormCompact, (*Message).Compact},
			{FormGeneral, func(m *Message) ([]byte, error) { return m.JSON(false) }},
			{FormFlattened, func(m *Message) ([]byte, error) { return m.JSON(true) }},
		} {
			out, err := w.write(m)
			if err != nil {
				if !errors.Is(err, jose.ErrMalformed) && !errors.Is(err, jose.ErrLimit) {
					t.Fatalf("form %d: %v is neither jose.ErrMalformed nor jose.ErrLimit", w.form, err)
				}
				continue
			}
			p, err := Parse(out)
			if err != nil {
				t.Fatalf("form %d wrote %q, which Parse refuses: %v", w.form, out, err)
			}
			if p.Form != w.form {
				t.Fatalf("form %d wrote %q, which Parse reads as form %d", w.form, out, p.Form)
			}
			if why := sameMessage(m, p); why != "" {
				t.Fatalf("form %d wrote %q, which Parse reads back with another %s", w.form, out, why)
			}
			again, err := w.write(p)
			if err != nil || !bytes.Equal(again, out) {
				t.Fatalf("form %d: the parsed message writes %q, %v; want %q", w.form, again, err, out)
			}
		}
	})
}

// sameMessage says what differs between m and p, a message Parse read from
// m's serialization, or returns "". The compact form's empty payload part
// is read as detached, so there an empty attached payload and a detached
// one are the same.
func sameMessage(m, p *Message) string {
	switch {
	case m.b64 != p.b64:
		return `"b64"`
	case !bytes.Equal(m.payload, p.payload):
		return "payload"
	case m.detached != p.detached && !(p.Form == FormCompact && len(m.payload) == 0):
		return "detachment"
	case len(m.Signatures) != len(p.Signatures):
		return "number of signatures"
	}
	for i, s := range m.Signatures {
		q := p.Signatures[i]
		switch {
		case !bytes.Equal(s.Protected, q.Protected):
			return "protected header"
		case !bytes.Equal(s.Unprotected, q.Unprotected) || (s.Unprotected == nil) != (q.Unprotected == nil):
			return "unprotected header"
		case !bytes.Equal(s.Signature, q.Signature):
			return "signature value"
		case s.Header != nil && !sameHeader(s.Header, q.Header):
			return "Header"
		}
	}
	return ""
}
