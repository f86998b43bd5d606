package jose

// This file is the one place where JOSE reads JSON objects: a strict lejp
// pass over one object that records each member's name and raw value bytes,
// rejecting duplicate names (also names equal but for case, catalog row 20)
// and nesting deeper than MaxDepth. Headers, JWKs and JWK Sets are built
// on it, so their entry points share one parser; package jwt reads claims
// sets with its own reader under the same rules (see the package doc).

import (
	"errors"
	"hash/maphash"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// MaxDepth is the deepest nesting of arrays and objects accepted in any JOSE
// JSON object (catalog row 28).
const MaxDepth = 64

// MaxMembers bounds the members of one JOSE JSON object. With it, parsing
// an object allocates at most a small multiple of its size plus about 256
// bytes per member.
const MaxMembers = 1024

var parseOpts = &lejp.Options{MaxDepth: MaxDepth}

// Member is one member of a JSON object: its decoded name and its value's
// exact bytes as they appeared in the input.
//
// A Member to be written (jwt.ClaimSet.Extra, jws.SigningKey.Protected and
// Unprotected) is a literal of Name and Value alone, Value being one JSON
// value exactly as it is to be written, so a string keeps its quotes:
// Member{Name: "role", Value: []byte(`"admin"`)}; a number, array or
// object is its JSON text (`42`, `["a","b"]`).
type Member struct {
	Name  string
	Value []byte

	// str is the text between the quotes of a string value without
	// escapes, as ParseObject saw it: Value[1:len(Value)-1], the same
	// bytes (String checks that they still are).
	str    []byte
	hasStr bool
}

// Object is a JSON object parsed strictly: its exact bytes and its members in
// input order. Values are kept raw and decoded on demand by the Member
// methods.
type Object struct {
	Raw     []byte
	Members []Member
}

// malformed wraps a lejp error (keeping *lejp.SyntaxError reachable through
// errors.As) or a message in ErrMalformed, or in ErrLimit when lejp refused
// the input for one of its size limits (depth, name, number or string
// length, name memory, value size) rather than for its syntax.
func malformed(what string, err error) error {
	if err == nil {
		return within(what, ErrMalformed)
	}
	sentinel := ErrMalformed
	var se *lejp.SyntaxError
	if errors.As(err, &se) {
		for _, limit := range lejpLimits {
			if errors.Is(se.Err, limit) {
				sentinel = ErrLimit
				break
			}
		}
	}
	return &joseErr{msg: "jose: " + what + ": " + bare(sentinel) + ": " + bare(err), errs: []error{sentinel, err}}
}

// lejpLimits are the lejp errors that say the input exceeds a limit.
var lejpLimits = [...]error{lejp.ErrDepth, lejp.ErrNameTooLong, lejp.ErrNumberTooLong,
	lejp.ErrStringTooLong, lejp.ErrTooManyNames, lejp.ErrValueTooLarge}

// ParseObject parses raw, which must be exactly one JSON object (RFC 8259,
// strict: valid UTF-8, no duplicate member names, depth ≤ MaxDepth). Names
// that differ only in case are rejected too, because some JOSE
// implementations match names case-insensitively: case as Go's encoding/json
// (and package jwt) matches names, Unicode simple folding, so "alg" and
// "Alg", "kid" and "\u212aid" (a Kelvin sign), "é" and "É". Input over a
// size limit (MaxDepth, MaxMembers, or lejp's default limits on the length
// of names, numbers and strings) is ErrLimit; any other error is
// ErrMalformed. The returned Object's values alias raw.
func ParseObject(raw []byte) (*Object, error) {
	o := &Object{}
	if err := parseObject(o, raw); err != nil {
		return nil, err
	}
	return o, nil
}

// decoders reuses lejp Decoders (and their name tables and stacks) across
// parses. A Decoder goes back reset to nil input, so it keeps no reference
// to what it read.
var decoders = sync.Pool{New: func() any { return lejp.NewDecoderBytes(nil, parseOpts) }}

func getDecoder(raw []byte) *lejp.Decoder {
	d := decoders.Get().(*lejp.Decoder)
	d.ResetBytes(raw)
	return d
}

func putDecoder(d *lejp.Decoder) {
	d.ResetBytes(nil)
	decoders.Put(d)
}

func parseObject(o *Object, raw []byte) error {
	d := getDecoder(raw)
	defer putDecoder(d)
	err := parseMembers(o, d, raw)
	if err != nil {
		o.Members = nil
	}
	return err
}

func parseMembers(o *Object, d *lejp.Decoder, raw []byte) error {
	tok, err := d.ReadToken()
	if err != nil {
		return malformed("parsing JSON", err)
	}
	if tok.Kind != lejp.ObjectStart {
		return malformed("JSON value is not an object", nil)
	}
	o.Raw = raw
	if o.Members == nil {
		o.Members = make([]Member, 0, 8)
	}
	var folded foldIndex
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return malformed("parsing JSON", err)
		}
		if tok.Kind == lejp.ObjectEnd {
			break
		}
		if len(o.Members) == MaxMembers {
			return errorf(ErrLimit, nil, "JSON object has more than %d members", MaxMembers)
		}
		name := string(tok.Value)
		if prev, dup := folded.check(o.Members, name, len(raw)/len(`"":0,`)+1); dup {
			return errorf(ErrMalformed, nil, "member names %s and %s differ only in case", quote(prev), quote(name))
		}
		if valueStart(raw, d.InputOffset()) == '"' {
			// Read strings now, while the decoder is at hand: most JOSE
			// members are strings without escapes, whose text String can
			// then return without a second decoder.
			tok, err := d.ReadToken()
			if err != nil {
				return malformed("parsing JSON", err)
			}
			v := raw[tok.Offset:d.InputOffset()]
			m := Member{Name: name, Value: v}
			if str := v[1 : len(v)-1]; string(tok.Value) == string(str) { // no escapes
				m.str, m.hasStr = str, true
			}
			o.Members = append(o.Members, m)
			continue
		}
		v, err := d.ReadValue()
		if err != nil {
			return malformed("parsing JSON", err)
		}
		o.Members = append(o.Members, Member{Name: name, Value: v})
	}
	if err := d.Finish(); err != nil {
		return malformed("parsing JSON", err)
	}
	return nil
}

