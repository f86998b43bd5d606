package jose

import (
	"encoding/base64"
	"slices"
	"strings"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// Header is a JOSE header (RFC 7515 §4, RFC 7516 §4): the registered
// parameters typed, every other member kept raw, and the exact bytes it was
// parsed from.
//
// A parameter that is absent has its zero value; Has tells an absent
// parameter from an empty one. ParseHeader rejects a registered parameter of
// the wrong JSON type, so a Header never holds a half-understood value.
type Header struct {
	// Raw is the exact JSON text the header was parsed from (for a
	// protected header, the base64url-decoded bytes). Signatures and MACs
	// are computed over the encoded form of these bytes, never a
	// re-encoding.
	Raw []byte

	Alg string // "alg" (RFC 7515 §4.1.1)
	Kid string // "kid" (§4.1.4)
	Typ string // "typ" (§4.1.9)
	Cty string // "cty" (§4.1.10)
	// Crit is "crit" (§4.1.11): a non-empty array of strings. Enforce it
	// with CheckCrit, and only in a protected header.
	Crit []string
	// B64 is the RFC 7797 "b64" parameter; true when absent from a header
	// made by ParseHeader, ParseProtected or Join (the zero Header has
	// false).
	B64 bool
	Jku string // "jku" (§4.1.2): never fetched by this package
	X5u string // "x5u" (§4.1.5): never fetched by this package
	// JWK is the raw JSON object of "jwk" (§4.1.3). It is not trusted by
	// anything in lwscrypto; see jwk.Parse to read it.
	JWK []byte
	// X5c is "x5c" (§4.1.6): DER certificates, decoded from standard
	// (not URL) base64, leaf first. They are bytes only: ParseHeader
	// neither parses them as X.509 nor checks the chain or that it
	// carries the signing key (jwk.Parse does the latter for a JWK's
	// "x5c"); validating a header's chain belongs to package x509
	// (DESIGN.md; not written yet), and nothing in jose trusts it.
	X5c [][]byte
	// X5t and X5tS256 are "x5t" (20 bytes) and "x5t#S256" (32 bytes),
	// decoded.
	X5t, X5tS256 []byte

	// JWE parameters (RFC 7516 §4.1, RFC 7518 §4.6–4.8).
	Enc string // "enc"
	Zip string // "zip"
	EPK []byte // "epk": raw JSON object
	// Apu, Apv, IV, Tag and P2s are decoded from base64url.
	Apu, Apv, IV, Tag, P2s []byte
	// P2c is "p2c", a positive integer; 0 when absent.
	P2c int64

	members   []Member
	protected []bool // parallel to members, set by Join
	// index holds the positions in members sorted by name, for a header
	// of more than foldScan members (nil for a smaller one, which is
	// searched in order): Get, Has and IsProtected, called once per name
	// of a long "crit" (CheckCrit's present), then cost O(log members),
	// not O(members). Four bytes a member: a map cost 13 times that
	// (TestHeaderAllocationBound).
	index []int32
}

// indexMembers sets h.index for a header of more than foldScan members.
// The names are distinct (ParseObject, Join).
func (h *Header) indexMembers() {
	if len(h.members) <= foldScan {
		return
	}
	index := make([]int32, len(h.members))
	for i := range index {
		index[i] = int32(i)
	}
	members := h.members
	slices.SortFunc(index, func(a, b int32) int {
		return strings.Compare(members[a].Name, members[b].Name)
	})
	h.index = index
}

// find returns the position of the member named name in h.members, or -1.
func (h *Header) find(name string) int {
	if h.index != nil {
		members := h.members
		i, ok := slices.BinarySearchFunc(h.index, name, func(p int32, name string) int {
			return strings.Compare(members[p].Name, name)
		})
		if !ok {
			return -1
		}
		return int(h.index[i])
	}
	for i, m := range h.members {
		if nameEqual(m.Name, name) {
			return i
		}
	}
	return -1
}

// headerCheck describes how a registered parameter is typed and stored.
type headerCheck func(h *Header, m Member) error

func str(dst func(h *Header) *string) headerCheck {
	return func(h *Header, m Member) error {
		s, err := m.String()
		if err != nil {
			return err
		}
		*dst(h) = s
		return nil
	}
}

func b64u(dst func(h *Header) *[]byte, size int) headerCheck {
	return func(h *Header, m Member) error {
		b, err := m.Base64URL()
		if err != nil {
			return err
		}
		if size > 0 && len(b) != size {
			return errorf(ErrMalformed, nil, "member %s must be %d bytes, got %d", quote(m.Name), size, len(b))
		}
		*dst(h) = b
		return nil
	}
}

func object(dst func(h *Header) *[]byte) headerCheck {
	return func(h *Header, m Member) error {
		if m.Kind() != KindObject {
			return m.typeErr("an object")
		}
		*dst(h) = m.Value
		return nil
	}
}

var headerChecks = map[string]headerCheck{
	"alg": str(func(h *Header) *string { return &h.Alg }),
	"kid": str(func(h *Header) *string { return &h.Kid }),
	"typ": str(func(h *Header) *string { return &h.Typ }),
	"cty": str(func(h *Header) *string { return &h.Cty }),
	"jku": str(func(h *Header) *string { return &h.Jku }),
	"x5u": str(func(h *Header) *string { return &h.X5u }),
	"enc": str(func(h *Header) *string { return &h.Enc }),
	"zip": str(func(h *Header) *string { return &h.Zip }),
	"crit": func(h *Header, m Member) error {
		c, err := m.Strings()
		if err != nil {
			return critMalformed{err}
		}
		h.Crit = c
		return nil
	},
	"b64": func(h *Header, m Member) error {
		b, err := m.Bool()
		h.B64 = b
		return err
	},
	"jwk":      object(func(h *Header) *[]byte { return &h.JWK }),
	"epk":      object(func(h *Header) *[]byte { return &h.EPK }),
	"x5t":      b64u(func(h *Header) *[]byte { return &h.X5t }, 20),
	"x5t#S256": b64u(func(h *Header) *[]byte { return &h.X5tS256 }, 32),
	"apu":      b64u(func(h *Header) *[]byte { return &h.Apu }, 0),
	"apv":      b64u(func(h *Header) *[]byte { return &h.Apv }, 0),
	"iv":       b64u(func(h *Header) *[]byte { return &h.IV }, 0),
	"tag":      b64u(func(h *Header) *[]byte { return &h.Tag }, 0),
	"p2s":      b64u(func(h *Header) *[]byte { return &h.P2s }, 0),
	"p2c": func(h *Header, m Member) error {
		n, err := m.Int()
		if err != nil {
			return err
		}
		if n <= 0 {
			return errorf(ErrMalformed, nil, `"p2c" must be a positive integer`)
		}
		h.P2c = n
		return nil
	},
	"x5c": func(h *Header, m Member) error {
		certs, err := m.Strings()
		if err != nil {
			return err
		}
		if len(certs) == 0 {
			return errorf(ErrMalformed, nil, `"x5c" is empty`)
		}
		h.X5c = make([][]byte, len(certs))
		for i, c := range certs {
			// RFC 7515 §4.1.6: base64 (RFC 4648 §4), not base64url, with padding.
			// The decoder skips line breaks even when strict: refuse them first.
			if len(c) == 0 || strings.ContainsAny(c, "\r\n") {
				return errorf(ErrMalformed, nil, `"x5c" certificate %d is not base64`, i)
			}
			if h.X5c[i], err = base64.StdEncoding.Strict().DecodeString(c); err != nil {
				return errorf(ErrMalformed, nil, `"x5c" certificate %d is not base64`, i)
			}
		}
		return nil
	},
}

// critMalformed is the error of a "crit" that is not an array of strings:
// ErrCrit, as its godoc says of a malformed "crit", besides the error of
// Strings (ErrMalformed, or ErrLimit), with that error's message.
type critMalformed struct{ err error }

func (e critMalformed) Error() string   { return e.err.Error() }
func (e critMalformed) Unwrap() []error { return []error{e.err, ErrCrit} }

// ParseHeader parses a JOSE header from its JSON text: for a protected
// header the base64url-decoded bytes (see ParseProtected), for an
// unprotected one the "header" object of a JSON serialization.
//
// Parsing is strict: the text must be one JSON object (lejp, depth ≤
// MaxDepth); duplicate names, and names that differ only in case (see
// ParseObject), are ErrMalformed (catalog row 20); a registered parameter of
// the wrong type ("alg" not a string, "crit" not an array of strings, "b64"
// not a boolean, "x5t" not 20 bytes of base64url…) is ErrMalformed, and a
// "crit" that is not an array of strings also ErrCrit. Unknown members are
// kept raw (Get). JSON syntax errors wrap *lejp.SyntaxError.
//
// ParseHeader checks types only. Whether "alg" is acceptable, whether "crit"
// is understood (CheckCrit) and which parameters must be protected are
// decisions of the JWS and JWE layers.
//
// The Header keeps raw, without a copy: Raw, JWK, EPK and the values Get
// and Members return alias it, so raw must not be changed while the Header
// is in use (ParseProtected decodes into a new buffer).
func ParseHeader(raw []byte) (*Header, error) {
	o, err := ParseObject(raw)
	if err != nil {
		return nil, err
	}
	h := &Header{Raw: raw, B64: true, members: o.Members}
	h.indexMembers()
	for _, m := range o.Members {
		if check := headerChecks[m.Name]; check != nil {
			if err := check(h, m); err != nil {
				return nil, err
			}
		}
	}
	return h, nil
}

// ParseProtected decodes a base64url protected header (strictly, see
// DecodeBase64URL) and parses it with ParseHeader. Raw holds the decoded
// bytes.
func ParseProtected(b64 []byte) (*Header, error) {
	raw, err := DecodeBase64URL(b64)
	if err != nil {
		return nil, within("protected header", err)
	}
	return ParseHeader(raw)
}

// Has reports whether the header has a member named name.
func (h *Header) Has(name string) bool {
	_, ok := h.Get(name)
	return ok
}

// Get returns the raw JSON value of the member named name.
func (h *Header) Get(name string) ([]byte, bool) {
	if h == nil {
		return nil, false
	}
	if i := h.find(name); i >= 0 {
		return h.members[i].Value, true
	}
	return nil, false
}

// Members returns every member in input order (for a joined header, the
// protected members first), with raw values; nil for a nil header.
func (h *Header) Members() []Member {
	if h == nil {
		return nil
	}
	return slices.Clone(h.members)
}

// IsProtected reports whether the member named name came from the protected
// header. For a header made by ParseHeader that is every member it has; for
// one made by Join, only those of the protected part. A nil header has no
// members.
func (h *Header) IsProtected(name string) bool {
	if h == nil {
		return false
	}
	if i := h.find(name); i >= 0 {
		return h.protected == nil || h.protected[i]
	}
	return false
}

// Join combines the protected and the unprotected header of one signature or
// recipient of a JWS or JWE JSON serialization (RFC 7515 §7.2.1, RFC 7516
// §7.2.1) into the JOSE Header, whose members are their union. A name present
// in both is ErrMalformed (also when the two differ only in case); more than
// MaxMembers members in all is ErrLimit. Either may be nil. Raw of the
// result is the protected header's Raw.
//
// "crit" and "b64" found only in the unprotected part are ErrCrit: RFC 7515
// §4.1.11 and RFC 7797 §6 require them to be integrity protected (catalog
// rows 17 and 18). Use IsProtected for any other parameter a caller needs
// protected. A header made by Join may be joined again: its members keep
// whether they were protected.
func Join(protected, unprotected *Header) (*Header, error) {
	if protected == nil && unprotected == nil {
		return nil, errorf(ErrMalformed, nil, "no header")
	}
	out := &Header{B64: true}
	var pm, um []Member
	if protected != nil {
		out.Raw = protected.Raw
		pm = protected.members
	}
	if unprotected != nil {
		um = unprotected.members
	}
	if len(pm)+len(um) > MaxMembers {
		return nil, errorf(ErrLimit, nil, "header has more than %d members", MaxMembers)
	}
	// The names of each part are already distinct (ParseHeader); checking
	// each unprotected name against the protected ones through a foldIndex
	// costs O(n·L) for n names of length L.
	var folded foldIndex
	for _, u := range um {
		if folded == nil && len(pm) >= foldScan {
			folded = make(foldIndex, len(pm))
			for i, p := range pm {
				folded[foldHash(p.Name)] = int32(i)
			}
		}
		clash := false
		if folded != nil {
			if i, ok := folded[foldHash(u.Name)]; ok {
				p := pm[i].Name
				clash = foldCompare(p, u.Name)
				if !clash { // two names with one hash: 2^-64 odds
					_, clash = scanFold(pm, u.Name)
				}
			}
		} else {
			_, clash = scanFold(pm, u.Name)
		}
		if clash {
			return nil, errorf(ErrMalformed, nil, "header parameter %s is both protected and unprotected", quote(u.Name))
		}
		if u.Name == "crit" || u.Name == "b64" {
			return nil, errorf(ErrCrit, nil, "%s must be in the protected header", quote(u.Name))
		}
	}
	out.members = make([]Member, 0, len(pm)+len(um))
	out.protected = make([]bool, 0, len(pm)+len(um))
	for i, m := range pm {
		// A joined header given as the protected part keeps its
		// unprotected members unprotected.
		out.members = append(out.members, m)
		out.protected = append(out.protected, protected.protected == nil || protected.protected[i])
	}
	for _, m := range um {
		out.members = append(out.members, m)
		out.protected = append(out.protected, false)
	}
	out.indexMembers()
	for _, m := range out.members {
		if check := headerChecks[m.Name]; check != nil {
			if err := check(out, m); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// foldCompare is strings.EqualFold, the relation encoding/json matches
// names to fields by; tests replace it to count the bytes the case-variant
// checks compare.
var foldCompare = strings.EqualFold

// AppendJSON appends the header as a JSON object to dst: every member in
// order (for a joined header, protected ones first), names escaped anew and
// values exactly as received, with no whitespace between members. It is a
// re-encoding: sign and verify over Raw, never over this.
//
// It writes through a strict lejp.Writer: a member name that is not UTF-8,
// a name that repeats, or a value that is not one strict JSON value is an
// error wrapping ErrMalformed and the lejp cause (lejp.ErrInvalidUTF8,
// lejp.ErrDuplicateName, …), and dst is returned unchanged. A Header from
// ParseHeader, ParseProtected or Join never has one: the check is a guard
// that keeps the output strict JSON.
func (h *Header) AppendJSON(dst []byte) ([]byte, error) {
	var w lejp.Writer
	w.Reset(dst)
	w.BeginObject()
	for _, m := range h.members {
		w.Name(m.Name)
		w.Raw(m.Value)
	}
	w.EndObject()
	out, err := w.Finish()
	if err != nil {
		return dst, errorf(ErrMalformed, []error{err}, "writing header")
	}
	return out, nil
}
