package jose

// This file is the one place where JOSE reads JSON objects: a strict lejp
// pass over one object that records each member's name and raw value bytes,
// rejecting duplicate names (also names equal but for ASCII case, catalog row
// 20) and nesting deeper than MaxDepth. Headers, JWKs, JWK Sets and JWT
// claims are all built on it, so every entry point shares one parser.

import (
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/lejp"
)

// MaxDepth is the deepest nesting of arrays and objects accepted in any JOSE
// JSON object (catalog row 28).
const MaxDepth = 64

// MaxMembers bounds the members of one JOSE JSON object.
const MaxMembers = 1024

var parseOpts = &lejp.Options{MaxDepth: MaxDepth}

// Member is one member of a JSON object: its decoded name and its value's
// exact bytes as they appeared in the input.
type Member struct {
	Name  string
	Value []byte
}

// Object is a JSON object parsed strictly: its exact bytes and its members in
// input order. Values are kept raw and decoded on demand by the Member
// methods.
type Object struct {
	Raw     []byte
	Members []Member
}

// malformed wraps a lejp error (keeping *lejp.SyntaxError reachable through
// errors.As) or a message in ErrMalformed.
func malformed(what string, err error) error {
	if err == nil {
		return fmt.Errorf("jose: %s: %w", what, ErrMalformed)
	}
	var se *lejp.SyntaxError
	if errors.As(err, &se) {
		if errors.Is(se.Err, lejp.ErrDepth) {
			return fmt.Errorf("jose: %s: %w: %w", what, ErrLimit, err)
		}
	}
	return fmt.Errorf("jose: %s: %w: %w", what, ErrMalformed, err)
}

// ParseObject parses raw, which must be exactly one JSON object (RFC 8259,
// strict: valid UTF-8, no duplicate member names, depth ≤ MaxDepth). Names
// that differ only in ASCII case ("alg" and "Alg") are rejected too, because
// some JOSE implementations match names case-insensitively. The returned
// Object's values alias raw.
func ParseObject(raw []byte) (*Object, error) {
	d := lejp.NewDecoderBytes(raw, parseOpts)
	tok, err := d.ReadToken()
	if err != nil {
		return nil, malformed("parsing JSON", err)
	}
	if tok.Kind != lejp.ObjectStart {
		return nil, malformed("JSON value is not an object", nil)
	}
	o := &Object{Raw: raw}
	for {
		tok, err := d.ReadToken()
		if err != nil {
			return nil, malformed("parsing JSON", err)
		}
		if tok.Kind == lejp.ObjectEnd {
			break
		}
		if len(o.Members) == MaxMembers {
			return nil, fmt.Errorf("jose: JSON object has more than %d members: %w", MaxMembers, ErrLimit)
		}
		name := string(tok.Value)
		for _, m := range o.Members {
			if len(m.Name) == len(name) && equalFoldASCII(m.Name, name) {
				return nil, fmt.Errorf("jose: member names %s and %s differ only in case: %w", quote(m.Name), quote(name), ErrMalformed)
			}
		}
		v, err := d.ReadValue()
		if err != nil {
			return nil, malformed("parsing JSON", err)
		}
		o.Members = append(o.Members, Member{Name: name, Value: v})
	}
	if err := d.Finish(); err != nil {
		return nil, malformed("parsing JSON", err)
	}
	return o, nil
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
	return fmt.Errorf("jose: member %s must be %s: %w", quote(m.Name), want, ErrMalformed)
}

// scalar reads the single token of a scalar value.
func scalar(v []byte) (lejp.Token, error) {
	d := lejp.NewDecoderBytes(v, parseOpts)
	tok, err := d.ReadToken()
	if err != nil {
		return tok, err
	}
	return tok, nil
}

// String decodes a string value (escapes resolved).
func (m Member) String() (string, error) {
	if m.Kind() != KindString {
		return "", m.typeErr("a string")
	}
	tok, err := scalar(m.Value)
	if err != nil || tok.Kind != lejp.String {
		return "", malformed("member "+quote(m.Name), err)
	}
	return string(tok.Value), nil
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
		return nil, fmt.Errorf("jose: member %s: %w", quote(m.Name), err)
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
		return nil, fmt.Errorf("jose: member %s: %w", quote(m.Name), err)
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
		return nil, fmt.Errorf("jose: member %s: %w", quote(m.Name), err)
	}
	return els, nil
}

// Strings decodes an array of strings.
func (m Member) Strings() ([]string, error) {
	els, err := m.Array()
	if err != nil {
		return nil, err
	}
	out := make([]string, len(els))
	for i, e := range els {
		if out[i], err = (Member{Name: m.Name, Value: e}).String(); err != nil {
			return nil, m.typeErr("an array of strings")
		}
	}
	return out, nil
}

// ArrayElements parses raw, which must be exactly one JSON array, and
// returns the raw bytes of its elements (aliasing raw).
func ArrayElements(raw []byte) ([][]byte, error) {
	d := lejp.NewDecoderBytes(raw, parseOpts)
	tok, err := d.ReadToken()
	if err != nil {
		return nil, malformed("parsing JSON", err)
	}
	if tok.Kind != lejp.ArrayStart {
		return nil, malformed("JSON value is not an array", nil)
	}
	var out [][]byte
	for {
		v, err := d.ReadValue()
		if errors.Is(err, lejp.ErrNoValue) { // the closing ']'
			break
		}
		if err != nil {
			return nil, malformed("parsing JSON", err)
		}
		if len(out) == 1<<16 {
			return nil, fmt.Errorf("jose: JSON array has more than %d elements: %w", 1<<16, ErrLimit)
		}
		out = append(out, v)
	}
	if err := d.Finish(); err != nil {
		return nil, malformed("parsing JSON", err)
	}
	return out, nil
}