// foldScan is the number of names compared one by one for case variants;
// beyond it a foldIndex looks names up by hash.
const foldScan = 16

// foldSeed keys the hash of foldIndex, so input cannot be made to collide.
var foldSeed = maphash.MakeSeed()

// foldIndex finds a name equal but for case (strings.EqualFold) to an
// earlier one (lejp has already rejected exact duplicates): by comparing it
// with each while there are fewer than foldScan, then through a map from the
// hash of their fold keys to their index, so n names of length L cost O(n·L), not
// O(n²·L), and the map about 16 bytes a name.
type foldIndex map[uint64]int32

func foldHash(name string) uint64 { return maphash.String(foldSeed, foldKey(name)) }

// check returns the earlier member name equal to name but for case.
// members are the names seen so far, in order; name will be members[len];
// most is how many the object can have at most (from its length), so that
// the map is made once at its final size rather than grown.
func (f *foldIndex) check(members []Member, name string, most int) (string, bool) {
	if *f == nil {
		if len(members) < foldScan {
			return scanFold(members, name)
		}
		*f = make(foldIndex, min(MaxMembers, max(4*len(members), most)))
		for i, m := range members {
			(*f)[foldHash(m.Name)] = int32(i)
		}
	}
	h := foldHash(name)
	i, ok := (*f)[h]
	if !ok {
		(*f)[h] = int32(len(members))
		return "", false
	}
	if prev := members[i].Name; foldCompare(prev, name) {
		return prev, true
	}
	return scanFold(members, name) // two names with one hash: 2^-64 odds
}

// scanFold compares name with every member's name.
func scanFold(members []Member, name string) (string, bool) {
	for _, m := range members {
		if foldCompare(m.Name, name) {
			return m.Name, true
		}
	}
	return "", false
}

