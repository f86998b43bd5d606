package jwt

// This file reads a claims set (RFC 7519 §4) in one strict lejp pass into a
// Claims that owns and reuses all of its memory: the registered claims are
// typed as they are read (a registered claim of the wrong type is an error
// whether or not anyone asked for it, catalog row 24), the decoded strings
// live in one buffer addressed by spans, and every other claim is kept as a
// span of the exact input bytes. Reading a second token into the same
// Claims allocates nothing once its buffers have grown.

import (
	"bytes"
	"encoding/json"
	"errors"
	"hash/maphash"
	"strconv"
	"time"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/lejp"
)

// span addresses bytes of Claims.strs (decoded strings; Claims.Raw itself
// after the fast reader, whose strings need no decoding) or Claims.Raw (raw
// values).
type span struct{ off, n int32 }

// member is one claim that is not registered: its decoded name (in strs)
// and its exact value (in Raw).
type member struct{ name, value span }

// Claims is a verified (or, from Inspect, an unverified) JWT claims set.
// The registered claims are read through typed methods; any claim's exact
// JSON is available through Get; Decode fills a user struct.
//
// The zero value is ready to use; a nil *Claims has no claims (its methods
// report none, and Decode is an error). A Claims may be reused for another token
// (Verifier.VerifyInto), which overwrites it; it is not safe for concurrent
// use.
type Claims struct {
	// Raw is the claims set JSON exactly as signed. It is owned by the
	// Claims and overwritten when the Claims is reused. Setting it by hand
	// makes no claims: the typed methods and Names report what Verify,
	// VerifyInto or Inspect read (nothing, for a Claims they did not
	// fill), while Get and Decode read such a Raw strictly themselves.
	// Give Raw another slice rather than writing into the Claims' own
	// bytes: Get, for a claim that is not registered, tells a Raw it read
	// by its slice (address and length), not by its bytes.
	Raw []byte

	strs  []byte
	inRaw bool // decoded strings are addressed in Raw, not strs
	iss   span
	sub   span
	jti   span
	aud   []span
	audOK bool // "aud" present
	has   uint8
	exp   numericDate
	nbf   numericDate
	iat   numericDate
	extra []member
	names []span
	fold  map[uint64]int32 // checkCase: hash of a name's fold key → index in names
	lower []byte           // checkCase: scratch
	dec   *lejp.Decoder
	read  []byte // Raw as parse read it, nil before (parsedRaw)
}

const (
	hasIss = 1 << iota
	hasSub
	hasJti
	hasExp
	hasNbf
	hasIat
)

// numericDate is a NumericDate (RFC 7519 §2): seconds since the epoch,
// possibly fractional.
type numericDate struct {
	sec  int64
	nsec int32
}

func (d numericDate) time() time.Time { return time.Unix(d.sec, int64(d.nsec)).UTC() }

// after reports t.Before(d.time()) without building the time.Time.
func (d numericDate) after(t time.Time) bool {
	sec, nsec := d.sec, int64(d.nsec)
	if nsec >= 1e9 { // as time.Unix normalizes it
		sec, nsec = sec+nsec/1e9, nsec%1e9
	}
	ts := t.Unix()
	return ts < sec || ts == sec && int64(t.Nanosecond()) < nsec
}

// Issuer returns "iss" and whether it is present.
func (c *Claims) Issuer() (string, bool) {
	if c == nil {
		return "", false
	}
	return c.str(c.iss), c.has&hasIss != 0
}

// Subject returns "sub" and whether it is present.
func (c *Claims) Subject() (string, bool) {
	if c == nil {
		return "", false
	}
	return c.str(c.sub), c.has&hasSub != 0
}

// ID returns "jti" and whether it is present.
func (c *Claims) ID() (string, bool) {
	if c == nil {
		return "", false
	}
	return c.str(c.jti), c.has&hasJti != 0
}

// Audience returns "aud" as a list (a single string becomes a list of one)
// and whether it is present.
func (c *Claims) Audience() ([]string, bool) {
	if c == nil || !c.audOK {
		return nil, false
	}
	out := make([]string, len(c.aud))
	for i, s := range c.aud {
		out[i] = c.str(s)
	}
	return out, true
}

// ExpiresAt returns "exp" and whether it is present.
func (c *Claims) ExpiresAt() (time.Time, bool) {
	if c == nil {
		return numericDate{}.time(), false
	}
	return c.exp.time(), c.has&hasExp != 0
}

