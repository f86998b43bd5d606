package jwt

import (
	"time"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// ClaimSet is a claims set to sign. Zero fields are left out.
type ClaimSet struct {
	Issuer  string // "iss"
	Subject string // "sub"
	// Audience is "aud": one value is written as a string (also ""),
	// several as an array (RFC 7519 §4.1.3).
	Audience []string
	// The times are written in whole seconds, rounded so that the token
	// is never valid outside them: "exp" down, "nbf" up, "iat" down.
	ExpiresAt time.Time // "exp"
	NotBefore time.Time // "nbf"
	IssuedAt  time.Time // "iat"
	ID        string    // "jti"
	// Extra holds further claims with raw JSON values, written in order
	// after the registered ones: each Value is the claim's JSON as it is
	// to appear, so a string keeps its quotes
	// (jose.Member{Name: "role", Value: []byte(`"admin"`)}). StringClaim,
	// IntClaim, BoolClaim and JSONClaim build them from Go values. A name
	// that repeats a registered claim set above, or another Extra name, is
	// an error naming the claim, as is a Value that is not one JSON value.
	Extra []jose.Member
}

// AppendJSON appends the claims set as a JSON object. What it writes is what
// verification accepts: a string or Extra name that is not UTF-8 (which
// JSON would carry as U+FFFD, another value than the one given), a date
// beyond ±2^53 seconds or more than jose.MaxStrings audiences is an error,
// a string longer than lejp.DefaultMaxStringLen (64 MiB) as JSON carries
// it (escapes included) is jose.ErrLimit, and with
// Extra claims the result is checked with the strict reader verification
// uses (a bad raw value or a repeated name is an error). A nil cs is an
// error wrapping jose.ErrMalformed.
func (cs *ClaimSet) AppendJSON(dst []byte) ([]byte, error) {
	if cs == nil {
		return dst, errNilClaimSet
	}
	if err := cs.check(); err != nil {
		return dst, err
	}
	var w lejp.Writer
	w.Reset(dst)
	start := len(dst)
	w.BeginObject()
	// The claims reader bounds a string as JSON carries it, escapes
	// included: measured on the output, as written.
	long := false
	value := func(v string) {
		at := len(w.Bytes())
		w.String(v)
		b := w.Bytes()[at:]
		if len(b) > 0 && b[0] == ',' { // in an array, after the first
			b = b[1:]
		}
		long = long || len(b)-2 > lejp.DefaultMaxStringLen
	}
	str := func(name, v string) {
		if v != "" {
			w.Name(name)
			value(v)
		}
	}
	date := func(name string, t time.Time) {
		if !t.IsZero() {
			w.Name(name)
			w.Int(seconds(name, t))
		}
	}
	str("iss", cs.Issuer)
	str("sub", cs.Subject)
	switch len(cs.Audience) {
	case 0:
	case 1:
		w.Name("aud")
		value(cs.Audience[0])
	default:
		w.Name("aud")
		w.BeginArray()
		for _, a := range cs.Audience {
			value(a)
		}
		w.EndArray()
	}
	date("exp", cs.ExpiresAt)
	date("nbf", cs.NotBefore)
	date("iat", cs.IssuedAt)
	str("jti", cs.ID)
	for i := range cs.Extra {
		m := &cs.Extra[i]
		failed := w.Err() != nil
		w.Name(m.Name)
		if err := w.Err(); err != nil && !failed {
			return dst, extraError(m.Name, err, false)
		}
		w.Raw(m.Value)
		if err := w.Err(); err != nil && !failed {
			return dst, extraError(m.Name, err, true)
		}
	}
	w.EndObject()
	out, err := w.Finish()
	if err != nil {
		return dst, syntax(err) // an Extra value over a lejp limit is ErrLimit
	}
	if long {
		return dst, errLongString
	}
	if len(cs.Extra) > 0 {
		// Raw values from the caller: check the whole object with the
		// reader verification uses. Without them the writer's output is
		// valid by construction (typed values, distinct names).
		var c Claims
		c.Raw = out[start:]
		if err := c.parse(); err != nil {
			return dst, err
		}
	}
	return out, nil
}

var errNilClaimSet = wrap(jose.ErrMalformed, "the *ClaimSet is nil: sign &ClaimSet{} for a token without claims")

// check refuses the registered claims that the claims reader would refuse
// or read as other values.
func (cs *ClaimSet) check() error {
	for _, c := range [...]struct{ name, v string }{{"iss", cs.Issuer}, {"sub", cs.Subject}, {"jti", cs.ID}} {
		if !utf8.ValidString(c.v) {
			return wrap(jose.ErrMalformed, jose.QuoteName(c.name)+" is not UTF-8")
		}
	}
	for _, m := range cs.Extra {
		if !utf8.ValidString(m.Name) {
			return wrap(jose.ErrMalformed, "claim name "+jose.QuoteName(m.Name)+" is not UTF-8")
		}
	}
	if len(cs.Audience) > maxAud {
		return errTooManyAud
	}
	for _, a := range cs.Audience {
		if !utf8.ValidString(a) {
			return wrap(jose.ErrMalformed, `"aud" is not UTF-8`)
		}
	}
	for _, d := range [...]struct {
		name string
		t    time.Time
	}{{"exp", cs.ExpiresAt}, {"nbf", cs.NotBefore}, {"iat", cs.IssuedAt}} {
		if u := seconds(d.name, d.t); !d.t.IsZero() && (u > maxDate || u < -maxDate) {
			return claimError(errDateRange, d.name)
		}
	}
	return nil
}

// seconds returns the NumericDate ClaimSet writes for the claim name at t:
// t in whole seconds, rounded up for "nbf" and down otherwise.
func seconds(name string, t time.Time) int64 {
	u := t.Unix()
	if name == "nbf" && t.Nanosecond() != 0 {
		u++
	}
	return u
}

// Signer signs claims sets with one key. It is safe for concurrent use.
// The zero Signer (one not made by NewSigner), and a nil *Signer, have no
// key: AppendSign and AppendSignJSON return an error wrapping jose.ErrKey.
type Signer struct {
	s *jws.Signer
}

// NewSigner prepares a signer; a key.Key that is nil is an error wrapping
// jose.ErrKey (as is a typed nil key, from jws.NewSigner). The header gets "typ": "JWT" unless the key
// names a type itself: key.Type, a "typ" in key.Protected, or key.Header. A
// "cty" of "JWT" is refused (jose.ErrMalformed): it would label the claims
// set a nested JWT, which Verifier refuses. So is a "crit" listing any
// extension but "b64" (jose.ErrCrit): Verifier returns no header through
// which such an extension could be processed, so it refuses every token
// that has one. A JWT is compact, which has no unprotected header:
// key.Unprotected must be empty (jose.ErrMalformed).
func NewSigner(key jws.SigningKey) (*Signer, error) {
	if key.Key == nil {
		return nil, errNoKey
	}
	if len(key.Unprotected) > 0 {
		return nil, errUnprotected
	}
	if key.Type == "" && key.Header == nil && !hasMember(key.Protected, "typ") {
		key.Type = "JWT"
	}
	s, err := jws.NewSigner(key, nil)
	if err != nil {
		return nil, err
	}
	if err := checkSignerHeader(key); err != nil {
		return nil, err
	}
	return &Signer{s: s}, nil
}

var errNoKey = wrap(jose.ErrKey, "SigningKey.Key is nil")

var errUnprotected = wrap(jose.ErrMalformed, "SigningKey.Unprotected must be empty: a JWT is compact, which has no unprotected header (RFC 7519 §7.1)")

// checkSignerHeader refuses, in the protected header key describes (valid:
// jws.NewSigner has accepted it), what Verifier refuses in every token: a
// "cty" saying the payload is a JWT, and a "crit" naming an extension
// other than "b64".
func checkSignerHeader(key jws.SigningKey) error {
	var crit []string
	nested := nestedType(key.ContentType)
	if key.Header != nil {
		h, err := jose.ParseHeader(key.Header)
		if err != nil {
			return wrapCause(jose.ErrMalformed, "protected header", err)
		}
		nested = h.Has("cty") && nestedType(h.Cty)
		crit = h.Crit
	}
	for _, m := range key.Protected {
		switch m.Name {
		case "cty":
			s, err := m.String()
			nested = nested || err == nil && nestedType(s)
		case "crit":
			crit, _ = m.Strings()
		}
	}
	if nested {
		return errNested
	}
	for _, c := range crit {
		if c != "b64" {
			return wrap(jose.ErrCrit, "extension "+jose.QuoteName(c)+" is critical, and Verifier refuses every token with a critical extension but \"b64\" (it returns no header to process one)")
		}
	}
	return nil
}

// hasMember reports whether ms has a member named name.
func hasMember(ms []jose.Member, name string) bool {
	for _, m := range ms {
		if m.Name == name {
			return true
		}
	}
	return false
}

// AppendSign appends the compact JWT of cs to dst. A nil cs is an error
// wrapping jose.ErrMalformed.
func (s *Signer) AppendSign(dst []byte, cs *ClaimSet) ([]byte, error) {
	if s == nil || s.s == nil { // set by NewSigner alone
		return dst, errZeroSigner
	}
	var buf [512]byte
	payload, err := cs.AppendJSON(buf[:0])
	if err != nil {
		return dst, err
	}
	return s.s.AppendCompact(dst, payload)
}

// AppendSignJSON appends the compact JWT of a claims set given as JSON,
// which must pass the strict claims reader (one object, no duplicate or
// case-variant names, registered claims of the right types).
func (s *Signer) AppendSignJSON(dst, claims []byte) ([]byte, error) {
	if s == nil || s.s == nil {
		return dst, errZeroSigner
	}
	c := Claims{Raw: claims}
	if err := c.parse(); err != nil {
		return dst, err
	}
	return s.s.AppendCompact(dst, claims)
}

var errZeroSigner = wrap(jose.ErrKey, "the Signer was not made by NewSigner: it has no key")

// Sign returns the compact JWT of cs signed with key (a nil cs is an
// error wrapping jose.ErrMalformed, a nil key.Key one wrapping
// jose.ErrKey). It checks the key and
// builds the header on every call: to issue many tokens with one key, make
// a Signer once with NewSigner and call AppendSign.
func Sign(cs *ClaimSet, key jws.SigningKey) ([]byte, error) {
	s, err := NewSigner(key)
	if err != nil {
		return nil, err
	}
	return s.AppendSign(nil, cs)
}