// foldKey returns a key for s such that foldKey(a) == foldKey(b) exactly
// when strings.EqualFold(a, b): each rune replaced by the least rune of its
// simple-fold orbit, an ASCII capital then by its small letter. It does not
// allocate for a name of small ASCII letters, digits and punctuation.
func foldKey(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			b := make([]byte, i, len(s)+utf8.UTFMax)
			copy(b, s[:i])
			for _, r := range s[i:] {
				r = foldRune(r)
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				b = utf8.AppendRune(b, r)
			}
			return string(b)
		}
	}
	return s
}

// foldRune returns the least rune of r's simple-fold orbit.
func foldRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// valueStart returns the first byte of the value after a member name that
// ends before off: the byte after the colon and any whitespace, or 0.
func valueStart(raw []byte, off int64) byte {
	for i := int(off); i >= 0 && i < len(raw); i++ {
		switch raw[i] {
		case ' ', '\t', '\r', '\n', ':':
			continue
		}
		return raw[i]
	}
	return 0
}

// Get returns the member named name (exact match).
func (o *Object) Get(name string) (Member, bool) {
	for _, m := range o.Members {
		if m.Name == name {
			return m, true
		}
	}
	return Member{}, false
}

// Has reports whether the object has a member named name.
func (o *Object) Has(name string) bool {
	_, ok := o.Get(name)
	return ok
}

// ValueKind is the kind of a JSON value, told by its first byte.
type ValueKind uint8

// The JSON value kinds.
const (
	KindInvalid ValueKind = iota
	KindObject
	KindArray
	KindString
	KindNumber
	KindBool
	KindNull
)

// Kind returns the kind of the member's value.
func (m Member) Kind() ValueKind { return valueKind(m.Value) }

func valueKind(v []byte) ValueKind {
	if len(v) == 0 {
		return KindInvalid
	}
	switch c := v[0]; {
	case c == '{':
		return KindObject
	case c == '[':
		return KindArray
	case c == '"':
		return KindString
	case c == 't' || c == 'f':
		return KindBool
	case c == 'n':
		return KindNull
	case c == '-' || c >= '0' && c <= '9':
		return KindNumber
	}
	return KindInvalid
}

func (m Member) typeErr(want string) error {
	return errorf(ErrMalformed, nil, "member %s must be %s", quote(m.Name), want)
}

// scalar reads the single token of a scalar value.
// The token's Value is copied if it is a string, as the decoder is reused.
func scalar(v []byte) (lejp.Token, error) {
	d := getDecoder(v)
	defer putDecoder(d)
	tok, err := d.ReadToken()
	if err == nil {
		err = d.Finish()
	}
	tok.Value = append([]byte(nil), tok.Value...)
	return tok, err
}

// String decodes a string value (escapes resolved).
func (m Member) String() (string, error) {
	if m.Kind() != KindString {
		return "", m.typeErr("a string")
	}
	if m.parsedText() {
		return string(m.str), nil
	}
	tok, err := scalar(m.Value)
	if err != nil || tok.Kind != lejp.String {
		return "", malformed("member "+quote(m.Name), err)
	}
	return string(tok.Value), nil
}

// parsedText reports whether m.str is still the text of m.Value, which
// ParseObject found to be a string without escapes: the caller may have
// given the Member another Value since.
func (m Member) parsedText() bool {
	if !m.hasStr || len(m.Value) != len(m.str)+2 {
		return false
	}
	if len(m.str) == 0 {
		return string(m.Value) == `""`
	}
	return &m.Value[1] == &m.str[0]
}

// Bool decodes a true or false value.
func (m Member) Bool() (bool, error) {
	switch string(m.Value) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, m.typeErr("true or false")
}

// Int decodes an integer number (no fraction, no exponent) that fits int64.
func (m Member) Int() (int64, error) {
	if m.Kind() != KindNumber {
		return 0, m.typeErr("an integer")
	}
	tok, err := scalar(m.Value)
	if err != nil {
		return 0, malformed("member "+quote(m.Name), err)
	}
	n, err := tok.Int64()
	if err != nil {
		return 0, m.typeErr("an integer in the int64 range")
	}
	return n, nil
}