// NotBefore returns "nbf" and whether it is present.
func (c *Claims) NotBefore() (time.Time, bool) {
	if c == nil {
		return numericDate{}.time(), false
	}
	return c.nbf.time(), c.has&hasNbf != 0
}

// IssuedAt returns "iat" and whether it is present.
func (c *Claims) IssuedAt() (time.Time, bool) {
	if c == nil {
		return numericDate{}.time(), false
	}
	return c.iat.time(), c.has&hasIat != 0
}

// Get returns the exact JSON value of any claim, registered or not.
// For a Claims that Verify, VerifyInto or Inspect filled, an unregistered
// claim is found among the claims already read, without reading the claims
// set again, so that reading every claim by name costs time and memory
// linear in the claims set.
func (c *Claims) Get(name string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	if c.parsedRaw() && !registered(name) {
		return c.getExtra(name)
	}
	o, err := jose.ParseObject(c.Raw)
	if err != nil {
		return nil, false
	}
	m, ok := o.Get(name)
	return m.Value, ok
}

// Names returns the names of the claims that are not registered, in input
// order.
func (c *Claims) Names() []string {
	if c == nil {
		return []string{}
	}
	out := make([]string, len(c.extra))
	for i, m := range c.extra {
		out[i] = c.str(m.name)
	}
	return out
}

// Decode decodes the claims set into v with encoding/json. This is safe
// because Decode first reads Raw strictly, as Verify, VerifyInto and
// Inspect do, whoever set it (a Raw the caller set or changed, even in
// place, is refused as Verify would refuse it): one object, no
// duplicate names and no names that differ only in case in any object, as
// encoding/json folds case (Unicode simple folding: "ſ" is "s"), so its
// case-insensitive field matching cannot pick between two members; depth
// at most 64, valid UTF-8, every registered claim of its type.
//
// encoding/json still matches a lone name to a field case-insensitively:
// a claim "EXP" (or "ſub", with U+017F) fills a field tagged "exp" ("sub")
// when the token has no "exp" ("sub"), though it is not that registered
// claim, which the Validator and the typed methods (ExpiresAt, Subject…)
// do not see. Read the registered claims through those methods.
func (c *Claims) Decode(v any) error {
	if c == nil || len(c.Raw) == 0 {
		return errNoClaims
	}
	// Raw is read strictly again, in a Claims of its own (Decode only
	// reads c), even when Verify, VerifyInto or Inspect read it: the
	// caller may have written other bytes into it since, which nothing
	// cheaper tells from those read (parsedRaw compares the slice, not its
	// bytes). This costs a fraction of json.Unmarshal.
	t := Claims{Raw: c.Raw}
	if err := t.parse(); err != nil {
		return err
	}
	if err := json.Unmarshal(c.Raw, v); err != nil {
		return wrapCause(jose.ErrMalformed, "decoding claims", err)
	}
	return nil
}

func (c *Claims) str(s span) string { return string(c.bytes(s)) }

func (c *Claims) bytes(s span) []byte {
	if c.inRaw {
		return c.Raw[s.off : s.off+s.n]
	}
	return c.strs[s.off : s.off+s.n]
}

// reset forgets everything but the buffers.
func (c *Claims) reset() {
	c.Raw = c.Raw[:0]
	c.strs = c.strs[:0]
	c.inRaw = false
	c.aud = c.aud[:0]
	c.extra = c.extra[:0]
	c.audOK = false
	c.has = 0
	c.iss, c.sub, c.jti = span{}, span{}, span{}
	c.exp, c.nbf, c.iat = numericDate{}, numericDate{}, numericDate{}
	c.read = nil
}

// The claims reader runs lejp with duplicate detection off at the top
// level, where checkCase rejects both exact duplicates and case variants
// (cheaper for a handful of names than lejp's name memory); every nested
// object or array value is then checked by a second, fully strict lejp
// pass (nestedOpts) that also rejects case variants in each nested object
// (checkNested), so nothing is accepted that jose.ParseObject would refuse
// (FuzzClaims checks this), and no two names of one object are equal under
// encoding/json's folding (fold.go).
var (
	claimsOpts = &lejp.Options{MaxDepth: jose.MaxDepth, AllowDuplicateNames: true}
	nestedOpts = &lejp.Options{MaxDepth: jose.MaxDepth - 1}
)

// The claims readers hold the names of the open objects, the claims set's
// own included, within what jose.ParseObject's lejp Decoder holds
// (Options.MaxNameMemory): maxNameMemory bytes, counting each name's
// decoded bytes and nameOverhead, so that they refuse no less than
// ParseObject does (which Claims.Get reads through). More is
// nameMemoryAt's error.
const (
	maxNameMemory = lejp.DefaultMaxNameMemory
	nameOverhead  = 32
)

