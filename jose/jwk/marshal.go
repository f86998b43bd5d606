package jwk

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// member is one member to write: its name and its value, of one kind.
type member struct {
	name string
	kind valueKind
	s    string   // valString
	b    []byte   // valB64 (bytes to encode), valRaw (JSON)
	ss   []string // valStrings
	bs   [][]byte // valCerts (DER, written in standard base64)
}

type valueKind uint8

const (
	valString valueKind = iota
	valB64
	valRaw
	valStrings
	valCerts
)

func strVal(s string) member      { return member{kind: valString, s: s} }
func b64Val(b []byte) member      { return member{kind: valB64, b: b} }
func rawVal(v []byte) member      { return member{kind: valRaw, b: v} }
func strsVal(ss []string) member  { return member{kind: valStrings, ss: ss} }
func certsVal(bs [][]byte) member { return member{kind: valCerts, bs: bs} }

// writeValue writes m's value with w, encoding base64 in tmp, which it
// returns (grown) for the next member. long reports a string that came out
// longer than Parse reads (lejp.DefaultMaxStringLen between the quotes,
// escapes included).
func (m *member) writeValue(w *lejp.Writer, tmp []byte) (_ []byte, long bool) {
	switch m.kind {
	case valString:
		at := len(w.Bytes())
		w.String(m.s)
		long = tooLong(w, at)
	case valB64:
		tmp = jose.AppendBase64URL(tmp[:0], m.b)
		at := len(w.Bytes())
		w.StringBytes(tmp)
		long = tooLong(w, at)
	case valRaw:
		w.Raw(m.b)
	case valStrings:
		w.BeginArray()
		for _, s := range m.ss {
			at := len(w.Bytes())
			w.String(s)
			long = long || tooLong(w, at)
		}
		w.EndArray()
	case valCerts:
		w.BeginArray()
		for _, c := range m.bs {
			tmp = base64.StdEncoding.AppendEncode(tmp[:0], c)
			at := len(w.Bytes())
			w.StringBytes(tmp)
			long = long || tooLong(w, at)
		}
		w.EndArray()
	}
	return tmp, long
}

// tooLong reports whether the string w wrote from offset at (after the
// comma an array element gets) is longer than lejp.DefaultMaxStringLen
// between its quotes, which Parse refuses.
func tooLong(w *lejp.Writer, at int) bool {
	b := w.Bytes()[at:]
	if len(b) > 0 && b[0] == ',' {
		b = b[1:]
	}
	return len(b)-2 > lejp.DefaultMaxStringLen
}

// members lists what the key's JSON form holds, unsorted.
func (k *Key) members() []member {
	ms := make([]member, 0, 16)
	add := func(name string, v member) {
		v.name = name
		ms = append(ms, v)
	}
	add("kty", strVal(k.kty))
	switch p := k.pub.(type) {
	case *rsa.PublicKey:
		add("n", b64Val(p.N.Bytes()))
		add("e", b64Val(bigEndian(p.E)))
		if s, ok := k.prv.(*rsa.PrivateKey); ok {
			add("d", b64Val(s.D.Bytes()))
			add("p", b64Val(s.Primes[0].Bytes()))
			add("q", b64Val(s.Primes[1].Bytes()))
			add("dp", b64Val(s.Precomputed.Dp.Bytes()))
			add("dq", b64Val(s.Precomputed.Dq.Bytes()))
			add("qi", b64Val(s.Precomputed.Qinv.Bytes()))
		}
	case *ecdsa.PublicKey:
		x, y := ecCoords(p)
		add("crv", strVal(k.crv))
		add("x", b64Val(x))
		add("y", b64Val(y))
		if s, ok := k.prv.(*ecdsa.PrivateKey); ok {
			add("d", b64Val(ecPrivateBytes(s)))
		}
	case ed25519.PublicKey:
		add("crv", strVal(k.crv))
		add("x", b64Val(p))
		if s, ok := k.prv.(ed25519.PrivateKey); ok {
			add("d", b64Val(s.Seed()))
		}
	case *ecdh.PublicKey:
		add("crv", strVal(k.crv))
		add("x", b64Val(p.Bytes()))
		if s, ok := k.prv.(*ecdh.PrivateKey); ok {
			add("d", b64Val(s.Bytes()))
		}
	default:
		add("k", b64Val(k.sec))
	}
	if k.Kid != "" {
		add("kid", strVal(k.Kid))
	}
	if k.Alg != "" {
		add("alg", strVal(k.Alg))
	}
	if k.Use != "" {
		add("use", strVal(k.Use))
	}
	if k.KeyOps != nil {
		add("key_ops", strsVal(k.KeyOps))
	}
	if k.X5u != "" {
		add("x5u", strVal(k.X5u))
	}
	if len(k.X5c) > 0 {
		add("x5c", certsVal(k.X5c))
	}
	if k.X5t != nil {
		add("x5t", b64Val(k.X5t))
	}
	if k.X5tS256 != nil {
		add("x5t#S256", b64Val(k.X5tS256))
	}
	for _, m := range k.extra {
		if !slices.ContainsFunc(ms, func(x member) bool { return x.name == m.Name }) {
			add(m.Name, rawVal(m.Value))
		}
	}
	return ms
}