// Base64URL decodes a string value holding strict base64url (RFC 7515 §2).
func (m Member) Base64URL() ([]byte, error) {
	s, err := m.String()
	if err != nil {
		return nil, err
	}
	b, err := DecodeBase64URL([]byte(s))
	if err != nil {
		return nil, within("member "+quote(m.Name), err)
	}
	return b, nil
}

// Object parses an object value.
func (m Member) Object() (*Object, error) {
	if m.Kind() != KindObject {
		return nil, m.typeErr("an object")
	}
	o, err := ParseObject(m.Value)
	if err != nil {
		return nil, within("member "+quote(m.Name), err)
	}
	return o, nil
}

// Array returns the raw bytes of each element of an array value.
func (m Member) Array() ([][]byte, error) {
	if m.Kind() != KindArray {
		return nil, m.typeErr("an array")
	}
	els, err := ArrayElements(m.Value)
	if err != nil {
		return nil, within("member "+quote(m.Name), err)
	}
	return els, nil
}

// Strings decodes an array of strings; the value must be exactly one
// array, as for the other decoders. An empty array gives an empty,
// non-nil slice, so that callers can tell it from an absent member (a nil
// slice): "key_ops": [] allows no operation, where no "key_ops" allows all.
func (m Member) Strings() ([]string, error) {
	if m.Kind() != KindArray {
		return nil, m.typeErr("an array of strings")
	}
	d := getDecoder(m.Value)
	defer putDecoder(d)
	if _, err := d.ReadToken(); err != nil {
		return nil, malformed("member "+quote(m.Name), err)
	}
	out := []string{}
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return nil, malformed("member "+quote(m.Name), err)
		}
		if tok.Kind == lejp.ArrayEnd {
			break
		}
		if tok.Kind != lejp.String {
			return nil, m.typeErr("an array of strings")
		}
		if len(out) == MaxStrings {
			return nil, errorf(ErrLimit, nil, "member %s has more than %d strings", quote(m.Name), MaxStrings)
		}
		out = append(out, string(tok.Value))
	}
	// Only the whole value: a Member made by a caller may hold more.
	if err := d.Finish(); err != nil {
		return nil, malformed("member "+quote(m.Name), err)
	}
	return out, nil
}

// maxElements bounds the elements of one JSON array.
const maxElements = 1 << 16

// MaxStrings bounds the arrays of strings JOSE defines ("crit", "key_ops",
// "x5c", "aud"): more than this is ErrLimit.
const MaxStrings = 1024

// ArrayElements parses raw, which must be exactly one JSON array, and
// returns the raw bytes of its elements (aliasing raw). More than 65,536
// elements is ErrLimit.
func ArrayElements(raw []byte) ([][]byte, error) {
	var out [][]byte
	err := EachElement(raw, func(el []byte) error {
		out = append(out, el)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachElement parses raw, which must be exactly one JSON array, and calls f
// with the raw bytes of each element (aliasing raw) as it is read, stopping
// at the first error f returns (which EachElement returns as is). Nothing
// is collected, so a caller that fails early does no work for the rest.
func EachElement(raw []byte, f func(el []byte) error) error {
	d := getDecoder(raw)
	defer putDecoder(d)
	tok, err := d.ReadToken()
	if err != nil {
		return malformed("parsing JSON", err)
	}
	if tok.Kind != lejp.ArrayStart {
		return malformed("JSON value is not an array", nil)
	}
	for n := 0; ; n++ {
		v, err := d.ReadValue()
		if errors.Is(err, lejp.ErrNoValue) { // the closing ']'
			break
		}
		if err != nil {
			return malformed("parsing JSON", err)
		}
		if n == maxElements {
			return errorf(ErrLimit, nil, "JSON array has more than %d elements", maxElements)
		}
		if err := f(v); err != nil {
			return err
		}
	}
	if err := d.Finish(); err != nil {
		return malformed("parsing JSON", err)
	}
	return nil
}