// maxClaims bounds the members of a claims set (jose.MaxMembers).
const maxClaims = jose.MaxMembers

// maxAud bounds the audiences of "aud" (jose.MaxStrings).
const maxAud = jose.MaxStrings

// parse reads c.Raw (c must be reset but for Raw): through the fast
// reader when the claims set is in its subset, else through parseStrict.
func (c *Claims) parse() error {
	if c.fastParse() {
		c.read = c.Raw
		return nil
	}
	raw := c.Raw
	c.reset()
	c.Raw = raw
	if err := c.parseStrict(); err != nil {
		return err
	}
	c.read = c.Raw
	return nil
}

// parseStrict reads c.Raw with lejp.
func (c *Claims) parseStrict() error {
	if c.dec == nil {
		c.dec = lejp.NewDecoderBytes(c.Raw, claimsOpts)
	} else {
		c.dec.ResetBytes(c.Raw)
	}
	d := c.dec
	tok, err := d.ReadToken()
	if err != nil {
		return syntax(err)
	}
	if tok.Kind != lejp.ObjectStart {
		return errNotObject
	}
	c.names = c.names[:0]
	mem := 0 // the names' memory as lejp counts it (see maxNameMemory)
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return syntax(err)
		}
		if tok.Kind == lejp.ObjectEnd {
			break
		}
		if len(c.names) == maxClaims {
			return errTooMany
		}
		name := c.addStr(tok.Value)
		if err := c.checkCase(name); err != nil {
			if err == errDuplicate { // as lejp reports it
				return wrapCause(jose.ErrMalformed, "claims", &lejp.SyntaxError{Offset: tok.Offset,
					Path: string(appendPointerToken(nil, tok.Value)), Err: lejp.ErrDuplicateName})
			}
			return err
		}
		if mem += len(tok.Value) + nameOverhead; mem > maxNameMemory {
			return nameMemoryAt(tok.Offset, string(appendPointerToken(nil, tok.Value)))
		}
		c.names = append(c.names, name)
		switch string(tok.Value) {
		case "iss":
			err = c.readString(&c.iss, hasIss, "iss")
		case "sub":
			err = c.readString(&c.sub, hasSub, "sub")
		case "jti":
			err = c.readString(&c.jti, hasJti, "jti")
		case "aud":
			err = c.readAud()
		case "exp":
			err = c.readDate(&c.exp, hasExp, "exp")
		case "nbf":
			err = c.readDate(&c.nbf, hasNbf, "nbf")
		case "iat":
			err = c.readDate(&c.iat, hasIat, "iat")
		default:
			var v []byte
			if v, err = d.ReadValue(); err != nil {
				return syntax(err)
			}
			end := int32(d.InputOffset())
			if len(v) > 0 && (v[0] == '{' || v[0] == '[') {
				if _, err := c.checkNested(v, mem); err != nil {
					return nestedAt(err, int64(end)-int64(len(v)), c.bytes(name))
				}
			}
			c.extra = append(c.extra, member{name: name, value: span{end - int32(len(v)), int32(len(v))}})
		}
		if err != nil {
			return err
		}
	}
	if err := d.Finish(); err != nil {
		return syntax(err)
	}
	return nil
}

// addStr appends a decoded string to strs and returns its span.
func (c *Claims) addStr(b []byte) span {
	off := len(c.strs)
	c.strs = append(c.strs, b...)
	return span{int32(off), int32(len(b))}
}

// checkCase rejects a name equal, but for case (Unicode simple folding, as
// encoding/json matches names), to an earlier one (catalog row 20), with
// errCaseVariant, and an exact duplicate, lejp's check being off at the top
// level, with errDuplicate. It compares names one by one while there are
// fewer than foldScan, then looks them up by a seeded hash of the
// lower-cased name, so n names of length L cost O(n·L), not O(n²·L).
func (c *Claims) checkCase(name span) error {
	nb := c.bytes(name)
	if len(c.names) < foldScan {
		return c.scanCase(nb)
	}
	if len(c.names) == foldScan {
		if c.fold == nil {
			c.fold = make(map[uint64]int32, 4*foldScan)
		}
		clear(c.fold)
		for i, o := range c.names {
			c.fold[c.foldHash(c.bytes(o))] = int32(i)
		}
	}
	h := c.foldHash(nb)
	i, ok := c.fold[h]
	if !ok {
		c.fold[h] = int32(len(c.names))
		return nil
	}
	if prev := c.bytes(c.names[i]); foldCompare(prev, nb) {
		return caseErr(prev, nb)
	}
	return c.scanCase(nb) // two names with one hash: 2^-64 odds
}