// AppendJSON appends the JWK to dst: every member, private ones included
// when the key has them, in lexicographic order of their names, with no
// whitespace. Use PublicKey first to write only the public half.
//
// Strings are written exactly or not at all: a metadata string that is
// not UTF-8 (Kid, Alg, Use, X5u, an element of KeyOps), which JSON could
// carry only as U+FFFD (another key ID), is an error wrapping
// jose.ErrMalformed and lejp.ErrInvalidUTF8, and dst is returned
// unchanged.
//
// What AppendJSON writes, Parse reads back as an equal key with the same
// metadata: the rules Parse applies to the metadata are checked first, by
// the same code, and a Key that breaks one is not written. X5t and
// X5tS256 must be 20 and 32 bytes; X5c entries must be X.509
// certificates (DER), the first one of this key, and X5t, X5tS256 its
// thumbprints; KeyOps must not repeat an operation or name one of another
// use than Use; KeyOps and X5c hold at most jose.MaxStrings elements; no
// member kept raw (Extra) may differ only in case from a metadata member
// written (Parse refuses such pairs); the key has at most jose.MaxMembers
// members, and no string longer than lejp.DefaultMaxStringLen (64 MiB) as
// JSON carries it, escapes included. The errors name the member and wrap the sentinel Parse uses
// for that rule (jose.ErrMalformed, jose.ErrLimit or jose.ErrKey). A Key
// without key material (the zero Key) is jose.ErrKey. "alg" and "use"
// values are not
// bound to the key type or to a list, as in Parse (RFC 7517 allows other
// values); CheckUse refuses a key whose Alg does not fit it.
func (k *Key) AppendJSON(dst []byte) ([]byte, error) {
	if k == nil {
		return dst, errNilKey
	}
	var w lejp.Writer
	w.Reset(dst)
	var tmp [256]byte
	if _, err := k.write(&w, tmp[:0], 0); err != nil {
		return dst, err
	}
	return w.Finish()
}

// write writes the JWK with w, given a scratch buffer, which it returns
// (grown) for the next key. outer is the number of arrays and objects the
// key object is written in (0 alone, 2 in a set's "keys"), which the
// nesting of its Extra members adds to.
func (k *Key) write(w *lejp.Writer, tmp []byte, outer int) ([]byte, error) {
	if k == nil {
		return tmp, errNilKey
	}
	if k.kty == "" {
		return tmp, fmt.Errorf(`jwk: key has no key material ("kty"); make it with Parse, New or Generate: %w`, jose.ErrKey)
	}
	if err := k.checkMeta(); err != nil {
		return tmp, err
	}
	ms := k.members()
	if len(ms) > jose.MaxMembers {
		return tmp, fmt.Errorf("jwk: key has more than %d members: %w", jose.MaxMembers, jose.ErrLimit)
	}
	for _, m := range k.extra {
		if err := rawDepth(m.Value, outer+1); err != nil {
			return tmp, fmt.Errorf("jwk: member %s: %w", jose.QuoteName(m.Name), err)
		}
	}
	return writeList(w, tmp, ms)
}

// rawDepth refuses a raw JSON value v that, written inside at arrays and
// objects, would take the document deeper than jose.MaxDepth, which Parse
// and ParseSet refuse (jose.ErrLimit): a value Parse kept in a JWK of its
// own may be two levels too deep for a JWK Set. Other errors in v are left
// to the Writer's strict check.
func rawDepth(v []byte, at int) error {
	if err := lejp.Check(v, &depthOpts[at]); errors.Is(err, lejp.ErrDepth) {
		return fmt.Errorf("value nested deeper than jose.MaxDepth (%d) in all: %w: %w", jose.MaxDepth, jose.ErrLimit, err)
	}
	return nil
}

// depthOpts[at] bounds the nesting of a value written inside at arrays and
// objects (at most 3: a set, its "keys", a key).
var depthOpts = func() (o [4]lejp.Options) {
	for at := range o {
		o[at].MaxDepth = jose.MaxDepth - at
	}
	return o
}()

// writeMembers writes the JWK with w without the rules write checks (tests
// use it to make JWKs that break them).
func (k *Key) writeMembers(w *lejp.Writer, tmp []byte) ([]byte, error) {
	return writeList(w, tmp, k.members())
}

// writeList writes members ms as a JSON object, sorted by name.
func writeList(w *lejp.Writer, tmp []byte, ms []member) ([]byte, error) {
	slices.SortFunc(ms, func(a, b member) int { return strings.Compare(a.name, b.name) })
	w.BeginObject()
	for i := range ms {
		m := &ms[i]
		w.Name(m.name)
		var long bool
		tmp, long = m.writeValue(w, tmp)
		if err := w.Err(); err != nil {
			return tmp, fmt.Errorf("jwk: writing member %s: %w: %w", jose.QuoteName(m.name), jose.ErrMalformed, err)
		}
		if long {
			return tmp, fmt.Errorf("jwk: member %s holds a string over %d bytes as JSON carries it, more than Parse reads: %w", jose.QuoteName(m.name), lejp.DefaultMaxStringLen, jose.ErrLimit)
		}
	}
	w.EndObject()
	return tmp, nil
}

// MarshalJSON returns AppendJSON(nil): the JWK, private material included
// when the key has it, or AppendJSON's error.
func (k *Key) MarshalJSON() ([]byte, error) { return k.AppendJSON(nil) }

// String returns a short description for logs, never the key material:
// "EC P-256 public key, kid \"k1\"", or "key without key material" for the
// zero Key, and "<nil>" for a nil *Key.
func (k *Key) String() string {
	if k == nil {
		return "<nil>"
	}
	s := k.describe()
	if k.kty == "" {
		s = "key without key material"
	} else if k.IsPrivate() {
		if k.kty == KeyTypeOct {
			s += " secret key"
		} else {
			s += " private key"
		}
	} else {
		s += " public key"
	}
	if k.Kid != "" {
		s += ", kid " + jose.QuoteName(k.Kid)
	}
	if k.Alg != "" {
		s += ", alg " + jose.QuoteName(k.Alg)
	}
	return s
}