// caseErr is checkCase's error for two names equal under folding:
// errDuplicate when they are equal.
func caseErr(prev, name []byte) error {
	if bytes.Equal(prev, name) {
		return errDuplicate
	}
	return errCaseVariant
}

// errDuplicate is checkCase's error for a name equal to an earlier one,
// which parseStrict reports as lejp would.
var errDuplicate = errors.New("jwt: duplicate claim name")

// foldScan is the number of names checkCase compares one by one.
const foldScan = 16

// foldSeed keys checkCase's hash, so input cannot be made to collide.
var foldSeed = maphash.MakeSeed()

// foldHash hashes b's fold key (appendFoldKey), through c.lower.
func (c *Claims) foldHash(b []byte) uint64 {
	c.lower = appendFoldKey(c.lower[:0], b)
	return maphash.Bytes(foldSeed, c.lower)
}

func (c *Claims) scanCase(nb []byte) error {
	for _, o := range c.names {
		if prev := c.bytes(o); foldCompare(prev, nb) {
			return caseErr(prev, nb)
		}
	}
	return nil
}

// foldCompare is bytes.EqualFold, the relation encoding/json matches names
// to fields by; tests replace it to count the bytes checkCase compares.
var foldCompare = bytes.EqualFold

// readString reads the string-valued registered claim name.
func (c *Claims) readString(dst *span, bit uint8, name string) error {
	tok, err := c.dec.ReadToken()
	if err != nil {
		return syntax(err)
	}
	if tok.Kind != lejp.String {
		return claimError(errClaimType, name)
	}
	*dst = c.addStr(tok.Value)
	c.has |= bit
	return nil
}

// readAud reads "aud": a string or an array of strings (RFC 7519 §4.1.3).
// Anything else — a number, an object, null, an array holding a non-string
// — is an error (catalog row 23); more than jose.MaxStrings audiences is
// jose.ErrLimit.
func (c *Claims) readAud() error {
	d := c.dec
	tok, err := d.ReadToken()
	if err != nil {
		return syntax(err)
	}
	switch tok.Kind {
	case lejp.String:
		c.aud = append(c.aud, c.addStr(tok.Value))
	case lejp.ArrayStart:
		for {
			tok, err = d.ReadToken()
			if err != nil {
				return syntax(err)
			}
			if tok.Kind == lejp.ArrayEnd {
				break
			}
			if tok.Kind != lejp.String {
				return claimError(errClaimType, "aud")
			}
			if len(c.aud) == maxAud {
				return errTooManyAud
			}
			c.aud = append(c.aud, c.addStr(tok.Value))
		}
	default:
		return claimError(errClaimType, "aud")
	}
	c.audOK = true
	return nil
}

// maxDate bounds NumericDate values: ±2^53 seconds is far beyond any real
// date and well within what time.Time holds.
const maxDate = 1 << 53

// smallInt parses a non-negative decimal of at most 15 digits (lejp has
// already checked the number's syntax); ok is false otherwise.
func smallInt(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 15 {
		return 0, false
	}
	var v int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// readDate reads a NumericDate: a JSON number (RFC 7519 §2) within
// ±maxDate seconds, one with a fraction or an exponent exactly, as the
// least nanosecond at or above it (parseDate). A string ("123"), null, or
// a number out of range (1e400, 9007199254740992.5) is an error (catalog
// row 24).
func (c *Claims) readDate(dst *numericDate, bit uint8, name string) error {
	tok, err := c.dec.ReadToken()
	if err != nil {
		return syntax(err)
	}
	switch tok.Kind {
	case lejp.Int:
		v, ok := smallInt(tok.Value)
		if !ok {
			var err error
			if v, err = strconv.ParseInt(string(tok.Value), 10, 64); err != nil {
				return claimError(errDateRange, name)
			}
		}
		if v > maxDate || v < -maxDate {
			return claimError(errDateRange, name)
		}
		*dst = numericDate{sec: v}
	case lejp.Float:
		d, ok := parseDate(tok.Value)
		if !ok {
			return claimError(errDateRange, name)
		}
		*dst = d
	default:
		return claimError(errClaimType, name)
	}
	c.has |= bit
	return nil
}
